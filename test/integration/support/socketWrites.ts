/** Counting the socket writes a piece of work makes to one port (how many flushes reach the server). */
import { Socket } from 'node:net';

type WriteMethod = (this: Socket, ...args: unknown[]) => unknown;

/** Counts `_write`/`_writev` calls on sockets to `port` while `work` runs. */
export async function countSocketWrites<T>(port: number, work: () => Promise<T>): Promise<{ result: T; writes: number }> {
  const proto = Socket.prototype as unknown as Record<'_write' | '_writev', WriteMethod>;
  const originals = { _write: proto._write, _writev: proto._writev };
  let writes = 0;
  for (const name of ['_write', '_writev'] as const) {
    const original = originals[name];
    proto[name] = function (this: Socket, ...args: unknown[]): unknown {
      if (this.remotePort === port) writes += 1;
      return original.apply(this, args);
    };
  }
  try {
    return { result: await work(), writes };
  } finally {
    Object.assign(proto, originals);
  }
}
