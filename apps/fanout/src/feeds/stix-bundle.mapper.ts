import { createHash, randomUUID } from 'node:crypto';
import type { AlertV1, Tlp } from '@wgas/contracts';

/**
 * Alerts as a STIX 2.1 bundle: one `indicator` per alert (an unblock is the indicator
 * `revoked`), the node's `identity` as creator, and the TLP 2.0 marking definitions the
 * OASIS CTI TC publishes. Phone numbers, accounts, wallets and the like have no STIX
 * Cyber-observable type, so their patterns use custom `x-wgas-*` types (STIX 2.1 §7.3).
 */

/** OASIS TLP 2.0 marking definitions (extension-definition--60a3c5c5-…, FIRST TLP 2.0). */
const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
export const TLP2_MARKINGS: Record<Tlp, { id: string; name: string; level: string }> = {
  CLEAR: {
    id: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
    name: 'TLP:CLEAR',
    level: 'clear',
  },
  GREEN: {
    id: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
    name: 'TLP:GREEN',
    level: 'green',
  },
  AMBER: {
    id: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
    name: 'TLP:AMBER',
    level: 'amber',
  },
  'AMBER+STRICT': {
    id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
    name: 'TLP:AMBER+STRICT',
    level: 'amber+strict',
  },
  RED: {
    id: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
    name: 'TLP:RED',
    level: 'red',
  },
};

/** Indicator type → STIX pattern object path: standard SCOs where they exist. */
export const STIX_PATTERN_PATHS: Record<string, string> = {
  url: 'url:value',
  domain: 'domain-name:value',
  email: 'email-addr:value',
};

export function stixPatternPath(type: string): string {
  return STIX_PATTERN_PATHS[type] ?? `x-wgas-${type.replace(/_/g, '-')}:value`;
}

/** STIX pattern string literal: backslash and quote escaped. */
export function stixPattern(type: string, value: string): string {
  return `[${stixPatternPath(type)} = '${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

/** Deterministic UUIDv5-style id, so the same indicator keeps its STIX id across alerts. */
export function stixId(type: string, name: string): string {
  const h = createHash('sha1').update(`wgas:${name}`).digest();
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${type}--${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** STIX timestamps are RFC 3339 in UTC with milliseconds. */
const ts = (iso: string) => new Date(iso).toISOString();

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: Record<string, unknown>[];
}

export function toStixBundle(nodeId: string, alerts: AlertV1[]): StixBundle {
  const identityId = stixId('identity', `node:${nodeId}`);
  const identity = {
    type: 'identity',
    spec_version: '2.1',
    id: identityId,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    name: `WG-AS Exchange node ${nodeId.toUpperCase()}`,
    identity_class: 'organization',
  };
  const used = new Set<Tlp>();
  const indicators = alerts.map((a) => {
    const tlp = a.indicator.tlp ?? 'AMBER';
    used.add(tlp);
    const first = ts(a.indicator.firstSeen ?? a.createdAt);
    return {
      type: 'indicator',
      spec_version: '2.1',
      id: stixId('indicator', `${nodeId}:${a.indicator.id}`),
      created_by_ref: identityId,
      created: first,
      modified: ts(a.createdAt),
      name: `${a.indicator.type} ${a.indicator.value}`,
      indicator_types: ['malicious-activity'],
      pattern: stixPattern(a.indicator.type, a.indicator.value),
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: first,
      ...(a.expiresAt && a.action !== 'unblock' ? { valid_until: ts(a.expiresAt) } : {}),
      ...(a.action === 'unblock' ? { revoked: true } : {}),
      confidence: Math.round(a.indicator.confidence * 100),
      ...(a.indicator.typology ? { labels: [a.indicator.typology] } : {}),
      object_marking_refs: [TLP2_MARKINGS[tlp].id],
      external_references: [{ source_name: 'wgas-alert', external_id: a.alertId }],
      x_wgas_action: a.action,
      x_wgas_rule: a.rule,
      x_wgas_countries: a.indicator.countries,
    };
  });
  const markings = [...used].map((tlp) => ({
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKINGS[tlp].id,
    created: '2022-10-01T00:00:00.000Z',
    name: TLP2_MARKINGS[tlp].name,
    extensions: {
      [TLP2_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: TLP2_MARKINGS[tlp].level },
    },
  }));
  return {
    type: 'bundle',
    id: `bundle--${randomUUID()}`,
    objects: [identity, ...markings, ...indicators],
  };
}
