/**
 * PostgreSQL's binary COPY format (https://www.postgresql.org/docs/15/sql-copy.html, "Binary
 * Format"), for the outbox's column types: text, jsonb and bytea.
 *
 * Hand-written (about forty lines) because it sits on the normaliser's hottest path: a
 * consumer batch writes thousands of outbox rows, and the text format made Node encode every
 * message value as hex, escape every field and then UTF-8-encode a string twice the size of
 * the data (about 12% of the normaliser's main thread; docs/performance.md). Here each chunk
 * of rows is one buffer of its exact size, values are copied as they are, and Postgres
 * parses no hex. The npm package that does this (pg-copy-streams-binary) allocates a buffer
 * per field through dependencies unmaintained since 2020.
 */

/** One field: a string is `text` (UTF-8), a Buffer is `bytea`, `{ jsonb }` is JSON text. */
export type CopyField = string | Buffer | { jsonb: string };

/** Signature, flags (no OIDs) and an empty header extension. */
export const COPY_BINARY_HEADER = Buffer.concat([
  Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
  Buffer.alloc(8),
]);

/** A field count of -1 ends the data. */
export const COPY_BINARY_TRAILER = Buffer.from([0xff, 0xff]);

/** jsonb's binary input: a version byte (1) before the JSON text. */
const JSONB_VERSION = 1;

/** The rows in one buffer of exactly their size; every row must have the same fields. */
export function encodeCopyRows(rows: readonly (readonly CopyField[])[]): Buffer {
  let size = 0;
  const lengths: number[] = [];
  for (const row of rows) {
    size += 2;
    for (const field of row) {
      const n =
        typeof field === 'string'
          ? Buffer.byteLength(field)
          : Buffer.isBuffer(field)
            ? field.length
            : 1 + Buffer.byteLength(field.jsonb);
      lengths.push(n);
      size += 4 + n;
    }
  }
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  let f = 0;
  for (const row of rows) {
    at = out.writeInt16BE(row.length, at);
    for (const field of row) {
      const n = lengths[f++]!;
      at = out.writeInt32BE(n, at);
      if (typeof field === 'string') at += out.write(field, at, n, 'utf8');
      else if (Buffer.isBuffer(field)) at += field.copy(out, at);
      else {
        out[at++] = JSONB_VERSION;
        at += out.write(field.jsonb, at, n - 1, 'utf8');
      }
    }
  }
  return out;
}
