import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { ForbiddenJsonKeyError, parseJsonStrict } from '@wgas/contracts';
import { jsonDepth, MAX_JSON_DEPTH } from '@wgas/platform';

/** One line of a bulk file: a plain object to validate, or why it could not be read. */
export type BulkRecord =
  | { line: number; value: Record<string, unknown> }
  | { line: number; error: { field: string | null; reason: string } };

export class BulkBodyError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseLine(line: number, bytes: Buffer): BulkRecord | undefined {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { line, error: { field: null, reason: 'the line is not valid UTF-8' } };
  }
  if (text.trim() === '') return undefined;
  if (jsonDepth(bytes, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return { line, error: { field: null, reason: `JSON nested deeper than ${MAX_JSON_DEPTH}` } };
  }
  let value: unknown;
  try {
    value = parseJsonStrict(text);
  } catch (e) {
    if (e instanceof ForbiddenJsonKeyError)
      return { line, error: { field: null, reason: e.message } };
    return { line, error: { field: null, reason: `malformed JSON: ${(e as Error).message}` } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line, error: { field: null, reason: 'each line must be a JSON object' } };
  }
  return { line, value: value as Record<string, unknown> };
}

/**
 * Splits an NDJSON stream into records without holding more than one line in memory; a
 * line longer than `maxLineBytes` is reported and skipped, not buffered.
 */
export async function* ndjsonRecords(
  source: AsyncIterable<Buffer>,
  maxLineBytes: number,
): AsyncGenerator<BulkRecord> {
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  let line = 1;
  for await (const chunk of source) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, nl);
      start = nl + 1;
      if (!overflow && size + piece.length <= maxLineBytes) {
        parts.push(piece);
        const r = parseLine(line, parts.length === 1 ? piece : Buffer.concat(parts));
        if (r) yield r;
      } else {
        yield { line, error: { field: null, reason: `line longer than ${maxLineBytes} bytes` } };
      }
      parts = [];
      size = 0;
      overflow = false;
      line++;
    }
    const rest = chunk.subarray(start);
    if (overflow || size + rest.length > maxLineBytes) {
      overflow = true;
      parts = [];
    } else if (rest.length > 0) {
      // Copy: the chunk may be reused by the stream after we yield.
      parts.push(Buffer.from(rest));
      size += rest.length;
    }
  }
  if (overflow) {
    yield { line, error: { field: null, reason: `line longer than ${maxLineBytes} bytes` } };
  } else if (size > 0) {
    const r = parseLine(line, Buffer.concat(parts));
    if (r) yield r;
  }
}

/** Columns of the CSV format (header row required; see apps/intake/README.md). */
export const CSV_COLUMNS = [
  'typology',
  'tlp',
  'channel',
  'occurred_at',
  'loss_amount',
  'loss_currency',
  'narrative',
  'indicators',
] as const;
const CSV_FIELD: Record<string, string> = {
  occurred_at: 'occurredAt',
  loss_amount: 'lossAmount',
  loss_currency: 'lossCurrency',
};
const TYPE_PREFIX = /^([a-z][a-z0-9_]{0,31})=(.*)$/s;

/** `phone=0812345678;https://x.example` → [{type: 'phone', value}, {value}]. */
export function csvIndicators(cell: string): { value: string; type?: string }[] {
  return cell
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const m = TYPE_PREFIX.exec(s);
      return m ? { type: m[1] as string, value: m[2] as string } : { value: s };
    });
}

/** Parses a CSV stream (one report per row) into the same records as NDJSON. */
export async function* csvRecords(
  source: Readable,
  maxLineBytes: number,
): AsyncGenerator<BulkRecord> {
  const skipped: BulkRecord[] = [];
  const parser = parse({
    bom: true,
    columns: (header: string[]) => {
      const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
      if (unknown.length > 0 || !header.includes('indicators')) {
        throw new BulkBodyError(
          'bulk.bad_csv_header',
          `CSV header must name columns from: ${CSV_COLUMNS.join(', ')} (including indicators); unknown: ${unknown.join(', ').slice(0, 200)}`,
        );
      }
      return header;
    },
    info: true,
    max_record_size: maxLineBytes,
    skip_empty_lines: true,
    skip_records_with_error: true,
  });
  parser.on('skip', (err: Error & { lines?: number }) => {
    skipped.push({
      line: err.lines ?? 0,
      error: { field: null, reason: err.message.slice(0, 300) },
    });
  });
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);
  for await (const item of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    while (skipped.length > 0) yield skipped.shift() as BulkRecord;
    const { record, info } = item;
    const line = info.lines;
    const cells = Object.values(record);
    if (cells.some((c) => c.includes('\uFFFD'))) {
      yield { line, error: { field: null, reason: 'the line is not valid UTF-8' } };
      continue;
    }
    const value: Record<string, unknown> = {};
    for (const [column, cell] of Object.entries(record)) {
      if (cell === '') continue;
      value[CSV_FIELD[column] ?? column] = column === 'indicators' ? csvIndicators(cell) : cell;
    }
    if (!value.indicators) value.indicators = [];
    yield { line, value };
  }
  while (skipped.length > 0) yield skipped.shift() as BulkRecord;
}
