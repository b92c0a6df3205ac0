import { detect, extract, normalise, REJECTION_CODES, type NormaliseResult } from './index';

function indicatorOf(result: NormaliseResult) {
  if (!result.ok) throw new Error(`rejected: ${result.rejection.code}`);
  return result.indicator;
}

describe('normalise', () => {
  it('gives the walking skeleton its Thai mobile in E.164', () => {
    const indicator = indicatorOf(normalise('081-234-5678', { country: 'TH', typeHint: 'phone' }));
    expect(indicator).toMatchObject({
      type: 'phone',
      canonical: '+66812345678',
      key: 'phone:+66812345678',
      raw: '081-234-5678',
    });
    expect(indicator.attributes).toMatchObject({ country: 'TH', lineType: 'mobile', asean: true });
  });

  it('normalises URLs and relates their domain', () => {
    const indicator = indicatorOf(
      normalise('HTTP://Evil.Example.com/a/../login?utm_source=x', {
        country: 'TH',
        typeHint: 'url',
      }),
    );
    expect(indicator.canonical).toBe('http://evil.example.com/login');
    expect(indicator.related?.map((r) => r.key)).toEqual(['domain:evil.example.com']);
  });

  it('detects the type when no hint is given', () => {
    expect(indicatorOf(normalise('081 234 5678', { country: 'TH' })).type).toBe('phone');
    expect(indicatorOf(normalise('https://evil.com', { country: 'TH' })).type).toBe('url');
    expect(
      indicatorOf(normalise('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', { country: 'TH' })).type,
    ).toBe('crypto');
  });

  it('accepts a lower-case country and type aliases', () => {
    expect(
      indicatorOf(normalise('0812345678', { country: 'th', typeHint: 'PromptPay' })).canonical,
    ).toBe('promptpay:+66812345678');
  });

  it('rejects with stable codes and echoes a bounded raw value', () => {
    const result = normalise('x'.repeat(5000), { country: 'TH' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.rejection.code).toBe('input.too_long');
      expect(result.rejection.raw.length).toBeLessThan(300);
    }
  });

  it('never throws, even for values that are not strings', () => {
    const weird: unknown[] = [null, undefined, 42, {}, [], Symbol('x')];
    for (const value of weird) {
      const result = normalise(value as string, { country: 'TH' });
      expect(result).toEqual({
        ok: false,
        rejection: { code: 'input.not_a_string', message: expect.any(String), raw: '' },
      });
    }
    expect(normalise('081', undefined as never).ok).toBe(false);
  });

  it('only uses declared rejection codes', () => {
    const samples = ['', 'abc', '+999', 'http://', 'KBANK 1', '0x1234', 'promptpay:1', '000201'];
    for (const sample of samples) {
      for (const typeHint of [
        undefined,
        'phone',
        'url',
        'bank_account',
        'crypto',
        'payment_proxy',
        'emvco_qr',
      ]) {
        const result = normalise(sample, { country: 'TH', typeHint });
        if (!result.ok) expect(REJECTION_CODES).toContain(result.rejection.code);
      }
    }
  });
});

describe('detect', () => {
  it('lists the types a value normalises as', () => {
    expect(detect('081 234 5678', { country: 'TH' })).toEqual(['phone']);
    expect(detect('com.fake.app')).toEqual(['apk', 'domain']);
    expect(detect('evil.com')).toEqual(['domain']);
    expect(detect('hello world')).toEqual([]);
  });
});

describe('extract', () => {
  it('finds every indicator in a Thai phishing SMS', () => {
    const sms =
      'ด่วน! บัญชีของคุณถูกระงับ ยืนยันที่ https://kbank-verify.com/login?utm_source=sms หรือโทร 081-234-5678 ' +
      'โอนเข้า KBANK 123-4-56789-0 LINE: @help_kbank';
    expect(extract(sms, { country: 'TH' }).map((i) => i.key)).toEqual([
      'url:https://kbank-verify.com/login',
      'phone:+66812345678',
      'bank_account:TH:004:1234567890',
      'messaging:line:@help_kbank',
    ]);
  });

  it('finds wallets, e-mails and defanged links in English chat text', () => {
    const chat =
      'Send USDT to TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t or email agent@scam-invest.co, site hxxps://scam-invest[.]co/join.';
    expect(extract(chat, { country: 'SG' }).map((i) => i.key)).toEqual([
      'crypto:tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
      'email:agent@scam-invest.co',
      'url:https://scam-invest.co/join',
    ]);
  });

  it('de-duplicates and survives junk', () => {
    expect(
      extract('call 0917 123 4567 or 09171234567', { country: 'PH' }).map((i) => i.key),
    ).toEqual(['phone:+639171234567']);
    expect(extract(null as unknown as string, { country: 'TH' })).toEqual([]);
  });
});
