import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { crc32c } from './crc32c';

const kafkajsCrc32C = createRequire(require.resolve('kafkajs'))(
  './src/protocol/recordBatch/crc32C',
) as (b: Buffer) => number;

describe('crc32c', () => {
  it('gives the standard check value', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(0))).toBe(0);
  });

  it('agrees with kafkajs for every length up to 300 and on large buffers, at any offset', () => {
    for (let n = 0; n <= 300; n++) {
      const b = randomBytes(n);
      expect(crc32c(b)).toBe(kafkajsCrc32C(b));
    }
    const big = randomBytes(1_000_003);
    expect(crc32c(big)).toBe(kafkajsCrc32C(big));
    expect(crc32c(big.subarray(5, 77_777))).toBe(kafkajsCrc32C(big.subarray(5, 77_777)));
  });
});
