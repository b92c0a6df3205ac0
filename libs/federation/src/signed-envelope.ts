import { sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { PeerRegistry } from './peer-registry';

/** What a node says to its peers: one fact, with its provenance. */
export interface ExchangeEnvelope<T = unknown> {
  origin: string;
  eventId: string;
  /** Per-origin counter, for gap detection and ordering diagnostics. */
  sequence: number;
  timestamp: string;
  keyId: string;
  kind: string;
  payload: T;
}

export interface SignedEnvelope<T = unknown> {
  envelope: ExchangeEnvelope<T>;
  /** Ed25519 over the RFC 8785 canonical JSON of `envelope`, base64. */
  signature: string;
}

export type VerifyFailure =
  'malformed' | 'unknown_node' | 'unknown_key' | 'bad_signature' | 'loop' | 'stale';

function canonicalBytes(envelope: ExchangeEnvelope): Buffer {
  const text = canonicalize(envelope);
  if (text === undefined) throw new Error('envelope cannot be canonicalised');
  return Buffer.from(text, 'utf8');
}

export function signEnvelope<T>(
  envelope: ExchangeEnvelope<T>,
  privateKey: KeyObject,
): SignedEnvelope<T> {
  return {
    envelope,
    signature: sign(null, canonicalBytes(envelope), privateKey).toString('base64'),
  };
}

function isEnvelope(x: unknown): x is SignedEnvelope {
  const s = x as SignedEnvelope;
  const e = s?.envelope;
  return (
    typeof s?.signature === 'string' &&
    typeof e === 'object' &&
    e !== null &&
    typeof e.origin === 'string' &&
    typeof e.eventId === 'string' &&
    typeof e.sequence === 'number' &&
    typeof e.timestamp === 'string' &&
    typeof e.keyId === 'string' &&
    typeof e.kind === 'string' &&
    'payload' in e
  );
}

export interface VerifyOptions {
  registry: PeerRegistry;
  /** This node: envelopes from ourselves are loops. */
  self: string;
  now?: Date;
  /** Age bound of live traffic: older envelopes are refused as stale, or taken as backfill. */
  maxAgeMs?: number;
  /**
   * What to do with an envelope older than `maxAgeMs` (ADR 0008). `refuse` (default): stale.
   * `backfill`: accept it as history (a compacted exchange topic read from the start)
   * only if the key that signed it is still valid now, so a retired or leaked old key can
   * never vouch for back-dated envelopes; the importer then relies on event-id and
   * per-indicator sequence dedupe instead of the age bound.
   */
  old?: 'refuse' | 'backfill';
}

export type VerifyResult =
  | { ok: true; envelope: ExchangeEnvelope; backfill: boolean }
  | { ok: false; reason: VerifyFailure };

/**
 * Verifies a signed envelope against the peer registry. Replays are caught by the
 * importer (origin + event id, and per-indicator sequence); this catches everything that
 * needs no state. `backfill` says the envelope is older than the live age bound.
 */
export function verifyEnvelope(input: unknown, o: VerifyOptions): VerifyResult {
  if (!isEnvelope(input)) return { ok: false, reason: 'malformed' };
  const { envelope, signature } = input;
  if (envelope.origin === o.self) return { ok: false, reason: 'loop' };
  if (!o.registry.peer(envelope.origin)) return { ok: false, reason: 'unknown_node' };
  const stamped = new Date(envelope.timestamp);
  if (Number.isNaN(stamped.getTime())) return { ok: false, reason: 'malformed' };
  const key = o.registry.validKey(envelope.origin, envelope.keyId, stamped);
  if (!key) return { ok: false, reason: 'unknown_key' };
  let good = false;
  try {
    good = verify(
      null,
      canonicalBytes(envelope),
      o.registry.keyObject(key),
      Buffer.from(signature, 'base64'),
    );
  } catch {
    good = false;
  }
  if (!good) return { ok: false, reason: 'bad_signature' };
  const now = o.now ?? new Date();
  if (o.maxAgeMs === undefined || now.getTime() - stamped.getTime() <= o.maxAgeMs)
    return { ok: true, envelope, backfill: false };
  if (o.old !== 'backfill' || !o.registry.validKey(envelope.origin, envelope.keyId, now))
    return { ok: false, reason: 'stale' };
  return { ok: true, envelope, backfill: true };
}
