import { chunksOf, type OutboxRow } from './outbox-relay';

function row(seq: number, valueBytes: number): OutboxRow {
  return {
    seq: String(seq),
    topic: 't',
    message_key: 'k',
    headers: { ce_id: 'x' },
    value: Buffer.alloc(valueBytes),
  };
}

describe('chunksOf (produce requests of bounded size, in order)', () => {
  const seqs = (chunks: OutboxRow[][]) => chunks.map((c) => c.map((r) => Number(r.seq)));

  it('keeps a small batch in one request', () => {
    expect(seqs(chunksOf([row(1, 10), row(2, 10), row(3, 10)], 10_000))).toEqual([[1, 2, 3]]);
  });

  it('splits where the next row would pass the limit, keeping seq order', () => {
    // each row is 400 bytes of value plus key, headers and framing (under 500)
    const rows = [1, 2, 3, 4, 5].map((i) => row(i, 400));
    expect(seqs(chunksOf(rows, 1000))).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('sends a row larger than the limit alone, never drops it', () => {
    expect(seqs(chunksOf([row(1, 10), row(2, 5000), row(3, 10)], 1000))).toEqual([[1], [2], [3]]);
  });

  it('returns nothing for nothing', () => {
    expect(chunksOf([], 1000)).toEqual([]);
  });
});
