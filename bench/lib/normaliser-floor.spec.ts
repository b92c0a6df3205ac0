import { floorFigures } from './normaliser-floor';

describe('floorFigures', () => {
  const parts = [
    { stage: 'Kafka: consuming', perRaw: 20, nodePerRaw: 15 },
    { stage: 'Postgres and pg: the writes', perRaw: 150.4, nodePerRaw: 60 },
    { stage: 'Node: normalising', perRaw: 80, nodePerRaw: 80 },
  ];

  it('adds the parts and sets them against the budget 10,000/s leaves on these cores', () => {
    const figures = floorFigures(parts, 1000, 2);
    expect(figures.map((f) => f.stage)).toEqual([
      'floor, Kafka: consuming',
      'floor, Postgres and pg: the writes',
      'floor, Node: normalising',
      'floor: the parts together, machine CPU per raw indicator (10,000/s on 2 cores allows 200)',
      'floor: the most raw indicators/s this machine could drain at that CPU',
    ]);
    expect(figures[1]).toMatchObject({
      value: 150.4,
      unit: 'µs/indicator (this Node process 60)',
      sampleSize: 1000,
    });
    expect(figures[3]).toMatchObject({ value: 250.4, target: '<= 200 µs/indicator' });
    expect(figures[4]!.value).toBeCloseTo(2e6 / 250.4, 6);
  });

  it('scales the budget with the cores', () => {
    const [, , , sum, most] = floorFigures(parts, 1000, 8);
    expect(sum!.stage).toContain('on 8 cores allows 800');
    expect(most!.value).toBeCloseTo(8e6 / 250.4, 6);
  });

  it('has nothing to show when no part was measured (no /proc/stat)', () => {
    expect(floorFigures([], 1000, 2)).toEqual([]);
  });
});
