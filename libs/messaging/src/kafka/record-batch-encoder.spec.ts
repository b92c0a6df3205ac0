/* eslint-disable @typescript-eslint/no-require-imports -- jest.isolateModules needs require() for a fresh module registry */
import { createRequire } from 'node:module';
import {
  fastRecord,
  fastRecordBatch,
  installRecordBatchEncoder,
  KAFKAJS_VERSION,
  kafkajsRecord,
  kafkajsRecordBatch,
  pendingRecord,
} from './record-batch-encoder';

const kafkajsRequire = createRequire(require.resolve('kafkajs'));
const Long = kafkajsRequire('./src/utils/long') as { fromValue(v: unknown): unknown };
const Decoder = kafkajsRequire('./src/protocol/decoder') as new (b: Buffer) => unknown;
const decodeBatch = kafkajsRequire('./src/protocol/recordBatch/v0/decoder') as (
  d: unknown,
) => Promise<{ records: { key: Buffer | null; value: Buffer | null; headers: object }[] }>;

/** A small deterministic generator, so a failure names a seed that reproduces it. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const ALPHABET = ['a', 'Z', '0', '-', '_', 'é', 'ก', '€', '😀', ' ', '"', '{'];

function text(r: () => number, max: number): string {
  const n = Math.floor(r() * max);
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(r() * ALPHABET.length)];
  return s;
}

function bytes(r: () => number, max: number): Buffer | string | null {
  const pick = r();
  if (pick < 0.1) return null;
  if (pick < 0.5) return text(r, max);
  return Buffer.from(Array.from({ length: Math.floor(r() * max) }, () => Math.floor(r() * 256)));
}

function headers(r: () => number): Record<string, Buffer | string | (Buffer | string)[]> {
  const h: Record<string, Buffer | string | (Buffer | string)[]> = {};
  const n = Math.floor(r() * 9);
  for (let i = 0; i < n; i++) {
    const v = () => bytes(r, 80) ?? '';
    h[`${text(r, 12)}${i}`] = r() < 0.15 ? [v(), v()] : v();
  }
  return h;
}

/** The arguments kafkajs's produce request passes, for `count` random messages. */
function batchArgs(r: () => number, count: number) {
  const records = Array.from({ length: count }, (_, i) => ({
    offsetDelta: i,
    timestampDelta: r() < 0.7 ? 0 : Math.floor((r() - 0.3) * 2 ** (1 + Math.floor(r() * 45))),
    key: bytes(r, 60),
    value: r() < 0.05 ? bytes(r, 70_000) : bytes(r, 600),
    headers: headers(r),
  }));
  const ts = 1_700_000_000_000 + Math.floor(r() * 1e9);
  return {
    records,
    batch: {
      compression: 0,
      firstTimestamp: r() < 0.5 ? ts : String(ts),
      maxTimestamp: ts + 10,
      producerId: Long.fromValue(Math.floor(r() * 1e6)),
      producerEpoch: Math.floor(r() * 5),
      firstSequence: Math.floor(r() * 1e6),
      transactional: r() < 0.2,
      lastOffsetDelta: count - 1,
    },
  };
}

async function both(args: {
  records: Parameters<typeof kafkajsRecord>[0][];
  batch: Parameters<typeof kafkajsRecordBatch>[0];
}) {
  const theirs = await kafkajsRecordBatch({
    ...args.batch,
    records: args.records.map((a) => kafkajsRecord(a)),
  });
  const ours = await fastRecordBatch({ ...args.batch, records: args.records.map(fastRecord) });
  return { theirs: theirs.buffer, ours: ours.buffer, oursSize: ours.size() };
}

describe('record batch encoder (ADR 0021)', () => {
  it('is checked against the kafkajs release it reproduces', () => {
    expect((kafkajsRequire('./package.json') as { version: string }).version).toBe(KAFKAJS_VERSION);
  });

  it('writes the bytes kafkajs writes, for 600 random batches', async () => {
    for (let seed = 1; seed <= 600; seed++) {
      const r = rng(seed);
      const args = batchArgs(r, 1 + Math.floor(r() * 40));
      expect(args.records.every((a) => pendingRecord(a) !== undefined)).toBe(true);
      const { theirs, ours, oursSize } = await both(args);
      if (!ours.equals(theirs)) throw new Error(`seed ${seed}: bytes differ`);
      expect(oursSize).toBe(theirs.length);
    }
  });

  it('writes CloudEvents as the producers send them, and kafkajs decodes them back', async () => {
    const records = Array.from({ length: 1000 }, (_, i) => ({
      offsetDelta: i,
      timestampDelta: i % 3,
      key: `indicator-${i}`,
      value: Buffer.from(JSON.stringify({ indicatorId: `id${i}`, canonical: '+66812345678' })),
      headers: {
        ce_specversion: '1.0',
        ce_id: `0190f0e6-8f0a-7c3e-9b1a-${String(i).padStart(12, '0')}`,
        ce_type: 'org.aseanwgas.indicator.upserted.v1',
        'content-type': 'application/json',
      },
    }));
    const args = {
      records,
      batch: {
        compression: 0,
        firstTimestamp: 1_700_000_000_000,
        maxTimestamp: 1_700_000_000_002,
        lastOffsetDelta: 999,
      },
    };
    const { theirs, ours } = await both(args);
    expect(ours.equals(theirs)).toBe(true);
    const decoded = await decodeBatch(new Decoder(ours));
    expect(decoded.records).toHaveLength(1000);
    expect(decoded.records[7]!.key!.toString()).toBe('indicator-7');
    expect(JSON.parse(decoded.records[7]!.value!.toString())).toEqual({
      indicatorId: 'id7',
      canonical: '+66812345678',
    });
  });

  it('leaves to kafkajs what it does not reproduce, with the same result', async () => {
    // a number key or a null header value (kafkajs throws on both), a timestamp delta past
    // 2^52, compression
    const odd = [
      { offsetDelta: 0, key: 42 as unknown as string, value: 'v', headers: {} },
      { offsetDelta: 0, key: 'k', value: 'v', timestampDelta: 2 ** 60, headers: {} },
      { offsetDelta: 0, key: 'k', value: 'v', headers: { h: null as unknown as string } },
    ];
    for (const a of odd) expect(pendingRecord(a)).toBeUndefined();
    const mixed = [
      { offsetDelta: 0, key: 'k', value: 'v', headers: { a: 'b' } },
      { offsetDelta: 1, key: 'k2', value: 'v', timestampDelta: 2 ** 60, headers: {} },
    ];
    const batch = {
      compression: 0,
      firstTimestamp: 1_700_000_000_000,
      maxTimestamp: 1_700_000_000_000,
      lastOffsetDelta: 1,
    };
    const theirs = await kafkajsRecordBatch({ ...batch, records: mixed.map(kafkajsRecord) });
    const ours = await fastRecordBatch({ ...batch, records: mixed.map(fastRecord) });
    expect(ours.buffer.equals(theirs.buffer)).toBe(true);
    // GZIP: kafkajs compresses (not byte-comparable: gzip embeds no time, but check it decodes)
    const gz = await fastRecordBatch({ ...batch, compression: 1, records: mixed.map(fastRecord) });
    const decoded = await decodeBatch(new Decoder(gz.buffer));
    expect(decoded.records.map((x) => x.key!.toString())).toEqual(['k', 'k2']);
    for (const a of [odd[0]!, odd[2]!]) {
      expect(() => kafkajsRecord(a)).toThrow();
      expect(() => fastRecord(a)).toThrow(); // as kafkajs's own does
    }
  });

  it('stays out when the operator says KAFKA_RECORD_ENCODER=kafkajs', () => {
    process.env.KAFKA_RECORD_ENCODER = 'kafkajs';
    try {
      jest.isolateModules(() => {
        const m = require('./record-batch-encoder') as typeof import('./record-batch-encoder');
        expect(m.installRecordBatchEncoder()).toEqual({
          installed: false,
          reason: 'KAFKA_RECORD_ENCODER=kafkajs',
        });
        expect(require('kafkajs/src/protocol/recordBatch/record/v0')).toBe(m.kafkajsRecord);
      });
    } finally {
      delete process.env.KAFKA_RECORD_ENCODER;
    }
  });

  it('refuses a KAFKA_RECORD_ENCODER it does not know, naming the variable', () => {
    process.env.KAFKA_RECORD_ENCODER = 'kafkajs ';
    try {
      jest.isolateModules(() => {
        const m = require('./record-batch-encoder') as typeof import('./record-batch-encoder');
        expect(() => m.installRecordBatchEncoder()).toThrow(/KAFKA_RECORD_ENCODER must be/);
      });
    } finally {
      delete process.env.KAFKA_RECORD_ENCODER;
    }
  });

  it('stays out when kafkajs loaded its produce request first (it holds the originals)', () => {
    jest.isolateModules(() => {
      require('kafkajs/src/protocol/requests/produce/v3/request');
      const m = require('./record-batch-encoder') as typeof import('./record-batch-encoder');
      expect(m.installRecordBatchEncoder()).toEqual({
        installed: false,
        reason: 'the produce request was loaded before',
      });
    });
  });

  it('is installed into kafkajs before its produce request loads, once', () => {
    expect(installRecordBatchEncoder()).toEqual({ installed: true });
    expect(installRecordBatchEncoder()).toEqual({ installed: true });
    const v3 = kafkajsRequire.resolve('./src/protocol/requests/produce/v3/request');
    expect(require.cache[v3]).toBeUndefined();
    expect(kafkajsRequire('./src/protocol/recordBatch/record/v0')).toBe(fastRecord);
    expect(
      (kafkajsRequire('./src/protocol/recordBatch/v0') as { RecordBatch: unknown }).RecordBatch,
    ).toBe(fastRecordBatch);
  });
});
