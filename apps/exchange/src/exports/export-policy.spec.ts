import { TLP_LEVELS } from '@wgas/contracts';
import { mayExport, peerMayReceive } from './export-policy';

describe('mayExport', () => {
  it.each(TLP_LEVELS)(
    '%s from this node goes out only if not RED and some peer may receive it',
    (tlp) => {
      expect(mayExport({ tlp }, 'th', ['AMBER+STRICT']).export).toBe(tlp !== 'RED');
      expect(mayExport({ tlp }, 'th', ['GREEN']).export).toBe(tlp === 'CLEAR' || tlp === 'GREEN');
      expect(mayExport({ tlp }, 'th', []).export).toBe(false);
    },
  );

  it('never re-exports foreign or warninglisted indicators', () => {
    expect(mayExport({ tlp: 'CLEAR', originNode: 'my' }, 'th', ['AMBER'])).toEqual({
      export: false,
      rule: 'foreign:no-re-export',
    });
    expect(mayExport({ tlp: 'GREEN', originNode: 'th' }, 'th', ['AMBER']).export).toBe(true);
    expect(mayExport({ tlp: 'GREEN', warninglisted: true }, 'th', ['AMBER'])).toEqual({
      export: false,
      rule: 'warninglisted',
    });
  });
});

describe('peerMayReceive', () => {
  it('orders the markings CLEAR < GREEN < AMBER < AMBER+STRICT and never admits RED', () => {
    expect(peerMayReceive('AMBER', 'AMBER+STRICT')).toBe(true);
    expect(peerMayReceive('AMBER+STRICT', 'AMBER')).toBe(false);
    expect(peerMayReceive('RED', 'AMBER+STRICT')).toBe(false);
  });
});
