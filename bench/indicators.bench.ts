// Indicator normalisation throughput on one core (Node runs it on one thread).
//   node -r ./tools/register.js bench/indicators.bench.ts
// Prints a table and writes bench/results/indicators.json. Not a test: nothing asserts on time.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalise, type NormaliseContext } from '@wgas/indicators';
import { machineInfo, writeBenchResult, type BenchResult } from './lib/bench-kit';

interface Sample {
  value: string;
  context: NormaliseContext;
  type: string;
}

const CORPUS_DIR = join(__dirname, '..', 'libs', 'indicators', 'test', 'corpus');
const ROUNDS = 5;
const TARGET_OPS_PER_ROUND = 100_000;

function loadCorpus(): Sample[] {
  const samples: Sample[] = [];
  for (const file of readdirSync(CORPUS_DIR).filter(
    (f) => f.endsWith('.ndjson') && !f.includes('safe-browsing'),
  )) {
    for (const line of readFileSync(join(CORPUS_DIR, file), 'utf8').split('\n').filter(Boolean)) {
      const c = JSON.parse(line) as {
        input: string;
        context: NormaliseContext;
        expect: { type?: string };
      };
      samples.push({ value: c.input, context: c.context, type: c.expect.type ?? 'rejected' });
    }
  }
  return samples;
}

/** Best of ROUNDS, each at least TARGET_OPS_PER_ROUND normalisations, after a warm-up round. */
function measure(samples: Sample[]): { perSecond: number; meanMicros: number; ops: number } {
  const repeats = Math.max(1, Math.ceil(TARGET_OPS_PER_ROUND / samples.length));
  let best = Infinity;
  for (let round = 0; round <= ROUNDS; round++) {
    const start = process.hrtime.bigint();
    for (let r = 0; r < repeats; r++) for (const s of samples) normalise(s.value, s.context);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (round > 0) best = Math.min(best, seconds);
  }
  const ops = repeats * samples.length;
  return {
    perSecond: Math.round(ops / best),
    meanMicros: Number(((best / ops) * 1e6).toFixed(2)),
    ops,
  };
}

async function main(): Promise<void> {
  const corpus = loadCorpus();
  // Bulk imports are dominated by phone numbers, URLs and bank accounts; weight the mix that way.
  const bulkMix = corpus.filter((s) =>
    ['phone', 'url', 'domain', 'bank_account', 'payment_proxy'].includes(s.type),
  );
  const groups: Array<[string, Sample[]]> = [
    ['mixed: whole golden corpus (all types, incl. rejections)', corpus],
    ['mixed: bulk-import types (phone/url/domain/bank/proxy)', bulkMix],
    ...[...new Set(corpus.map((s) => s.type))]
      .sort()
      .map(
        (type) =>
          [
            `type: ${type}${type === 'rejected' ? ' (every rejection case)' : ''}`,
            corpus.filter((s) => s.type === type),
          ] as [string, Sample[]],
      ),
  ];
  const results = groups.map(([name, samples]) => ({
    name,
    distinctInputs: samples.length,
    ...measure(samples),
  }));
  console.log('Indicator normalisation, one core\n');
  console.log(
    `${'workload'.padEnd(60)} ${'inputs'.padStart(7)} ${'indicators/s'.padStart(13)} ${'µs/op'.padStart(8)}`,
  );
  for (const r of results)
    console.log(
      `${r.name.padEnd(60)} ${String(r.distinctInputs).padStart(7)} ${r.perSecond.toLocaleString('en-US').padStart(13)} ${r.meanMicros.toFixed(2).padStart(8)}`,
    );
  const result: BenchResult = {
    name: 'indicators',
    title: 'Indicator normalisation (libs/indicators, one core)',
    date: new Date().toISOString(),
    rerun: 'node -r ./tools/register.js bench/indicators.bench.ts',
    machine: await machineInfo(),
    figures: results.map((r) => ({
      stage: `normalise only: ${r.name}`,
      metric: 'indicators/s',
      value: r.perSecond,
      unit: 'indicators/s',
      sampleSize: r.ops,
      ...(r.name.startsWith('mixed: whole') ? { target: '>= 50,000/s on one core' } : {}),
    })),
    notes: [
      `Best of ${ROUNDS} rounds of at least ${TARGET_OPS_PER_ROUND.toLocaleString('en-US')} normalisations after a warm-up round, over the ${corpus.length} inputs of the golden corpus (libs/indicators/test/corpus), on one Node thread.`,
    ],
  };
  console.log(`\nwrote ${writeBenchResult(result)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
