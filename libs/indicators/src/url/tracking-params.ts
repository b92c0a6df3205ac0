// Click and campaign identifiers that make every copy of the same phishing link unique.
const TRACKING_NAMES = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'igsh',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'vero_id',
  'oly_anon_id',
  'oly_enc_id',
  'rb_clickid',
  's_cid',
  'spm',
  'scm',
  'ref_src',
  'ref_url',
  'srsltid',
  'epik',
  'sc_channel',
]);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_NAMES.has(lower);
}

/** Removes tracking parameters; keeps order and spelling of everything else. */
export function stripTrackingParams(query: string | null): {
  query: string | null;
  removed: string[];
} {
  if (query === null || query === '') return { query, removed: [] };
  const kept: string[] = [];
  const removed: string[] = [];
  for (const pair of query.split('&')) {
    const name = pair.split('=', 1)[0] ?? '';
    if (isTracking(name)) removed.push(name);
    else kept.push(pair);
  }
  if (removed.length === 0) return { query, removed };
  return { query: kept.length > 0 ? kept.join('&') : null, removed };
}
