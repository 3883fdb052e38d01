// Entry of the API bench's HTTP client thread. Workers start without the parent's
// TypeScript loader, so this plain .js file registers tsx and then loads the client.
import { register } from 'tsx/esm/api';

register();
await import('./apiHttpClient.ts');
