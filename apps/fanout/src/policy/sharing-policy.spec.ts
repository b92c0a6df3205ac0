import { TLP_LEVELS, type Tlp } from '@wgas/contracts';
import { INDICATOR_TYPES } from '@wgas/indicators';
import {
  decideSharing,
  ROUTED_TYPES,
  type PolicyIndicator,
  type RecipientRole,
} from './sharing-policy';

const TYPES = INDICATOR_TYPES;
const ROLES: RecipientRole[] = ['agency', 'telco', 'bank'];

const indicator = (over: Partial<PolicyIndicator> = {}): PolicyIndicator => ({
  type: 'phone',
  tlp: 'GREEN',
  originNode: 'th',
  confidence: 0.5,
  typology: 'impersonation',
  countries: ['TH'],
  ...over,
});

/** The expected answer, written independently of the implementation's structure. */
function expected(tlp: Tlp, role: RecipientRole, type: string, home: boolean): boolean {
  const tlpAllows =
    tlp === 'CLEAR' || tlp === 'GREEN' || tlp === 'AMBER'
      ? true
      : tlp === 'AMBER+STRICT'
        ? role === 'agency'
        : role === 'agency' && home;
  const routed =
    role === 'agency' ||
    (role === 'telco' && ['phone', 'short_code', 'sms_sender', 'url', 'domain'].includes(type)) ||
    (role === 'bank' && ['bank_account', 'payment_proxy', 'ewallet', 'crypto'].includes(type));
  return tlpAllows && routed;
}

describe('decideSharing: every TLP level x recipient role x indicator type x home/foreign', () => {
  const cases = TLP_LEVELS.flatMap((tlp) =>
    ROLES.flatMap((role) =>
      TYPES.flatMap((type) => [true, false].map((home) => [tlp, role, type, home] as const)),
    ),
  );

  it.each(cases)('%s to %s for %s (home node: %s)', (tlp, role, type, home) => {
    const d = decideSharing(indicator({ tlp, type }), { role, node: home ? 'th' : 'my' });
    expect(d.send).toBe(expected(tlp, role, type, home));
    expect(d.rule).toMatch(/^(tlp|routing|confidence|subscription|status|warninglisted)/);
  });

  it('covers all 5 levels, 3 roles and 14 types', () => {
    expect(cases).toHaveLength(5 * 3 * 14 * 2);
  });
});

describe('decideSharing: holds and filters', () => {
  it('never sends a warninglisted indicator, whatever the TLP', () => {
    for (const tlp of TLP_LEVELS) {
      expect(
        decideSharing(indicator({ tlp, warninglisted: true }), { role: 'agency', node: 'th' }),
      ).toEqual({
        send: false,
        rule: 'warninglisted',
      });
    }
  });

  it.each(['expired', 'retracted', 'false_positive'] as const)(
    'does not send a %s indicator',
    (status) => {
      expect(decideSharing(indicator({ status }), { role: 'telco', node: 'th' })).toEqual({
        send: false,
        rule: `status:${status}`,
      });
    },
  );

  it('holds low-confidence indicators unless the subscription asks for them', () => {
    const weak = indicator({ confidence: 0.3 });
    expect(decideSharing(weak, { role: 'telco', node: 'th' }).send).toBe(false);
    expect(
      decideSharing(weak, { role: 'telco', node: 'th', subscription: { minConfidence: 0.2 } }).send,
    ).toBe(true);
  });

  it('applies subscription filters on type, typology and origin country', () => {
    const telco = (subscription: object) => ({ role: 'telco' as const, node: 'my', subscription });
    expect(decideSharing(indicator(), telco({ types: ['url'] })).rule).toBe('subscription:type');
    expect(decideSharing(indicator(), telco({ typologies: ['romance'] })).rule).toBe(
      'subscription:typology',
    );
    expect(decideSharing(indicator(), telco({ originCountries: ['SG'] })).rule).toBe(
      'subscription:origin-country',
    );
    expect(
      decideSharing(indicator(), telco({ originCountries: ['TH'], types: ['phone'] })),
    ).toEqual({
      send: true,
      rule: 'tlp:green:member-community+routing:phone-to-telco',
    });
  });

  it('routes no type to both telcos and banks', () => {
    for (const t of ROUTED_TYPES.telco) expect(ROUTED_TYPES.bank.has(t)).toBe(false);
  });
});
