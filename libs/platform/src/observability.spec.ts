import { Counter, Registry } from 'prom-client';
import { ObservabilityRegistry } from './observability';

describe('ObservabilityRegistry.total', () => {
  it("sums one metric's values over its labels, from the registry that has it", async () => {
    const observability = new ObservabilityRegistry();
    const registry = new Registry();
    const processed = new Counter({
      name: 'test_processed_total',
      help: 'test',
      labelNames: ['topic'],
      registers: [registry],
    });
    observability.addRegistry(registry);
    processed.inc({ topic: 'a' }, 3);
    processed.inc({ topic: 'b' }, 4);
    expect(await observability.total('test_processed_total')).toBe(7);
    processed.inc({ topic: 'a' });
    expect(await observability.total('test_processed_total')).toBe(8);
  });

  it('is undefined for a metric no registry has', async () => {
    expect(await new ObservabilityRegistry().total('test_missing_total')).toBeUndefined();
  });
});
