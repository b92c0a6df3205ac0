// The load generator: realistic reports (report-factory.ts) POSTed to an intake at a fixed
// rate or as fast as possible, and an alert catcher that timestamps each indicator at send
// and matches the webhook alert that names it, for end-to-end latency.
//
//   node -r ./tools/register.js bench/load/load-generator.ts --url http://127.0.0.1:3000 \
//     --key "$AGENCY_KEY" --count 2000 [--rate 100 | --max] [--country TH] [--listen 4999]
// With --listen, point a webhook subscription at http://127.0.0.1:<port>/alerts to get latencies.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { normalise } from '@wgas/indicators';
import { latencySummary } from '../lib/bench-kit';
import { generateReports, MEMBERS, type GeneratedReport, type Member } from './report-factory';

/** Receives webhook alerts and measures, per indicator, the time since it was first sent. */
export class AlertCatcher {
  private server: Server | undefined;
  private readonly sentAt = new Map<string, number>();
  readonly latencies: number[] = [];
  /** When the latest expected alert arrived (ms since epoch). */
  lastArrival = 0;

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          const value = (
            JSON.parse(Buffer.concat(chunks).toString()) as { indicator?: { value?: string } }
          ).indicator?.value;
          const t = value ? this.sentAt.get(value) : undefined;
          if (t !== undefined) {
            this.lastArrival = Date.now();
            this.latencies.push(this.lastArrival - t);
            this.sentAt.delete(value!);
          }
        } catch {
          // not an alert
        }
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((r) => this.server!.listen(port, '127.0.0.1', r));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/alerts`;
  }

  expect(canonical: string, at: number): void {
    if (!this.sentAt.has(canonical)) this.sentAt.set(canonical, at);
  }

  get outstanding(): number {
    return this.sentAt.size;
  }

  async waitAll(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.sentAt.size > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }
}

export interface LoadOptions {
  intakeUrl: string;
  apiKey: string;
  reports: GeneratedReport[];
  /** Reports per second; undefined sends as fast as `concurrency` requests allow. */
  rate?: number;
  concurrency?: number;
  /** Reporting country the intake applies (the agency's), for predicting canonical values. */
  country: Member;
  catcher?: AlertCatcher;
}

export interface LoadResult {
  sent: number;
  rawValues: number;
  seconds: number;
  /** HTTP status counts; 0 = no answer. */
  statuses: Record<number, number>;
  requestLatencyMs: { p50: number; p95: number; p99: number };
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const statuses: Record<number, number> = {};
  const requestMs: number[] = [];
  let rawValues = 0;
  const started = Date.now();
  const post = async (r: GeneratedReport) => {
    const t0 = Date.now();
    for (const ind of r.body.indicators) {
      const n = normalise(ind.value, {
        country: o.country,
        ...(ind.type ? { typeHint: ind.type } : {}),
      });
      if (n.ok) o.catcher?.expect(n.indicator.canonical, t0);
    }
    rawValues += r.body.indicators.length;
    let status = 0; // 0: no HTTP answer (connection refused or dropped)
    try {
      const res = await fetch(`${o.intakeUrl}/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${o.apiKey}` },
        body: JSON.stringify(r.body),
      });
      await res.arrayBuffer();
      status = res.status;
    } catch {
      // counted below; a fixed-rate run must not die on one dropped connection
    }
    statuses[status] = (statuses[status] ?? 0) + 1;
    requestMs.push(Date.now() - t0);
  };
  if (o.rate) {
    const inflight: Promise<void>[] = [];
    for (const [i, r] of o.reports.entries()) {
      const due = started + (i * 1000) / o.rate;
      if (due > Date.now()) await new Promise((res) => setTimeout(res, due - Date.now()));
      inflight.push(post(r));
    }
    await Promise.all(inflight);
  } else {
    let next = 0;
    const worker = async () => {
      while (next < o.reports.length) await post(o.reports[next++]!);
    };
    await Promise.all(Array.from({ length: o.concurrency ?? 16 }, worker));
  }
  return {
    sent: o.reports.length,
    rawValues,
    seconds: (Date.now() - started) / 1000,
    statuses,
    requestLatencyMs: latencySummary(requestMs),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      key: { type: 'string' },
      count: { type: 'string', default: '1000' },
      rate: { type: 'string' },
      max: { type: 'boolean', default: false },
      country: { type: 'string', default: 'TH' },
      listen: { type: 'string' },
      'duplicate-rate': { type: 'string', default: '0.1' },
    },
  });
  const country = (values.country ?? 'TH').toUpperCase() as Member;
  if (!values.url || !values.key || (!values.rate && !values.max) || !MEMBERS.includes(country)) {
    console.error(
      'usage: load-generator --url URL --key KEY [--count N] (--rate R | --max) [--country CC] [--listen PORT]',
    );
    process.exit(2);
  }
  const catcher = values.listen ? await new AlertCatcher().start(Number(values.listen)) : undefined;
  if (catcher) console.log(`catching alerts at ${catcher.url}`);
  const reports = [
    ...generateReports(Number(values.count), {
      countries: [country],
      duplicateRate: Number(values['duplicate-rate']),
    }),
  ];
  const result = await runLoad({
    intakeUrl: values.url,
    apiKey: values.key,
    reports,
    ...(values.max ? {} : { rate: Number(values.rate) }),
    country,
    ...(catcher ? { catcher } : {}),
  });
  console.log(result);
  if (catcher) {
    await catcher.waitAll(60_000);
    console.log({
      alerts: catcher.latencies.length,
      missing: catcher.outstanding,
      latencyMs: latencySummary(catcher.latencies),
    });
    await catcher.stop();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
