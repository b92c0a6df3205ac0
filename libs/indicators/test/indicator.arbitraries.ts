import { bech32, bech32m, createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2';
import fc from 'fast-check';
import { composeIBAN } from 'ibantools';
import { ASEAN_COUNTRIES, BANK_REGISTRY, type IndicatorType, type NormaliseContext } from '../src';
import { EWALLET_PROVIDERS } from '../src/ewallet/ewallet-providers';
import { checkSingaporeNric, isValidThaiId } from '../src/payment/national-ids';
import { emvTlv, withCrc } from './qr-payload.factory';

// Raw values the way agencies report them (national formats, separators, prefixes, letter
// case), one arbitrary per indicator type. Most of them normalise; property tests skip the
// few that do not and check that enough did.

export interface RawIndicator {
  raw: string;
  context: NormaliseContext;
}

const base58check = createBase58check(sha256);

function chars(alphabet: string, minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
}
const digits = (min: number, max = min): fc.Arbitrary<string> => chars('0123456789', min, max);
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const member = fc.constantFrom(...ASEAN_COUNTRIES);
const pair = (a: string, b: string): [string, string] => [a, b];
const triple = (a: string, b: string, c: string): [string, string, string] => [a, b, c];

function randomCase(text: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) => [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));
}

/** Inserts spaces or dashes at random places, as people type numbers. */
function separated(value: string): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.nat(value.length), fc.constantFrom(' ', '-')), { maxLength: 3 })
    .map((cuts) => {
      let out = value;
      for (const [at, sep] of [...cuts].sort((a, b) => b[0] - a[0]))
        out = `${out.slice(0, at)}${sep}${out.slice(at)}`;
      return out.replace(/^[ -]+|[ -]+$/g, '').replace(/[ -]{2,}/g, ' ');
    });
}

// Mobile numbers per member: calling code, national prefixes (trunk 0 included), digits after.
const MOBILE_PLANS: Readonly<Record<string, [string, string[], number, number]>> = {
  TH: ['66', ['06', '08', '09'], 8, 8],
  MY: ['60', ['012', '016', '019'], 7, 7],
  SG: ['65', ['8', '9'], 7, 7],
  PH: ['63', ['0917', '0918', '0927'], 7, 7],
  ID: ['62', ['0812', '0813', '0857'], 7, 8],
  VN: ['84', ['091', '098', '0162', '0123'], 7, 7],
  KH: ['855', ['012', '017', '092'], 6, 6],
  LA: ['856', ['0205', '0209'], 7, 7],
  MM: ['95', ['0978', '0979'], 6, 6],
  BN: ['673', ['7', '8'], 6, 6],
  TL: ['670', ['77', '78'], 6, 6],
};

/** A national mobile number of `country`, as dialled at home or from abroad. */
function mobileOf(country: string): fc.Arbitrary<string> {
  const [cc, prefixes, min, max] = MOBILE_PLANS[country] ?? ['66', ['08'], 8, 8];
  const national = fc.tuple(fc.constantFrom(...prefixes), digits(min, max)).map(([p, d]) => p + d);
  return fc.tuple(national, fc.constantFrom('national', '+', '00', 'bare')).chain(([n, form]) => {
    const significant = n.replace(/^0/, '');
    const text =
      form === 'national'
        ? n
        : form === '+'
          ? `+${cc}${significant}`
          : form === '00'
            ? `00${cc}${significant}`
            : `${cc}${significant}`;
    return separated(text);
  });
}

const phone = member.chain((country) =>
  mobileOf(country).map((raw) => ({ raw, context: { country, typeHint: 'phone' } })),
);

const shortCode = fc
  .tuple(member, fc.constantFrom(...'123456789'), digits(2, 5))
  .map(([country, first, rest]) => ({
    raw: `${first}${rest}`,
    context: { country, typeHint: 'short_code' },
  }));

const smsSender = fc
  .tuple(member, chars(`${LOWER}0123456789 .&-`, 0, 9), fc.constantFrom(...LOWER))
  .chain(([country, body, letter]) =>
    randomCase(`${letter}${body}`.trim()).map((raw) => ({
      raw,
      context: { country, typeHint: 'sms_sender' },
    })),
  );

const label = chars(`${LOWER}0123456789`, 1, 12);
const TLDS = ['com', 'net', 'org', 'co.th', 'in.th', 'com.my', 'com.sg', 'co.id', 'com.ph', 'vn'];
const IDN_LABELS = ['ธนาคาร', 'ngânhàng', 'bаnk', 'กสิกร'];
const host = fc
  .tuple(
    fc.array(label, { minLength: 1, maxLength: 3 }),
    fc.option(fc.constantFrom(...IDN_LABELS), { nil: undefined }),
    fc.constantFrom(...TLDS),
  )
  .chain(([labels, idn, tld]) => randomCase([...labels, ...(idn ? [idn] : []), tld].join('.')));

const domain = fc.tuple(member, host, fc.boolean()).map(([country, h, dot]) => ({
  raw: dot ? `${h}.` : h,
  context: { country, typeHint: 'domain' },
}));

const pathSegment = fc.oneof(
  chars(`${LOWER}0123456789-_~`, 1, 10),
  fc.constantFrom('..', '.', '%41', '%2e', 'a%20b', 'ก', '', 'login.php'),
);
const queryPart = fc.oneof(
  fc.tuple(chars(LOWER, 1, 6), chars(`${LOWER}0123456789`, 0, 6)).map(([k, v]) => `${k}=${v}`),
  fc.constantFrom('utm_source=sms', 'fbclid=abc', 'gclid=1', 'id=7', 'a=%7E'),
);
const MESSAGING_LINKS = [
  't.me/ScamSupportBot',
  'wa.me/66812345678',
  'www.facebook.com/John.Smith.99',
  'facebook.com/profile.php?id=100012345678901',
  'line.me/ti/p/~Scam_Shop',
  'instagram.com/Lux.Deals_',
  'zalo.me/0912345678',
];
const url = fc
  .tuple(
    member,
    fc.constantFrom('http://', 'https://', 'HTTP://', 'hxxps://', ''),
    fc.oneof(
      { weight: 4, arbitrary: host },
      { weight: 1, arbitrary: fc.constantFrom(...MESSAGING_LINKS) },
      { weight: 1, arbitrary: fc.constantFrom('192.168.0.1', '3279880203', '0x7f.1') },
    ),
    fc.array(pathSegment, { maxLength: 4 }),
    fc.array(queryPart, { maxLength: 3 }),
    fc.option(chars(LOWER, 0, 5), { nil: undefined }),
  )
  .map(([country, scheme, h, path, query, fragment]) => {
    const p = path.length > 0 ? `/${path.join('/')}` : h.includes('/') ? '' : '/';
    const q = query.length > 0 ? `${h.includes('?') ? '&' : '?'}${query.join('&')}` : '';
    const f = fragment === undefined ? '' : `#${fragment}`;
    return { raw: `${scheme || 'http://'}${h}${p}${q}${f}`, context: { country, typeHint: 'url' } };
  });

const email = fc
  .tuple(
    member,
    chars(`${LOWER}0123456789._`, 1, 12),
    fc.option(chars(LOWER, 1, 5), { nil: undefined }),
    fc.oneof(fc.constantFrom('gmail.com', 'Yahoo.co.th', 'outlook.com'), host),
  )
  .chain(([country, local, tag, d]) =>
    randomCase(`${local.replace(/^[._]+|[._]+$/g, '') || 'x'}${tag ? `+${tag}` : ''}@${d}`).map(
      (raw) => ({ raw, context: { country, typeHint: 'email' } }),
    ),
  );

const registryBanks = Object.entries(BANK_REGISTRY).flatMap(([country, banks]) =>
  banks.map((bank) => ({ country, bank })),
);
const registryAccount = fc.constantFrom(...registryBanks).chain(({ country, bank }) =>
  fc
    .tuple(
      fc.constantFrom(...(bank.lengths ?? [8, 10, 12])),
      fc.constantFrom(bank.short, bank.code, ...(bank.bic ? [bank.bic] : [])),
    )
    .chain(([length, name]) =>
      digits(length).chain((account) =>
        separated(account).map((typed) => ({
          raw: `${name} ${typed}`,
          context: { country, typeHint: 'bank_account' },
        })),
      ),
    ),
);
// IBANs: Timor-Leste's own, and foreign ones (accepted as CC:bank:rest).
const ibanAccount = fc
  .tuple(
    member,
    fc.oneof(
      digits(19).map((bban) => composeIBAN({ countryCode: 'TL', bban })),
      digits(18).map((bban) => composeIBAN({ countryCode: 'DE', bban })),
      fc
        .tuple(fc.constantFrom('WEST', 'NWBK', 'BARC'), digits(14))
        .map(([bank, rest]) => composeIBAN({ countryCode: 'GB', bban: `${bank}${rest}` })),
    ),
    fc.boolean(),
  )
  .map(([country, iban, grouped]) => ({
    raw: grouped ? (iban ?? '').replace(/(.{4})/g, '$1 ').trim() : (iban ?? ''),
    context: { country, typeHint: 'bank_account' },
  }));
const bankAccount = fc.oneof({ weight: 3, arbitrary: registryAccount }, ibanAccount);

/** Completes 12 digits with the Thai ID check digit. */
function thaiId(first12: string): string {
  const check = [...'0123456789'].find((d) => isValidThaiId(first12 + d)) ?? '0';
  return first12 + check;
}

/** Completes an NRIC/FIN body with its check letter. */
function nric(prefix: string, body: string): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const check = [...letters].find((l) => checkSingaporeNric(`${prefix}${body}${l}`) === 'valid');
  return `${prefix}${body}${check ?? 'A'}`;
}

const myKad = fc
  .tuple(digits(2), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), digits(6))
  .map(
    ([yy, m, d, rest]) => `${yy}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${rest}`,
  );

const proxyValue: fc.Arbitrary<[string, string]> = fc.oneof(
  mobileOf('TH').map((m) => pair('promptpay', m)),
  digits(12).chain((d) => separated(thaiId(d)).map((id) => pair('promptpay', id))),
  digits(15).map((d) => pair('promptpay', d)),
  mobileOf('MY').map((m) => pair('duitnow', m)),
  myKad.map((id) => pair('duitnow', `${id.slice(0, 6)}-${id.slice(6, 8)}-${id.slice(8)}`)),
  fc
    .tuple(fc.constantFrom('passport', 'army', 'police'), chars('ABC0123456789', 6, 10))
    .map(([kind, id]) => pair('duitnow', `${kind}:${id}`)),
  fc
    .tuple(fc.constantFrom('2019', '2021'), fc.integer({ min: 1, max: 6 }), digits(6))
    .map(([year, entity, d]) => pair('duitnow', `${year}0${entity}${d}`)),
  mobileOf('SG').map((m) => pair('paynow', m)),
  fc
    .tuple(fc.constantFrom('S', 'T', 'F', 'G'), digits(7))
    .map(([p, d]) => pair('paynow', nric(p, d))),
  fc
    .tuple(digits(8), fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ'))
    .map(([d, l]) => pair('paynow', `${d}${l}`)),
  digits(10, 15).map((d) => pair('qris', `ID${d}`)),
  fc
    .tuple(chars(`${LOWER}0123456789_.`, 2, 12), chars(LOWER, 2, 8))
    .map(([name, bank]) => pair('bakong', `${name}@${bank}`)),
);

const SCHEME_HOME: Readonly<Record<string, string>> = {
  promptpay: 'TH',
  duitnow: 'MY',
  paynow: 'SG',
  qris: 'ID',
  bakong: 'KH',
};
const paymentProxy = fc
  .tuple(proxyValue, fc.constantFrom('prefix', 'hint', 'home'))
  .chain(([[scheme, value], form]) =>
    randomCase(scheme).map((named) => {
      const country = SCHEME_HOME[scheme] ?? 'TH';
      if (form === 'prefix')
        return { raw: `${named}:${value}`, context: { country, typeHint: 'payment_proxy' } };
      if (form === 'hint') return { raw: value, context: { country, typeHint: scheme } };
      // The reporting country's own scheme (TH, MY, SG); elsewhere the prefix is needed.
      return ['TH', 'MY', 'SG'].includes(country)
        ? { raw: value, context: { country, typeHint: 'payment_proxy' } }
        : { raw: `${named} ${value}`, context: { country, typeHint: 'payment_proxy' } };
    }),
  );

const ewallet = fc
  .tuple(fc.constantFrom(...EWALLET_PROVIDERS), member)
  .chain(([provider, reporter]) => {
    const home = provider.country ?? reporter;
    return fc
      .tuple(mobileOf(home), fc.constantFrom(provider.id, provider.name, ...provider.aliases))
      .chain(([number, name]) =>
        fc.constantFrom(
          { raw: `${name}: ${number}`, context: { country: home, typeHint: 'ewallet' } },
          { raw: number, context: { country: home, typeHint: provider.id } },
        ),
      );
  });

const bytes = (n: number): fc.Arbitrary<Uint8Array> =>
  fc.uint8Array({ minLength: n, maxLength: n });
const cryptoAddress = fc.oneof(
  bytes(20).chain((b) =>
    fc.constantFrom('lower', 'upper', 'uri').map((form) => {
      const h = Buffer.from(b).toString('hex');
      return form === 'upper'
        ? `0x${h.toUpperCase()}`
        : form === 'uri'
          ? `ethereum:0x${h}`
          : `0x${h}`;
    }),
  ),
  bytes(20).map((b) => base58check.encode(Uint8Array.from([0x41, ...b]))),
  fc
    .tuple(fc.constantFrom(0x00, 0x05, 0x6f, 0xc4), bytes(20), fc.boolean())
    .map(
      ([v, b, uri]) =>
        `${uri ? 'bitcoin:' : ''}${base58check.encode(Uint8Array.from([v, ...b]))}${uri ? '?amount=0.1' : ''}`,
    ),
  fc
    .tuple(fc.constantFrom('bc', 'tb'), fc.constantFrom(20, 32), fc.boolean())
    .chain(([hrp, n, upper]) =>
      bytes(n).map((b) => {
        const a = bech32.encode(hrp, [0, ...bech32.toWords(b)]);
        return upper ? a.toUpperCase() : a;
      }),
    ),
  bytes(32).map((b) => bech32m.encode('bc', [1, ...bech32m.toWords(b)])),
);
const crypto = fc
  .tuple(member, cryptoAddress, fc.constantFrom('crypto', 'usdt', undefined))
  .map(([country, raw, typeHint]) => ({ raw, context: { country, typeHint } }));

const messagingAccount: fc.Arbitrary<[string, string, string]> = fc.oneof(
  fc
    .tuple(fc.constant('line'), chars(`${LOWER}0123456789._-`, 3, 19), fc.boolean())
    .map(([p, id, official]) => triple(p, official ? `@${id}` : id, 'TH')),
  fc
    .tuple(fc.constantFrom(...LOWER), chars(`${LOWER}0123456789_`, 4, 20), fc.boolean())
    .map(([first, rest, at]) => triple('telegram', `${at ? '@' : ''}${first}${rest}`, 'MY')),
  // Dotted usernames, some short or all digits once the dots (which Facebook ignores) are gone.
  fc
    .array(chars(`${LOWER}0123456789`, 1, 6), { minLength: 1, maxLength: 4 })
    .map((parts) => triple('facebook', parts.join('.'), 'PH')),
  digits(9, 15).map((d) => triple('facebook', `1${d}`, 'PH')),
  chars(`${LOWER}0123456789`, 3, 20).map((g) => triple('facebook', `group:${g}`, 'PH')),
  chars(`${LOWER}0123456789_`, 1, 30).map((id) => triple('instagram', `@${id}`, 'SG')),
  member.chain((c) => mobileOf(c).map((m) => triple('whatsapp', m, c))),
  chars(`${LOWER}ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789`, 20, 22).map((g) =>
    triple('whatsapp', `group:${g}`, 'TH'),
  ),
  mobileOf('VN').map((m) => triple('zalo', m, 'VN')),
);
const PLATFORM_NAMES: Readonly<Record<string, string[]>> = {
  line: ['LINE ID', 'line', 'Line', 'ไลน์'],
  telegram: ['telegram', 'tg', 'Telegram'],
  facebook: ['facebook', 'fb', 'Messenger'],
  instagram: ['instagram', 'IG'],
  whatsapp: ['whatsapp', 'WA'],
  zalo: ['zalo', 'Zalo'],
};
const messaging = messagingAccount.chain(([platform, account, country]) =>
  fc
    .tuple(fc.constantFrom(...(PLATFORM_NAMES[platform] ?? [platform])), randomCase(account))
    .chain(([name, cased]) => {
      // Group invite codes and numeric ids are case-sensitive or case-free: keep them as made.
      const value = /^(group:|\d|\+)/.test(account) ? account : cased;
      return fc.constantFrom(
        { raw: `${name}: ${value}`, context: { country, typeHint: 'messaging' } },
        { raw: value, context: { country, typeHint: platform } },
      );
    }),
);

const apk = fc
  .tuple(member, fc.array(chars(`${LOWER}ABC_0123456789`, 0, 8), { minLength: 2, maxLength: 4 }))
  .map(([country, segments]) => ({
    raw: segments.map((s, i) => `${'abcdefg'[i] ?? 'x'}${s}`).join('.'),
    context: { country, typeHint: 'apk' },
  }));

const fileHash = fc
  .tuple(member, bytes(32), fc.constantFrom('', 'sha256:', 'SHA-256 '), fc.boolean())
  .map(([country, b, prefix, upper]) => {
    const h = Buffer.from(b).toString('hex');
    return {
      raw: `${prefix}${upper ? h.toUpperCase() : h}`,
      context: { country, typeHint: 'file_hash' },
    };
  });

const vietBins = (BANK_REGISTRY.VN ?? []).map((b) => b.code);
const qrTemplate: fc.Arbitrary<[string, string]> = fc.oneof(
  digits(9).map((d) =>
    pair('TH', emvTlv('29', emvTlv('00', 'A000000677010111') + emvTlv('01', `00668${d.slice(1)}`))),
  ),
  digits(12).map((d) =>
    pair('TH', emvTlv('29', emvTlv('00', 'A000000677010111') + emvTlv('02', thaiId(d)))),
  ),
  digits(15).map((d) =>
    pair(
      'TH',
      emvTlv('30', emvTlv('00', 'A000000677010112') + emvTlv('01', d) + emvTlv('02', 'REF1')),
    ),
  ),
  fc
    .tuple(digits(6), digits(16))
    .map(([a, m]) =>
      pair('MY', emvTlv('26', emvTlv('00', 'A0000006150001') + emvTlv('01', a) + emvTlv('02', m))),
    ),
  digits(7).map((d) =>
    pair(
      'SG',
      emvTlv('26', emvTlv('00', 'SG.PAYNOW') + emvTlv('01', '0') + emvTlv('02', `+659${d}`)),
    ),
  ),
  digits(13).map((d) =>
    pair('ID', emvTlv('51', emvTlv('00', 'ID.CO.QRIS.WWW') + emvTlv('02', `ID${d}`))),
  ),
  fc
    .tuple(fc.constantFrom(...vietBins), digits(8, 14))
    .map(([bin, acct]) =>
      pair(
        'VN',
        emvTlv(
          '38',
          emvTlv('00', 'A000000727') +
            emvTlv('01', emvTlv('00', bin) + emvTlv('01', acct)) +
            emvTlv('02', 'QRIBFTTA'),
        ),
      ),
    ),
  chars(LOWER, 3, 10).map((name) => pair('KH', emvTlv('29', emvTlv('00', `${name}@aclb`)))),
);
const emvcoQr = fc
  .tuple(qrTemplate, fc.option(chars(`${LOWER} `, 1, 20), { nil: undefined }), fc.boolean())
  .map(([[country, template], merchant, lowerCrc]) => {
    const payload = withCrc(
      emvTlv('00', '01') +
        emvTlv('01', '11') +
        template +
        emvTlv('58', country) +
        (merchant ? emvTlv('59', merchant) : '') +
        emvTlv('53', '764'),
    );
    const raw = lowerCrc ? payload.slice(0, -4) + payload.slice(-4).toLowerCase() : payload;
    return { raw, context: { country, typeHint: 'emvco_qr' } };
  });

/** One raw-value generator per indicator type. */
export const RAW_INDICATORS: Readonly<Record<IndicatorType, fc.Arbitrary<RawIndicator>>> = {
  phone,
  short_code: shortCode,
  sms_sender: smsSender,
  url,
  domain,
  email,
  bank_account: bankAccount,
  payment_proxy: paymentProxy,
  ewallet,
  crypto,
  messaging,
  apk,
  file_hash: fileHash,
  emvco_qr: emvcoQr,
};
