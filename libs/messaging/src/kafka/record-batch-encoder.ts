/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs's protocol modules have no types and no public entry */
import { createRequire } from 'node:module';
import { crc32c } from './crc32c';

/**
 * Kafka record batches (magic v2, uncompressed) written in one pass into one buffer of
 * their exact size, byte for byte what kafkajs 2.2.4 writes (ADR 0021).
 *
 * kafkajs encodes each record, and each of its headers, into an `Encoder` of its own that
 * starts as a zeroed 512-byte buffer, writes every varint through a fresh `Buffer.from`,
 * then copies the records into a batch buffer that grows by doubling: 22 µs per
 * CloudEvent of 7 headers on the benchmark machine, about 30% of the normaliser's CPU
 * under load (it produces 1.74 events per raw indicator). This writes the same bytes in
 * about a tenth of the time. kafkajs has no public hook for its encoding, so
 * `installRecordBatchEncoder` replaces the two functions its produce request (v3, used by
 * v3-v7) binds when first loaded; it does so only for the kafkajs version it was checked
 * against, and only before that module loaded. Anything this does not write byte for byte
 * (compression, a key, value or header of another type than string, Buffer or null, a
 * timestamp delta that is not a safe integer) goes to kafkajs's own encoder, whole batch.
 */

/** A record as the produce request hands it over, sized but not yet written. */
interface PendingRecord {
  readonly pending: true;
  readonly offsetDelta: number;
  readonly timestampDelta: number;
  /** Key, value, then each header's key and value in kafkajs's order. */
  readonly fields: (Buffer | string | null)[];
  /** Byte length of each field, measured once when sized (-1 for null). */
  readonly lengths: number[];
  /** Bytes of the record after its length varint. */
  readonly bodySize: number;
  /** Bytes of the whole record, length varint included. */
  readonly size: number;
  /** The arguments, for kafkajs's own encoder when the batch goes there. */
  readonly args: RecordArgs;
}

interface RecordArgs {
  offsetDelta?: number;
  timestampDelta?: number;
  key?: unknown;
  value?: unknown;
  headers?: unknown;
}

interface KafkajsEncoder {
  buf: Buffer;
  offset: number;
  size(): number;
  readonly buffer: Buffer;
  writeInt16(v: number): KafkajsEncoder;
  writeInt32(v: number): KafkajsEncoder;
  writeInt64(v: unknown): KafkajsEncoder;
}

type EncoderClass = new (initialSize?: number) => KafkajsEncoder;
type RecordFn = (args: RecordArgs) => KafkajsEncoder;
interface BatchArgs {
  compression?: number;
  firstOffset?: unknown;
  firstTimestamp?: unknown;
  maxTimestamp?: unknown;
  partitionLeaderEpoch?: number;
  lastOffsetDelta?: number;
  transactional?: boolean;
  producerId?: unknown;
  producerEpoch?: number;
  firstSequence?: number;
  records?: unknown[];
}
type BatchFn = (args: BatchArgs) => Promise<KafkajsEncoder>;

/** The kafkajs release whose encoding this reproduces (checked by record-batch-encoder.spec). */
export const KAFKAJS_VERSION = '2.2.4';

const MAGIC_BYTE = 2;
const TRANSACTIONAL_MASK = 16;
/** Bytes before the batch body: first offset, length, leader epoch, magic, CRC. */
const PREFIX = 8 + 4 + 4 + 1 + 4;

const kafkajsRequire = createRequire(require.resolve('kafkajs'));
const paths = {
  encoder: kafkajsRequire.resolve('./src/protocol/encoder'),
  record: kafkajsRequire.resolve('./src/protocol/recordBatch/record/v0'),
  batch: kafkajsRequire.resolve('./src/protocol/recordBatch/v0'),
  produceV3: kafkajsRequire.resolve('./src/protocol/requests/produce/v3/request'),
  version: kafkajsRequire.resolve('./package.json'),
};
const Encoder = require(paths.encoder) as EncoderClass;
const batchModule = require(paths.batch) as { RecordBatch: BatchFn };
/** kafkajs's own encoders, kept before any replacement. */
export const kafkajsRecord = require(paths.record) as RecordFn;
export const kafkajsRecordBatch: BatchFn = batchModule.RecordBatch;

function sizeOfUVarInt(v: number): number {
  let bytes = 1;
  while ((v & 0xffffff80) !== 0) {
    bytes++;
    v >>>= 7;
  }
  return bytes;
}

const zigZag32 = (v: number) => (v << 1) ^ (v >> 31);
/** 64-bit zig-zag of a safe integer, as a non-negative safe integer (|v| < 2^52). */
const zigZag64 = (v: number) => (v >= 0 ? v * 2 : -v * 2 - 1);

function sizeOfVarLong(v: number): number {
  let z = zigZag64(v);
  let bytes = 1;
  while (z >= 0x80) {
    bytes++;
    z = Math.floor(z / 0x80);
  }
  return bytes;
}

const byteLength = (v: Buffer | string) =>
  typeof v === 'string' ? Buffer.byteLength(v) : v.length;
const isBytes = (v: unknown): v is Buffer | string => typeof v === 'string' || Buffer.isBuffer(v);
/** Bytes of a varint-prefixed field of `length` bytes (-1: null, the varint alone). */
const sizeOfField = (length: number) => (length < 0 ? 1 : sizeOfUVarInt(zigZag32(length)) + length);

/**
 * Sizes a record as kafkajs's `Record` would write it, or answers undefined where this
 * encoder does not reproduce kafkajs byte for byte (the batch then goes to kafkajs).
 */
export function pendingRecord(args: RecordArgs): PendingRecord | undefined {
  const { offsetDelta = 0, timestampDelta = 0, key, value, headers = {} } = args;
  if (!Number.isSafeInteger(timestampDelta) || Math.abs(timestampDelta) >= 2 ** 52)
    return undefined;
  if (!Number.isInteger(offsetDelta) || offsetDelta < 0 || offsetDelta > 0x3fffffff)
    return undefined;
  if (key != null && !isBytes(key)) return undefined;
  if (value != null && !isBytes(value)) return undefined;
  if (headers === null || typeof headers !== 'object') return undefined;
  const fields: (Buffer | string | null)[] = [key ?? null, value ?? null];
  const lengths = [key == null ? -1 : byteLength(key), value == null ? -1 : byteLength(value)];
  for (const k of Object.keys(headers)) {
    const v = (headers as Record<string, unknown>)[k];
    const values = Array.isArray(v) ? (v as unknown[]) : [v];
    for (const one of values) {
      if (!isBytes(one)) return undefined; // kafkajs throws on null and writes String(x) of others
      fields.push(k, one);
      lengths.push(Buffer.byteLength(k), byteLength(one));
    }
  }
  let bodySize =
    1 + // attributes
    sizeOfVarLong(timestampDelta) +
    sizeOfUVarInt(zigZag32(offsetDelta)) +
    sizeOfUVarInt(zigZag32((fields.length - 2) / 2)); // header count
  for (const l of lengths) bodySize += sizeOfField(l);
  return {
    pending: true,
    offsetDelta,
    timestampDelta,
    fields,
    lengths,
    bodySize,
    size: sizeOfUVarInt(zigZag32(bodySize)) + bodySize,
    args,
  };
}

function writeUVarInt(buf: Buffer, at: number, v: number): number {
  while ((v & 0xffffff80) !== 0) {
    buf[at++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  buf[at++] = v & 0x7f;
  return at;
}

function writeVarLong(buf: Buffer, at: number, v: number): number {
  let z = zigZag64(v);
  while (z >= 0x80) {
    buf[at++] = (z % 0x80) | 0x80;
    z = Math.floor(z / 0x80);
  }
  buf[at++] = z;
  return at;
}

/** A field of `length` bytes (measured when sized), after its varint length. */
function writeField(buf: Buffer, at: number, b: Buffer | string | null, length: number): number {
  at = writeUVarInt(buf, at, zigZag32(length));
  if (b === null) return at;
  return at + (typeof b === 'string' ? buf.write(b, at, length, 'utf8') : b.copy(buf, at));
}

function writeRecord(buf: Buffer, at: number, r: PendingRecord): number {
  const { fields, lengths } = r;
  at = writeUVarInt(buf, at, zigZag32(r.bodySize));
  buf[at++] = 0; // attributes
  at = writeVarLong(buf, at, r.timestampDelta);
  at = writeUVarInt(buf, at, zigZag32(r.offsetDelta));
  at = writeField(buf, at, fields[0]!, lengths[0]!); // key
  at = writeField(buf, at, fields[1]!, lengths[1]!); // value
  at = writeUVarInt(buf, at, zigZag32((fields.length - 2) / 2)); // header count
  for (let i = 2; i < fields.length; i++) at = writeField(buf, at, fields[i]!, lengths[i]!);
  return at;
}

const isPending = (r: unknown): r is PendingRecord =>
  typeof r === 'object' && r !== null && (r as PendingRecord).pending === true;

/** Stands in for kafkajs's `Record`: sizes the record, kafkajs's encoder where it must. */
export function fastRecord(args: RecordArgs): PendingRecord | KafkajsEncoder {
  return pendingRecord(args) ?? kafkajsRecord(args);
}

/** Stands in for kafkajs's `RecordBatch`; same arguments, same bytes. */
export async function fastRecordBatch(args: BatchArgs): Promise<KafkajsEncoder> {
  const records = args.records ?? [];
  const compression = args.compression ?? 0;
  if (compression !== 0 || records.length === 0 || !records.every(isPending)) {
    // kafkajs's own encoder, with kafkajs's own records
    const own = records.map((r) => (isPending(r) ? kafkajsRecord(r.args) : r));
    return kafkajsRecordBatch({ ...args, records: own });
  }
  const {
    firstOffset = 0,
    firstTimestamp = Date.now(),
    maxTimestamp = Date.now(),
    partitionLeaderEpoch = 0,
    lastOffsetDelta = 0,
    transactional = false,
    producerId = -1,
    producerEpoch = 0,
    firstSequence = 0,
  } = args;
  // the fixed fields through kafkajs's encoder: its Int64s take numbers, strings and Longs
  const head = new Encoder(64)
    .writeInt16(transactional ? TRANSACTIONAL_MASK : 0)
    .writeInt32(lastOffsetDelta)
    .writeInt64(firstTimestamp)
    .writeInt64(maxTimestamp)
    .writeInt64(producerId)
    .writeInt16(producerEpoch)
    .writeInt32(firstSequence)
    .writeInt32(records.length);
  const offset = new Encoder(8).writeInt64(firstOffset);
  let recordsSize = 0;
  for (const r of records) recordsSize += r.size;
  const total = PREFIX + head.offset + recordsSize;
  const buf = Buffer.allocUnsafe(total);
  offset.buf.copy(buf, 0, 0, 8);
  buf.writeInt32BE(total - 12, 8); // the batch after first offset and this length
  buf.writeInt32BE(partitionLeaderEpoch, 12);
  buf.writeInt8(MAGIC_BYTE, 16);
  let at = PREFIX + head.buf.copy(buf, PREFIX, 0, head.offset);
  for (const r of records) at = writeRecord(buf, at, r);
  if (at !== total) throw new Error(`record batch encoder wrote ${at} bytes, sized ${total}`);
  buf.writeUInt32BE(crc32c(buf.subarray(PREFIX)), 17);
  const out = new Encoder(1);
  out.buf = buf;
  out.offset = total;
  return out;
}

/** What `installRecordBatchEncoder` did, and why not when it did not. */
export type EncoderInstall = { installed: true } | { installed: false; reason: string };
let install: EncoderInstall | undefined;

/**
 * Puts `fastRecord` and `fastRecordBatch` where kafkajs's produce request looks them up.
 * Idempotent. Declines (kafkajs keeps its own) when the environment says
 * `KAFKA_RECORD_ENCODER=kafkajs` (an operator's switch, and the benchmarks' kafkajs as
 * shipped), for another kafkajs version, or when the produce request module was loaded
 * before this ran, since it holds the originals then.
 */
export function installRecordBatchEncoder(): EncoderInstall {
  if (install) return install;
  const version = (require(paths.version) as { version: string }).version;
  const choice = process.env.KAFKA_RECORD_ENCODER;
  if (choice !== undefined && choice !== 'one-pass' && choice !== 'kafkajs')
    throw new Error(`KAFKA_RECORD_ENCODER must be 'one-pass' (the default) or 'kafkajs'`);
  if (choice === 'kafkajs') install = { installed: false, reason: 'KAFKA_RECORD_ENCODER=kafkajs' };
  else if (version !== KAFKAJS_VERSION)
    install = {
      installed: false,
      reason: `kafkajs ${version}, checked against ${KAFKAJS_VERSION}`,
    };
  else if (require.cache[paths.produceV3])
    install = { installed: false, reason: 'the produce request was loaded before' };
  else {
    batchModule.RecordBatch = fastRecordBatch as BatchFn;
    require.cache[paths.record]!.exports = fastRecord;
    install = { installed: true };
  }
  return install;
}
