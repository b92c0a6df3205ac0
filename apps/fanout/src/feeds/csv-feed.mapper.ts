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

/** RFC 4180: every field quoted, quotes doubled; lists joined with spaces. */
function field(v: string | number | undefined): string {
  return `"${String(v ?? '').replace(/"/g, '""')}"`;
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
      .map(field)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
