import { createReadStream, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Transform } from 'node:stream';
import { parseArgs } from 'node:util';
import type { JobView } from '@wgas/intake';
import { EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from './cli-command';
import { EXIT_FAILED, intakeTarget, type IntakeTarget } from './intake-http';

const USAGE = `Usage:
  wgas import FILE [--format ndjson|csv] [--quiet]

Streams FILE to POST /v1/reports:bulk on WGAS_URL with the agency key in WGAS_API_KEY, shows
a progress bar, then a summary with the first per-line errors. The format follows the file
extension (.csv is CSV, anything else NDJSON) unless --format says otherwise. Exit code 0 when
every line was accepted, 3 when some lines were rejected, 1 when the import failed.`;

const EXIT_PARTIAL = 3;

export function progressBar(done: number, total: number, width = 30): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * width);
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${mib(done)}/${mib(total)} MiB`;
}

export function summary(job: JobView): string {
  const lines = [
    `job ${job.id}: ${job.status}`,
    `  lines read          ${job.linesRead}`,
    `  reports accepted    ${job.reportsAccepted}`,
    `  indicators accepted ${job.indicatorsAccepted}`,
    `  lines rejected      ${job.linesRejected}`,
  ];
  for (const e of job.errors.slice(0, 20)) {
    lines.push(`    line ${e.line}${e.field ? ` (${e.field})` : ''}: ${e.reason}`);
  }
  if (job.linesRejected > 20) lines.push(`    ... see GET /v1/jobs/${job.id} for more`);
  return `${lines.join('\n')}\n`;
}

function upload(
  t: IntakeTarget,
  file: string,
  contentType: string,
  onProgress: (sent: number) => void,
): Promise<{ status: number; body: string }> {
  const url = new URL(`${t.url}/v1/reports:bulk`);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  let sent = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      sent += chunk.length;
      onProgress(sent);
      done(null, chunk);
    },
  });
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${t.key}`,
          'content-type': contentType,
          'content-length': statSync(file).size,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    createReadStream(file).on('error', reject).pipe(counter).pipe(req);
  });
}

async function runImport(file: string, format: string, quiet: boolean, io: CliIo): Promise<number> {
  const target = intakeTarget(io);
  if (!target) return EXIT_USAGE;
  const size = statSync(file).size;
  let last = 0;
  const res = await upload(
    target,
    file,
    format === 'csv' ? 'text/csv' : 'application/x-ndjson',
    (sent) => {
      const now = Date.now();
      if (quiet || (now - last < 200 && sent < size)) return;
      last = now;
      io.stderr.write(`\r${progressBar(sent, size)}`);
    },
  );
  if (!quiet) io.stderr.write(`\r${progressBar(size, size)}  waiting for the last batch\n`);
  if (res.status !== 202) {
    io.stderr.write(`import failed: HTTP ${res.status}\n${res.body}\n`);
    return EXIT_FAILED;
  }
  const job = JSON.parse(res.body) as JobView;
  io.stdout.write(summary(job));
  return job.linesRejected > 0 ? EXIT_PARTIAL : EXIT_OK;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Bulk-import reports from an NDJSON or CSV file, with progress',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [file] = positionals;
    const format = values.format ?? (file?.toLowerCase().endsWith('.csv') ? 'csv' : 'ndjson');
    if (values.help || !file || !['ndjson', 'csv'].includes(format)) {
      io.stdout.write(`${USAGE}\n`);
      return values.help ? EXIT_OK : EXIT_USAGE;
    }
    try {
      statSync(file);
    } catch {
      io.stderr.write(`cannot read ${file}\n`);
      return EXIT_USAGE;
    }
    return runImport(file, format, values.quiet, io);
  },
};
