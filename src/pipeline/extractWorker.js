// Entry of an extraction worker thread. Workers start without the parent's TypeScript
// loader, so this plain .js file registers tsx and then loads the TypeScript task.
import { register } from 'tsx/esm/api';

register();
await import('./extractTask.ts');
