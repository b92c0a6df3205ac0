import type { AlertV1 } from '@wgas/contracts';

export const CSV_COLUMNS = [
  'alert_id',
  'action',
  'indicator_type',
  'value',
  'confidence',
  'countries',
  'typology',
  'tlp',
  'rule',
  'reason',
  'created_at',
  'expires_at',
] as const;

/** What a spreadsheet may read as the start of a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180: every field quoted, quotes doubled; lists joined with spaces. A cell that
 * starts like a formula gets a leading apostrophe (OWASP), so a spreadsheet shows it as
 * text instead of running it: a phone `+6681…` reads `'+6681…` here (JSON and STIX
 * feeds carry values unchanged).
 */
export function csvField(v: string | number | undefined): string {
  const s = String(v ?? '');
  return `"${(FORMULA_START.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
}

export function toCsv(alerts: AlertV1[]): string {
  const rows = alerts.map((a) =>
    [
      a.alertId,
      a.action,
      a.indicator.type,
      a.indicator.value,
      a.indicator.confidence,
      a.indicator.countries.join(' '),
      a.indicator.typology,
      a.indicator.tlp,
      a.rule,
      a.reason,
      a.createdAt,
      a.expiresAt,
    ]
      .map(csvField)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
