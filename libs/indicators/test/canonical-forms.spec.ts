import { normalise, type NormaliseResult } from '../src';
import { emvTlv, withCrc } from './qr-payload.factory';

// The decisions behind canonical-form idempotence (README "Idempotence"), one example each.
function outcome(result: NormaliseResult): string {
  return result.ok ? result.indicator.key : `rejected ${result.rejection.code}`;
}

describe('canonical forms as input', () => {
  it('reads a chain prefix as the chain, and refuses one that contradicts the hint', () => {
    const evm = 'evm:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
    expect(outcome(normalise(evm, { country: 'TH', typeHint: 'crypto' }))).toBe(`crypto:${evm}`);
    expect(outcome(normalise(evm, { country: 'TH', typeHint: 'btc' }))).toBe(
      'rejected crypto.unrecognised',
    );
    expect(
      outcome(normalise('btc:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', { country: 'TH' })),
    ).toBe('rejected crypto.unrecognised');
  });

  it("keeps a member state's CC: prefix on short codes and sender IDs, whoever reports them", () => {
    expect(outcome(normalise('TH:1441', { country: 'MY', typeHint: 'short_code' }))).toBe(
      'short_code:TH:1441',
    );
    expect(outcome(normalise('TH:KBANK', { country: 'MY', typeHint: 'sms_sender' }))).toBe(
      'sms_sender:TH:KBANK',
    );
    // Not a member's code: the colon is part of the sender ID.
    expect(outcome(normalise('XY:DEAL', { country: 'TH', typeHint: 'sms_sender' }))).toBe(
      'sms_sender:TH:XY:DEAL',
    );
  });

  it('reads labelled PromptPay and DuitNow QR proxies back', () => {
    for (const proxy of [
      'promptpay:id:1101700230708',
      'promptpay:ewallet:123456789012345',
      'promptpay:biller:010555123456701',
      'duitnow:qr:890053:0000000123456789',
    ])
      expect(outcome(normalise(proxy, { country: 'SG', typeHint: 'payment_proxy' }))).toBe(
        `payment_proxy:${proxy}`,
      );
    expect(
      outcome(normalise('promptpay:id:12345', { country: 'TH', typeHint: 'payment_proxy' })),
    ).toBe('rejected payment_proxy.invalid_id');
  });

  it('turns a canonical account made from an IBAN back into that IBAN', () => {
    const result = normalise('TL:008:0012345678910157', { country: 'PH', typeHint: 'bank' });
    expect(outcome(result)).toBe('bank_account:TL:008:0012345678910157');
    expect(result.ok && result.indicator.attributes.iban).toBe('TL380080012345678910157');
  });

  it('counts Facebook username length without dots and wants a letter', () => {
    const fb = (value: string) =>
      outcome(normalise(value, { country: 'PH', typeHint: 'facebook' }));
    expect(fb('john.smith')).toBe('messaging:facebook:johnsmith');
    expect(fb('a.b.c.d')).toBe('rejected messaging.invalid_id');
    expect(fb('1234.5')).toBe('rejected messaging.invalid_id');
  });

  it('names a VietQR account the registry refuses in a warning, not as a related indicator', () => {
    const beneficiary = emvTlv('00', '970436') + emvTlv('01', '00000000');
    const payload = withCrc(
      emvTlv('00', '01') +
        emvTlv('01', '11') +
        emvTlv('38', emvTlv('00', 'A000000727') + emvTlv('01', beneficiary)) +
        emvTlv('58', 'VN'),
    );
    const result = normalise(payload, { country: 'VN', typeHint: 'emvco_qr' });
    if (!result.ok) throw new Error(result.rejection.code);
    expect(result.indicator.related).toBeUndefined();
    expect(result.indicator.warnings.map((w) => w.code)).toEqual(['emvco_qr.unverified_account']);
    expect(result.indicator.warnings[0]?.message).toContain('VN:970436:00000000');
  });
});
