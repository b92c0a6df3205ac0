// Shared pieces of the benchmark scripts: machine description, percentiles, the result
// file format (bench/results/<name>.json) that docs/benchmarks.md is rendered from.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export const REPO_ROOT = join(__dirname, '..', '..');
export const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  /** NODE_OPTIONS of the bench, which the services it starts inherit (ADR 0019). */
  nodeOptions?: string;
  kafka: string | null;
  postgres: string | null;
  gitCommit: string | null;
}

/** One measured figure, optionally beside the baseline measured in the same run. */
export interface Figure {
  stage: string;
  metric: string;
  value: number;
  unit: string;
  sampleSize: number;
  p50?: number;
  p95?: number;
  p99?: number;
  latencyUnit?: string;
  baseline?: { name: string; value: number };
  target?: string;
}

export interface BenchResult {
  name: string;
  title: string;
  date: string;
  rerun: string;
  machine: MachineInfo;
  figures: Figure[];
  notes?: string[];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export function latencySummary(samples: number[]): { p50: number; p95: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    p50: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    p99: round(percentile(s, 99)),
  };
}

/** The whole machine's CPU time since boot, in clock ticks, from the `cpu` line of /proc/stat. */
export interface MachineCpu {
  /** user, nice, system, irq and softirq: this machine's processes and kernel at work. */
  busy: number;
  /** idle and iowait. */
  idle: number;
  /** Time a virtual CPU was ready to run but the hypervisor ran another guest. */
  steal: number;
}

export function parseProcStat(text: string): MachineCpu {
  const line = text.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) throw new Error('no aggregate cpu line in /proc/stat');
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map((f) => Number(f ?? 0));
  return {
    busy: user! + nice! + system! + irq! + softirq!,
    idle: idle! + iowait!,
    steal: steal ?? 0,
  };
}

/** Now, on Linux; undefined where there is no /proc/stat. */
export function machineCpu(): MachineCpu | undefined {
  try {
    return parseProcStat(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Shares of the machine's CPU time between two readings, in per cent: how busy it was,
 * and how much the hypervisor took for other guests (steal). On a shared cloud machine
 * steal is time no process here could run, whatever it had to do: a stage measured while
 * it was high measured the neighbours too.
 */
export function cpuShares(
  from: MachineCpu | undefined,
  to: MachineCpu | undefined,
): { busyPct: number; stealPct: number } | undefined {
  if (!from || !to) return undefined;
  const busy = to.busy - from.busy;
  const steal = to.steal - from.steal;
  const total = busy + steal + (to.idle - from.idle);
  if (total <= 0) return undefined;
  const pct = (n: number) => Math.round((n / total) * 1000) / 10;
  return { busyPct: pct(busy), stealPct: pct(steal) };
}

/** /proc/stat counts in USER_HZ, 100 a second on Linux. */
const TICK_US = 10_000;

/** The machine's busy CPU between two readings, in µs of CPU time (all cores together). */
export function busyMicros(
  from: MachineCpu | undefined,
  to: MachineCpu | undefined,
): number | undefined {
  return from && to ? (to.busy - from.busy) * TICK_US : undefined;
}

function quiet(cmd: string, args: string[]): string | null {
  try {
    return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'], cwd: REPO_ROOT })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

export async function machineInfo(
  databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432',
): Promise<MachineInfo> {
  const kafkaJar = (() => {
    try {
      return (
        readdirSync(join(REPO_ROOT, 'deploy', 'kafka-local', 'lib')).find((f) =>
          /^kafka_2\.13-.*\.jar$/.test(f),
        ) ?? null
      );
    } catch {
      return null;
    }
  })();
  let postgres: string | null = null;
  try {
    const c = new Client({ connectionString: `${databaseUrl}/postgres` });
    await c.connect();
    postgres = ((await c.query('SHOW server_version')).rows[0] as { server_version: string })
      .server_version;
    await c.end();
  } catch {
    postgres = null;
  }
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    nodeOptions: process.env.NODE_OPTIONS ?? '',
    kafka: kafkaJar ? kafkaJar.replace(/^kafka_2\.13-|\.jar$/g, '') : null,
    postgres,
    gitCommit: quiet('git', ['rev-parse', 'HEAD']),
  };
}

export function writeBenchResult(result: BenchResult): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${result.name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** A plain-text table for the terminal. */
export function printFigures(result: BenchResult): void {
  const rows = result.figures.map((f) => ({
    stage: f.stage,
    metric: f.metric,
    value: `${formatNumber(f.value)} ${f.unit}`,
    baseline: f.baseline ? `${formatNumber(f.baseline.value)} (${f.baseline.name})` : '',
    ratio: f.baseline ? ratio(f.value, f.baseline.value) : '',
    'p50/p95/p99': f.p50 !== undefined ? `${f.p50}/${f.p95}/${f.p99} ${f.latencyUnit ?? 'ms'}` : '',
    n: String(f.sampleSize),
  }));
  console.log(`\n${result.title}`);
  console.table(rows);
}

export function formatNumber(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : String(Math.round(n * 100) / 100);
}

export function ratio(value: number, baseline: number): string {
  return baseline > 0 ? `${Math.round((value / baseline) * 1000) / 10}%` : '';
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result };
}

/**
 * Runs `fn` against KAFKA_BROKERS when set, otherwise against a broker of the benchmarks'
 * own (deploy/kafka-local instance `bench`), started here and stopped afterwards.
 */
export async function withBenchKafka<T>(fn: (brokers: string) => Promise<T>): Promise<T> {
  if (process.env.KAFKA_BROKERS) return fn(process.env.KAFKA_BROKERS);
  const { LocalKafka } = await import('@wgas/testing');
  const kafka = new LocalKafka('bench', Number(process.env.BENCH_KAFKA_PORT ?? 19792));
  await kafka.reset();
  await kafka.start();
  try {
    return await fn(kafka.brokers);
  } finally {
    await kafka.reset();
  }
}

/**
 * A ceiling from bench/results/<file>.json, for the ratio beside a pipeline figure;
 * undefined when that baseline has not been run. With `sameRunAs`, only one measured on the
 * same machine model within the hour before or after it (one `npm run bench`): a ceiling
 * from another machine, or another hour of this shared one, would make the ratio meaningless.
 */
export function baselineFrom(
  file: string,
  stagePrefix: string,
  sameRunAs?: Pick<BenchResult, 'date' | 'machine'>,
): { name: string; value: number } | undefined {
  try {
    const r = JSON.parse(readFileSync(join(RESULTS_DIR, `${file}.json`), 'utf8')) as BenchResult;
    if (sameRunAs && !sameRun(r, sameRunAs)) return undefined;
    const f = r.figures.find((x) => x.stage.startsWith(stagePrefix));
    return f ? { name: f.stage.replace(/^baseline: /, ''), value: f.value } : undefined;
  } catch {
    return undefined;
  }
}

export function sameRun(
  a: Pick<BenchResult, 'date' | 'machine'>,
  b: Pick<BenchResult, 'date' | 'machine'>,
): boolean {
  const apart = Math.abs(Date.parse(a.date) - Date.parse(b.date));
  return a.machine.cpuModel === b.machine.cpuModel && apart <= 60 * 60 * 1000;
}
