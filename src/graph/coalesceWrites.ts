/**
 * One socket write per Bolt flush instead of one per 1,400-byte chunk.
 *
 * neo4j-driver (6.x, Node) packs a Bolt message into 1,400-byte chunks and hands each chunk
 * to the socket as its own `write()`. The socket has Nagle off, so each chunk becomes a
 * syscall and a TCP segment. An ingest batch's parameters run to hundreds of kilobytes, so a
 * batch costs hundreds of writes. Measured on a 10,000-article ingest into a local server:
 *  - the writes take about 0.25 ms of ingest-process CPU per article;
 *  - Neo4j's network thread spends another 0.1 ms per article receiving the segments.
 *
 * The fix: cork the socket on the first write of a tick and uncork it on the next tick.
 * Everything the driver flushed in between then goes out in one `writev`.
 *  - Order and content are unchanged.
 *  - `end()` uncorks, so the driver's closing message still goes out.
 *
 * The driver has no option for this, so the patch wraps the `write` method of the driver's
 * own Node channel class. The class is resolved from neo4j-driver's location, so it is the
 * instance the driver uses.
 *
 * If a driver release changes that class, the patch is not applied and writes go out as
 * before. An integration test (test/integration/coalesce-writes.test.ts) counts the socket
 * writes, so such a release is noticed.
 */
import { createRequire } from 'node:module';

/** The part of the driver's NodeChannel this patch relies on. */
interface Channel {
  /** The socket (a net.Socket, or a tls.TLSSocket for encrypted connections). */
  _conn?: Corkable;
  write(buffer: unknown): unknown;
}

interface Corkable {
  cork(): void;
  uncork(): void;
}

const CHANNEL_MODULE = 'neo4j-driver-bolt-connection/lib/channel/node/node-channel.js';
const PATCHED = Symbol.for('govgraph.coalesceBoltWrites');

function isCorkable(value: unknown): value is Corkable {
  const socket = value as Partial<Corkable> | null | undefined;
  return typeof socket?.cork === 'function' && typeof socket.uncork === 'function';
}

/** The driver's NodeChannel prototype, or null when this driver does not have one where expected. */
function channelPrototype(): (Channel & Record<symbol, unknown>) | null {
  try {
    const fromDriver = createRequire(createRequire(import.meta.url).resolve('neo4j-driver'));
    const mod = fromDriver(CHANNEL_MODULE) as { default?: { prototype?: unknown } };
    const proto = mod.default?.prototype as (Channel & Record<symbol, unknown>) | undefined;
    return proto && typeof proto.write === 'function' ? proto : null;
  } catch {
    return null;
  }
}

/**
 * Makes every driver connection coalesce the writes of one tick (idempotent; process-wide,
 * like the driver's own module state). Returns whether the patch is in place.
 */
export function coalesceBoltWrites(): boolean {
  const proto = channelPrototype();
  if (proto === null) return false;
  if (proto[PATCHED] !== true) {
    const write = proto.write;
    const corked = new WeakSet<Corkable>();
    proto.write = function coalescedWrite(this: Channel, buffer: unknown): unknown {
      const socket = this._conn;
      if (isCorkable(socket) && !corked.has(socket)) {
        corked.add(socket);
        socket.cork();
        process.nextTick(() => {
          corked.delete(socket);
          socket.uncork();
        });
      }
      return write.call(this, buffer);
    };
    proto[PATCHED] = true;
  }
  return true;
}
