/**
 * Splits a byte stream into lines with bounded memory: a line longer than `maxBytes` is not
 * kept, only measured, so one huge line cannot exhaust memory. Bytes, not text: each line
 * is decoded (and its UTF-8 checked) on its own.
 */

/** One line of a stream; `bytes` is null when the line was over the limit. */
export interface Line {
  /** 1-based line number. */
  number: number;
  bytes: Buffer | null;
  /** The line's length in bytes, without the newline. */
  size: number;
  /** Bytes of the stream this line used up, its newline included. */
  consumed: number;
}

/** Yields the lines of `chunks` (split on \n, a trailing \r dropped), keeping at most `maxBytes` of each. */
export async function* splitLines(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let number = 0;
  const finish = (newline: boolean): Line => {
    number += 1;
    let bytes = size > maxBytes + 1 ? null : Buffer.concat(parts, size);
    if (bytes && bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    if (bytes && bytes.length > maxBytes) bytes = null;
    const line = { number, bytes, size: bytes ? bytes.length : size, consumed: size + (newline ? 1 : 0) };
    parts = [];
    size = 0;
    return line;
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (let nl = chunk.indexOf(0x0a, from); nl >= 0; nl = chunk.indexOf(0x0a, from)) {
      const piece = chunk.subarray(from, nl);
      size += piece.length;
      if (size <= maxBytes + 1) parts.push(piece);
      yield finish(true);
      from = nl + 1;
    }
    const rest = chunk.subarray(from);
    size += rest.length;
    if (rest.length > 0 && size <= maxBytes + 1) parts.push(Buffer.from(rest)); // copy: the chunk may be reused
  }
  if (size > 0 || parts.length > 0) yield finish(false);
}
