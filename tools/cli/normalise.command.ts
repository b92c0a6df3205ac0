import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { normalise, type NormaliseContext, type NormaliseResult } from '@wgas/indicators';
import { EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from './cli-command';

const USAGE = `Usage:
  wgas normalise [--type T] --country CC [--bank B] [--provider P] VALUE
  wgas normalise --ndjson [--country CC] < values.ndjson

One result is printed as JSON. With --ndjson each stdin line is {"value":..., "country":..., "type"?:...,
"bank"?:..., "provider"?:..., "id"?:...} and each output line is one result (with "id" echoed).
Rejected values are results too: the exit code is 0 unless the command line itself is wrong.`;

interface NdjsonLine {
  value?: unknown;
  country?: unknown;
  type?: unknown;
  bank?: unknown;
  provider?: unknown;
  id?: unknown;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function invalidLine(line: string, message: string): NormaliseResult {
  return { ok: false, rejection: { code: 'input.invalid_json', message, raw: line.slice(0, 256) } };
}

function normaliseLine(
  line: string,
  defaults: NormaliseContext,
): { id?: unknown } & NormaliseResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return invalidLine(line, 'Line is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return invalidLine(line, 'Each line must be a JSON object');
  const input = parsed as NdjsonLine;
  if (typeof input.value !== 'string')
    return {
      ...(input.id !== undefined ? { id: input.id } : {}),
      ...invalidLine(line, '"value" must be a string'),
    };
  const context: NormaliseContext = {
    country: optionalString(input.country) ?? defaults.country,
    typeHint: optionalString(input.type) ?? defaults.typeHint,
    bank: optionalString(input.bank) ?? defaults.bank,
    provider: optionalString(input.provider) ?? defaults.provider,
  };
  const result = normalise(input.value, context);
  return input.id !== undefined ? { id: input.id, ...result } : result;
}

async function runNdjson(defaults: NormaliseContext, io: CliIo): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const ok = io.stdout.write(`${JSON.stringify(normaliseLine(line, defaults))}\n`);
    if (!ok) await new Promise((resolve) => io.stdout.once('drain', resolve));
  }
  return EXIT_OK;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      type: { type: 'string', short: 't' },
      country: { type: 'string', short: 'c' },
      bank: { type: 'string' },
      provider: { type: 'string' },
      ndjson: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  const defaults: NormaliseContext = {
    country: values.country ?? '',
    typeHint: values.type,
    bank: values.bank,
    provider: values.provider,
  };
  if (values.ndjson) return runNdjson(defaults, io);
  if (positionals.length !== 1 || positionals[0] === undefined) {
    io.stderr.write(
      `Expected exactly one VALUE (quote values with spaces), or --ndjson.\n${USAGE}\n`,
    );
    return EXIT_USAGE;
  }
  io.stdout.write(`${JSON.stringify(normalise(positionals[0], defaults), null, 2)}\n`);
  return EXIT_OK;
}

export const normaliseCommand: CliCommand = {
  name: 'normalise',
  summary: 'Normalise raw indicator values (one, or NDJSON on stdin) to canonical indicators',
  usage: USAGE,
  run,
};
