import { confidenceFor } from './confidence';

describe('confidenceFor', () => {
  it.each([
    [0, 0],
    [1, 0.5],
    [2, 0.75],
    [3, 0.875],
  ])('%i organisations -> %f', (orgs, expected) => {
    expect(confidenceFor(orgs)).toBe(expected);
  });

  it('never reaches 1', () => {
    expect(confidenceFor(50)).toBeLessThanOrEqual(1);
  });

  it('falls with each false-positive action', () => {
    expect(confidenceFor(2, 1)).toBe(0.375);
    expect(confidenceFor(2, 2)).toBeLessThan(confidenceFor(2, 1));
    expect(confidenceFor(0, 3)).toBe(0);
  });
});
