import { COPY_BINARY_HEADER, COPY_BINARY_TRAILER, encodeCopyRows } from './copy-binary';

describe('binary COPY encoding', () => {
  it('has the 19-byte header and the -1 trailer PostgreSQL expects', () => {
    expect(COPY_BINARY_HEADER.toString('hex')).toBe(
      '5047434f50590aff0d0a00' + '00000000' + '00000000',
    );
    expect(COPY_BINARY_TRAILER.readInt16BE(0)).toBe(-1);
  });

  it('writes each row as a field count and length-prefixed fields: text, jsonb, bytea', () => {
    const out = encodeCopyRows([
      ['ไทย', { jsonb: '{"a":1}' }, Buffer.from([0, 255])],
      ['', { jsonb: '{}' }, Buffer.alloc(0)],
    ]);
    const thai = Buffer.from('ไทย');
    const expected = Buffer.concat([
      Buffer.from([0, 3]),
      int32(thai.length),
      thai,
      int32(8),
      Buffer.from([1]),
      Buffer.from('{"a":1}'),
      int32(2),
      Buffer.from([0, 255]),
      Buffer.from([0, 3]),
      int32(0),
      int32(3),
      Buffer.from([1]),
      Buffer.from('{}'),
      int32(0),
    ]);
    expect(out.equals(expected)).toBe(true);
  });

  it('encodes no rows as an empty buffer', () => {
    expect(encodeCopyRows([])).toHaveLength(0);
  });
});

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}
