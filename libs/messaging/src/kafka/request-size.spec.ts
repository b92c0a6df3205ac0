import { chunkBySize, messageBytes, produceRequests } from './request-size';

describe('produce requests of bounded size (outbox relay, dead letters)', () => {
  it('counts key, value, every header and some framing', () => {
    const bare = messageBytes({ key: null, value: null });
    expect(bare).toBeGreaterThan(0);
    expect(
      messageBytes({
        key: 'kéy', // 4 bytes in UTF-8
        value: Buffer.alloc(100),
        headers: { a: 'xy', b: Buffer.alloc(3), c: ['1', Buffer.alloc(2)], d: undefined },
      }),
    ).toBe(bare + 4 + 100 + (1 + 2) + (1 + 3) + (1 + 1 + 2) + 1);
  });

  it('keeps small items in one chunk', () => {
    expect(chunkBySize([1, 2, 3], () => 10, 10_000)).toEqual([[1, 2, 3]]);
  });

  it('splits where the next item would pass the limit, keeping order', () => {
    expect(chunkBySize([1, 2, 3, 4, 5], () => 400, 1000)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('sends an item larger than the limit alone, never drops it', () => {
    const size = (n: number) => (n === 2 ? 5000 : 10);
    expect(chunkBySize([1, 2, 3], size, 1000)).toEqual([[1], [2], [3]]);
  });

  it('returns nothing for nothing', () => {
    expect(chunkBySize([], () => 1, 1000)).toEqual([]);
    expect(produceRequests([])).toEqual([]);
  });

  it('groups each request by topic, in order within a topic', () => {
    const m = (topic: string, key: string) => ({
      topic,
      message: { key, value: Buffer.alloc(400) },
    });
    const requests = produceRequests([m('a', '1'), m('b', '2'), m('a', '3'), m('a', '4')], 1000);
    expect(requests.map((r) => r.map((t) => [t.topic, t.messages.map((x) => x.key)]))).toEqual([
      [
        ['a', ['1']],
        ['b', ['2']],
      ],
      [['a', ['3', '4']]],
    ]);
  });
});
