import { TLP_LEVELS } from '@wgas/contracts';
import type { Role } from '@wgas/platform';
import { mayReveal } from './lookup-visibility';

describe('mayReveal', () => {
  const roles: Role[] = ['agency', 'telco', 'bank', 'operator'];
  const expected: Record<string, Role[]> = {
    CLEAR: roles,
    GREEN: roles,
    AMBER: roles,
    'AMBER+STRICT': ['agency'],
    RED: ['agency'],
  };
  it.each(TLP_LEVELS.flatMap((tlp) => roles.map((role) => [tlp, role] as const)))(
    '%s to %s',
    (tlp, role) => {
      expect(mayReveal(tlp, role)).toBe(expected[tlp]!.includes(role));
    },
  );
});
