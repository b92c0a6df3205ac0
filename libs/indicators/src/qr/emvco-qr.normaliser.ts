import { accept, fail, warning, type Outcome } from '../core/outcome';
import type { CanonicalIndicator, IndicatorWarning } from '../types';
import { crc16CcittFalse } from './crc16-ccitt';
import { fieldMap, parseTlv } from './emv-tlv';
import { matchSchemes } from './qr-schemes';

export const EMVCO_PREFIX = '000201';

/** Verifies an EMVCo merchant-presented QR payload and extracts the proxies or accounts in it. */
export function normaliseEmvcoQr(text: string, raw: string): Outcome {
  const payload = text.trim();
  if (!payload.startsWith(EMVCO_PREFIX))
    return fail('emvco_qr.invalid_format_indicator', 'EMVCo QR payloads start with 000201');
  const fields = parseTlv(payload);
  if (!fields) return fail('emvco_qr.malformed_tlv', 'Data object lengths do not add up');
  const last = fields[fields.length - 1];
  if (!last || last.id !== '63' || last.value.length !== 4)
    return fail('emvco_qr.missing_crc', 'The payload must end with the CRC (tag 63, length 04)');
  const expected = crc16CcittFalse(payload.slice(0, -4));
  if (last.value.toUpperCase() !== expected)
    return fail('emvco_qr.crc_mismatch', `CRC is ${last.value}, expected ${expected}`);
  const top = fieldMap(fields);
  const schemes = matchSchemes(top, raw);
  const related = schemes.map((s) => s.related).filter((r): r is CanonicalIndicator => r !== null);
  const warnings: IndicatorWarning[] =
    schemes.length === 0
      ? [
          warning(
            'emvco_qr.unknown_scheme',
            'No known national payment scheme in the merchant account templates',
          ),
        ]
      : schemes.flatMap((s) => (s.warning ? [s.warning] : []));
  const canonical = `${payload.slice(0, -4)}${expected}`;
  return accept('emvco_qr', canonical, raw, {
    display: `${schemes.map((s) => s.scheme).join('+') || 'emvco'} QR${top.get('59') ? ` (${top.get('59')})` : ''}`,
    attributes: {
      schemes: schemes.map((s) => s.scheme),
      initiation: top.get('01') === '12' ? 'dynamic' : 'static',
      merchantName: top.get('59') ?? null,
      merchantCity: top.get('60') ?? null,
      countryCode: top.get('58') ?? null,
      currency: top.get('53') ?? null,
      amount: top.get('54') ?? null,
      mcc: top.get('52') ?? null,
    },
    warnings,
    related,
  });
}
