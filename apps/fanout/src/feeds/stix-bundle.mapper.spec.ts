import { randomUUID } from 'node:crypto';
import { TLP_LEVELS, type AlertV1 } from '@wgas/contracts';
import { createStixValidator } from '@wgas/testing';
import { stixPattern, toStixBundle } from './stix-bundle.mapper';

const alert = (
  over: Partial<AlertV1['indicator']> = {},
  action: AlertV1['action'] = 'block',
): AlertV1 => ({
  alertId: randomUUID(),
  subscriptionId: randomUUID(),
  action,
  rule: 'tlp:green:member-community+routing:phone-to-telco',
  indicator: {
    id: 'ind_1',
    type: 'phone',
    value: '+66812345678',
    confidence: 0.5,
    countries: ['TH'],
    typology: 'impersonation',
    tlp: 'GREEN',
    firstSeen: '2026-11-26T00:00:00Z',
    lastSeen: '2026-11-26T00:00:00Z',
    ...over,
  },
  origin: 'th',
  createdAt: new Date().toISOString(),
  ...(action === 'unblock'
    ? { reason: 'expired' as const }
    : { expiresAt: '2027-02-24T00:00:00Z' }),
});

describe('toStixBundle', () => {
  const validate = createStixValidator();

  it('produces bundles that validate against the STIX 2.1 schemas, for every type and TLP', () => {
    const types: [string, string][] = [
      ['phone', '+66812345678'],
      ['url', "http://evil.example/it's"],
      ['domain', 'evil.example'],
      ['email', 'scam@evil.example'],
      ['bank_account', 'TH:004:1234567890'],
      ['payment_proxy', 'promptpay:+66812345678'],
      ['crypto', 'tron:TXYZ'],
      ['sms_sender', 'TH:KBANK-OTP'],
    ];
    const alerts = types.flatMap(([type, value], i) => [
      alert({ id: `ind_${i}`, type, value, tlp: TLP_LEVELS[i % TLP_LEVELS.length]! }),
    ]);
    alerts.push(alert({}, 'unblock'));
    const bundle = toStixBundle('th', alerts);
    expect(validate(bundle)).toEqual({ valid: true, errors: [] });
    expect(bundle.objects.filter((o) => o.type === 'marking-definition')).toHaveLength(5);
  });

  it('is checked by a validator that does reject broken STIX', () => {
    const bundle = toStixBundle('th', [alert()]);
    const indicator = bundle.objects.find((o) => o.type === 'indicator')!;
    delete indicator.pattern;
    indicator.confidence = 101;
    const result = validate(bundle);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/pattern/);
  });

  it('uses standard observables where STIX has them and x-wgas types otherwise', () => {
    expect(stixPattern('url', "http://a.example/it's")).toBe(
      "[url:value = 'http://a.example/it\\'s']",
    );
    expect(stixPattern('domain', 'a.example')).toBe("[domain-name:value = 'a.example']");
    expect(stixPattern('bank_account', 'TH:004:1')).toBe(
      "[x-wgas-bank-account:value = 'TH:004:1']",
    );
  });

  it('marks an unblocked indicator revoked and keeps its id', () => {
    const [block, unblock] = [alert(), alert({}, 'unblock')];
    const objects = toStixBundle('th', [block, unblock]).objects.filter(
      (o) => o.type === 'indicator',
    );
    expect(objects[0]!.id).toBe(objects[1]!.id);
    expect(objects[1]!.revoked).toBe(true);
  });
});
