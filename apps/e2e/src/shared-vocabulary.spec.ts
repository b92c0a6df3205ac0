import { MEMBER_COUNTRIES } from '@wgas/contracts';
import { ASEAN_COUNTRIES } from '@wgas/indicators';

// libs/contracts (event schemas) and libs/indicators (the domain library) may not depend on
// each other (module boundaries), so each keeps its own list of member countries. This
// pins the two lists together: a country added to one and not the other fails here.
describe('member countries', () => {
  it('are the same in the event contracts and the indicator library', () => {
    expect([...MEMBER_COUNTRIES].sort()).toEqual([...ASEAN_COUNTRIES].sort());
  });

  it('are the eleven ASEAN members, Timor-Leste included', () => {
    expect(MEMBER_COUNTRIES).toHaveLength(11);
    expect(MEMBER_COUNTRIES).toContain('TL');
  });
});
