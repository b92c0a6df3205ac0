// Two member nodes (th, my) as separate processes with their exchange services on one
// Kafka: the cross-border report-to-alert latency at a steady rate (Thai report in,
// webhook at Malaysia's side out), then a backfill as fast as intake takes it, measured as
// indicators per second arriving at Malaysia.
//   KAFKA_BROKERS=127.0.0.1:19792 node -r ./tools/register.js bench/federation.bench.ts
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNodeKeyPair } from '@wgas/federation';
import { dropDatabase } from '@wgas/persistence';
import { AlertCatcher, runLoad } from './load/load-generator';
import { generateReports } from './load/report-factory';
import {
  latencySummary,
  machineInfo,
  printFigures,
  withBenchKafka,
  writeBenchResult,
  type Figure,
} from './lib/bench-kit';
import { peakRssMiB, seedAgencyKey, startService, waitHealthy } from './lib/node-processes';

const RATE = Number(process.env.FEDERATION_BENCH_RATE ?? 20);
const SECONDS = Number(process.env.FEDERATION_BENCH_SECONDS ?? 15);
const BACKFILL_REPORTS = Number(process.env.FEDERATION_BENCH_BACKFILL ?? 3000);
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';
const SERVICES = ['intake', 'normaliser', 'fanout', 'exchange'] as const;
const NODES = { th: 3910, my: 3920 } as const;

async function run(brokers: string): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wgas-fed-bench-'));
  const suffix = randomBytes(3).toString('hex');
  const ns = { th: `bth${suffix}`, my: `bmy${suffix}` };
  const keys = { th: generateNodeKeyPair('th'), my: generateNodeKeyPair('my') };
  const catcher = await new AlertCatcher().start();
  const consortium = randomBytes(32).toString('base64url');
  const procs: Record<string, ChildProcess> = {};
  const envs: Record<string, NodeJS.ProcessEnv> = {};
  for (const node of ['th', 'my'] as const) {
    const peer = node === 'th' ? 'my' : 'th';
    writeFileSync(join(dir, `${node}.pem`), keys[node].privateKeyPem, { mode: 0o600 });
    writeFileSync(
      join(dir, `${node}.peers.json`),
      JSON.stringify({
        peers: [
          {
            node: peer,
            namespace: ns[peer],
            keys: [
              {
                keyId: keys[peer].keyId,
                publicKey: keys[peer].publicKey,
                notBefore: '2020-01-01T00:00:00Z',
              },
            ],
            receives: { maxTlp: 'AMBER+STRICT' },
          },
        ],
      }),
    );
    envs[node] = {
      NODE_ID: node,
      TOPIC_NAMESPACE: ns[node],
      DATABASE_NAME: `wgas_${ns[node]}`,
      DATABASE_URL: SERVER,
      KAFKA_BROKERS: brokers,
      LOG_LEVEL: 'warn',
      CONSORTIUM_KEY: consortium,
      NODE_KEY_FILE: join(dir, `${node}.pem`),
      NODE_KEY_ID: keys[node].keyId,
      PEER_REGISTRY_FILE: join(dir, `${node}.peers.json`),
      ...(node === 'my'
        ? {
            WEBHOOK_URL: catcher.url,
            WEBHOOK_ROLE: 'agency',
            WEBHOOK_SECRET: `whsec_${randomBytes(32).toString('base64')}`,
          }
        : {}),
    };
  }
  const thKey = await seedAgencyKey(envs.th!);
  try {
    for (const node of ['th', 'my'] as const) {
      SERVICES.forEach((s, i) => {
        procs[`${node}-${s}`] = startService(s, {
          ...envs[node],
          HTTP_PORT: String(NODES[node] + i),
        });
      });
    }
    for (const node of ['th', 'my'] as const) {
      for (const [i] of SERVICES.entries())
        await waitHealthy(`http://127.0.0.1:${NODES[node] + i}/health/ready`);
    }
    const intakeUrl = `http://127.0.0.1:${NODES.th}`;
    // Green only, so everything may cross; Thai agencies in Thai context.
    const steady = [
      ...generateReports(RATE * SECONDS, { seed: 21, duplicateRate: 0, countries: ['TH'] }),
    ].map((r) => ({
      ...r,
      body: { ...r.body, tlp: 'GREEN' as const },
    }));
    const steadyLoad = await runLoad({
      intakeUrl,
      apiKey: thKey,
      reports: steady,
      rate: RATE,
      country: 'TH',
      catcher,
    });
    await catcher.waitAll(60_000);
    const steadyLatency = latencySummary(catcher.latencies);
    const steadyAlerts = catcher.latencies.length;
    const steadyMissing = catcher.outstanding;

    catcher.latencies.length = 0;
    const backfill = [
      ...generateReports(BACKFILL_REPORTS, { seed: 22, duplicateRate: 0, countries: ['TH'] }),
    ].map((r) => ({
      ...r,
      body: { ...r.body, tlp: 'GREEN' as const },
    }));
    const t0 = Date.now();
    await runLoad({
      intakeUrl,
      apiKey: thKey,
      reports: backfill,
      concurrency: 16,
      country: 'TH',
      catcher,
    });
    await catcher.waitAll(60_000);
    // Up to the last alert that did arrive: values that never cross must not dilute the rate.
    const backfillSeconds = (catcher.lastArrival - t0) / 1000;
    return [
      {
        stage: `cross-border: Thai report to Malaysian webhook at ${RATE} reports/s`,
        metric: 'latency',
        value: steadyAlerts,
        unit: `alerts (${steadyMissing} missing after 60 s, ${steadyLoad.sent} reports)`,
        sampleSize: steadyAlerts,
        ...steadyLatency,
        latencyUnit: 'ms',
        target: 'p99 < 2 s (issue 7)',
      },
      {
        stage: `cross-border backfill: ${BACKFILL_REPORTS} reports as fast as TH intake takes them`,
        metric: 'indicators/s replicated',
        value: Math.round(catcher.latencies.length / backfillSeconds),
        unit: `indicators/s (${catcher.latencies.length} arrived, ${catcher.outstanding} missing)`,
        sampleSize: catcher.latencies.length,
        target: '1,000,000 in < 3 min, i.e. >= 5,556/s (issue 7)',
      },
      ...(['th', 'my'] as const).map((n) => ({
        stage: `peak RSS: ${n} exchange`,
        metric: 'VmHWM',
        value: peakRssMiB(procs[`${n}-exchange`]!.pid),
        unit: 'MiB',
        sampleSize: 1,
      })),
    ];
  } finally {
    for (const p of Object.values(procs)) p.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    await catcher.stop();
    for (const node of ['th', 'my'] as const)
      await dropDatabase(SERVER, `wgas_${ns[node]}`).catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const figures = await withBenchKafka(run);
  const result = {
    name: 'federation',
    title: 'Federation: cross-border report to alert (th to my)',
    date: new Date().toISOString(),
    rerun: 'node -r ./tools/register.js bench/federation.bench.ts',
    machine: await machineInfo(),
    figures,
    notes: [
      'Two nodes of four services each (8 processes), one Kafka, one Postgres, the load generator and the receiver all share the 2 cores.',
      'The backfill goes through the whole pipeline on both sides (TH intake, normaliser, exchange; MY exchange, normaliser, fan-out): it is bounded by the normaliser throughput, not by the exchange.',
      'Missing alerts are crypto (evm) and messaging values: their canonical form does not normalise to itself again on import (known gap in libs/indicators), so they do not cross yet.',
    ],
  };
  printFigures(result);
  console.log(`wrote ${writeBenchResult(result)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
