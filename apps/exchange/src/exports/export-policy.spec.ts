import { EVENT_TYPES, INDICATOR_EXPIRED_V1, TLP_LEVELS } from '@wgas/contracts';
import { newEvent } from '@wgas/messaging';
import { mayBeExported, mayExport, peerMayReceive } from './export-policy';

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

describe("mayBeExported (the consumer's filter before validation and the inbox)", () => {
  const upserted = (data: unknown) => newEvent('urn:test', EVENT_TYPES.indicatorUpserted, data);

  it('skips only what mayExport would certainly refuse', () => {
    expect(mayBeExported(upserted({ tlp: 'GREEN', originNode: 'my' }))).toBe(false);
    expect(mayBeExported(upserted({ tlp: 'RED' }))).toBe(false);
    expect(mayBeExported(newEvent('urn:test', INDICATOR_EXPIRED_V1, { tlp: 'GREEN' }))).toBe(false);
    expect(mayBeExported(upserted({ tlp: 'GREEN' }))).toBe(true);
    expect(mayBeExported(upserted({ tlp: 'AMBER+STRICT' }))).toBe(true);
  });

  it('leaves malformed events to validation, which dead-letters them', () => {
    expect(mayBeExported(upserted(null))).toBe(true);
    expect(mayBeExported(upserted({ tlp: 'GREEN', originNode: 42 }))).toBe(true);
  });
});
