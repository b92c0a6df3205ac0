import { acceptEventData } from './event-data-plan';
import { validateWithLibraries } from './validate-event';

/**
 * For specs of every library that defines event data classes: runs `acceptEventData` and
 * the two libraries it stands in for (plainToInstance + validateSync with the options
 * validateEventData uses) on valid samples and on many mutations of them, and reports every
 * input the fast path accepted that the libraries refuse, or built differently.
 */
export interface EventDataPlanReport {
  /** Inputs tried. */
  inputs: number;
  /** Inputs the libraries accept. */
  valid: number;
  /** Of those, the ones the fast path accepted too (the rest took the slow path). */
  fast: number;
  /** Samples the fast path did not accept (it should take every valid sample). */
  samplesNotFast: unknown[];
  /** What must never happen: accepted by the fast path but refused, or built otherwise. */
  mismatches: { input: unknown; why: string }[];
}

const ODD_VALUES: unknown[] = [
  null,
  '',
  'x',
  'x'.repeat(5000),
  0,
  -1,
  1,
  0.5,
  2,
  1e308,
  true,
  false,
  [],
  {},
  ['a'],
  [1],
  [null],
  [{}],
  [[]],
  'GREEN',
  'RED',
  'TH',
  'th',
  'rejected',
  '2026-11-27T10:00:00.000Z',
  'not a date',
  '0b9d6f1e-2c3a-4b5d-8e7f-0123456789ab',
  'f'.repeat(64),
];

export function checkEventDataPlan<T extends object>(
  cls: new () => T,
  samples: Record<string, unknown>[],
  rounds = 400,
): EventDataPlanReport {
  const report: EventDataPlanReport = {
    inputs: 0,
    valid: 0,
    fast: 0,
    samplesNotFast: [],
    mismatches: [],
  };
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <V>(values: V[]): V => values[Math.floor(random() * values.length)]!;
  const tryInput = (input: unknown) => {
    report.inputs += 1;
    const fast = acceptEventData(cls, input);
    const verdict = validateWithLibraries(cls, input);
    if ('instance' in verdict) report.valid += 1;
    if (!fast) return false;
    report.fast += 1;
    if ('errors' in verdict)
      report.mismatches.push({
        input,
        why: `refused: ${JSON.stringify(verdict.errors.map(String))}`,
      });
    else if ('unreadable' in verdict)
      report.mismatches.push({ input, why: `refused: threw ${verdict.unreadable}` });
    else if (shapeOf(fast) !== shapeOf(verdict.instance))
      report.mismatches.push({
        input,
        why: `built ${shapeOf(fast)}, not ${shapeOf(verdict.instance)}`,
      });
    return true;
  };
  for (const sample of samples) {
    if (!tryInput(structuredClone(sample))) report.samplesNotFast.push(sample);
    for (const input of mutations(sample)) tryInput(input);
  }
  // Random combinations of two mutations, nested objects included.
  for (let i = 0; i < rounds; i++) {
    let input: unknown = structuredClone(pick(samples));
    for (let j = 0; j < 2; j++) input = mutate(input, pick, random);
    tryInput(input);
  }
  return report;
}

/** Every single-step mutation of an object: each key removed, replaced, and one key added. */
function* mutations(sample: Record<string, unknown>): Generator<unknown> {
  for (const key of Object.keys(sample)) {
    const removed = structuredClone(sample);
    delete removed[key];
    yield removed;
    for (const odd of [...ODD_VALUES, ...Object.values(sample)]) {
      yield { ...structuredClone(sample), [key]: structuredClone(odd) };
    }
  }
  for (const extra of ['unknown', 'constructor', 'toString', 'hasOwnProperty'])
    yield { ...structuredClone(sample), [extra]: 'x' };
  yield { ...structuredClone(sample), ...Object.fromEntries([['__proto__', { a: 1 }]]) };
}

function mutate(value: unknown, pick: <V>(values: V[]) => V, random: () => number): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || random() < 0.3) return pick(ODD_VALUES);
    const i = Math.floor(random() * value.length);
    const copy = [...value] as unknown[];
    copy[i] = mutate(copy[i], pick, random);
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const copy = { ...(value as Record<string, unknown>) };
    const r = random();
    if (keys.length === 0 || r < 0.1) copy[pick(['unknown', 'constructor'])] = pick(ODD_VALUES);
    else if (r < 0.25) delete copy[pick(keys)];
    else {
      const key = pick(keys);
      copy[key] = random() < 0.5 ? pick(ODD_VALUES) : mutate(copy[key], pick, random);
    }
    return copy;
  }
  return pick(ODD_VALUES);
}

/** Values, key order and the class of every object, as one string. */
function shapeOf(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, _key, v: unknown) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      return { '(class)': (v as object).constructor?.name ?? 'null', ...v };
    return v;
  });
}
