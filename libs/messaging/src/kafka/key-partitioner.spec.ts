import { randomBytes, randomUUID } from 'node:crypto';
import { Partitioners, type PartitionMetadata } from 'kafkajs';
import { KeyPartitioner, murmur2 } from './key-partitioner';

// kafkajs's own implementation, which ours must match bit for bit.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2') as (
  key: Buffer | string,
) => number;

const metadata = (n: number, leaderless: number[] = []): PartitionMetadata[] =>
  Array.from({ length: n }, (_, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader: leaderless.includes(partitionId) ? -1 : 1,
    replicas: [1],
    isr: [1],
  }));

describe('KeyPartitioner', () => {
  it("hashes every key length and byte as kafkajs's murmur2 does", () => {
    for (let length = 0; length <= 70; length++)
      for (let i = 0; i < 50; i++) {
        const key = randomBytes(length);
        expect(murmur2(key)).toBe(kafkajsMurmur2(key));
      }
    // Kafka's Java client's values (Utils.murmur2), as its own tests give them
    expect(murmur2(Buffer.from('21'))).toBe(-973932308);
    expect(murmur2(Buffer.from('foobar'))).toBe(-790332482);
    expect(murmur2(Buffer.from('a-little-bit-long-string'))).toBe(-985981536);
  });

  it("puts every keyed record on the partition kafkajs's DefaultPartitioner would", () => {
    const ours = KeyPartitioner();
    const theirs = Partitioners.DefaultPartitioner();
    for (const n of [1, 3, 6, 12, 50])
      for (let i = 0; i < 500; i++) {
        const key = i % 2 ? randomUUID() : randomBytes(i % 40);
        const args = { topic: 't', partitionMetadata: metadata(n), message: { key, value: 'v' } };
        expect(ours(args)).toBe(theirs(args));
      }
  });

  it('keeps an explicit partition, and spreads keyless records over partitions with a leader', () => {
    const ours = KeyPartitioner();
    const partitionMetadata = metadata(4, [1]);
    expect(
      ours({ topic: 't', partitionMetadata, message: { key: 'k', value: 'v', partition: 3 } }),
    ).toBe(3);
    const seen = new Set<number>();
    for (let i = 0; i < 12; i++)
      seen.add(ours({ topic: 't', partitionMetadata, message: { key: null, value: 'v' } }));
    expect([...seen].sort()).toEqual([0, 2, 3]);
  });
});
