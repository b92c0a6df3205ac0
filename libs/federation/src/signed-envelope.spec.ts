import { randomUUID } from 'node:crypto';
import { generateNodeKeyPair, privateKeyFromPem } from './node-keys';
import { PeerRegistry, PeerRegistryError } from './peer-registry';
import * as crypto from 'node:crypto';
import {
  MAX_BATCH_LEAVES,
  signEnvelope,
  signEnvelopes,
  VerifiedRoots,
  verifyEnvelope,
  type ExchangeEnvelope,
  type SignedEnvelope,
} from './signed-envelope';

jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, verify: jest.fn(actual.verify), hash: jest.fn(actual.hash) };
});

const th = generateNodeKeyPair('th');
const thNext = generateNodeKeyPair('th');
const stranger = generateNodeKeyPair('th');
const now = new Date('2026-11-26T10:00:00Z');

const registry = PeerRegistry.parse({
  peers: [
    {
      node: 'th',
      keys: [
        {
          keyId: th.keyId,
          publicKey: th.publicKey,
          notBefore: '2026-01-01T00:00:00Z',
          notAfter: '2026-12-01T00:00:00Z',
        },
        {
          keyId: `${thNext.keyId}-next`,
          publicKey: thNext.publicKey,
          notBefore: '2026-11-20T00:00:00Z',
        },
      ],
      receives: { maxTlp: 'AMBER' },
    },
  ],
});

const envelope = (over: Partial<ExchangeEnvelope> = {}): ExchangeEnvelope => ({
  origin: 'th',
  eventId: randomUUID(),
  sequence: 1,
  timestamp: now.toISOString(),
  keyId: th.keyId,
  kind: 'indicator.v1',
  payload: { type: 'phone', canonical: '+66812345678', tlp: 'GREEN' },
  ...over,
});
const opts = { registry, self: 'my', now, maxAgeMs: 24 * 3600_000 };

describe('signed exchange envelopes', () => {
  it('verifies an envelope signed with a registered key', () => {
    const signed = signEnvelope(envelope(), privateKeyFromPem(th.privateKeyPem));
    expect(verifyEnvelope(signed, opts)).toEqual({
      ok: true,
      envelope: signed.envelope,
      backfill: false,
    });
  });

  it('survives a JSON round trip with reordered keys (canonical JSON)', () => {
    const signed = signEnvelope(envelope(), privateKeyFromPem(th.privateKeyPem));
    const reordered = JSON.parse(
      JSON.stringify({ signature: signed.signature, envelope: { ...signed.envelope } }),
    ) as unknown;
    expect(verifyEnvelope(reordered, opts).ok).toBe(true);
  });

  it('refuses a tampered payload', () => {
    const signed = signEnvelope(envelope(), privateKeyFromPem(th.privateKeyPem));
    const tampered = {
      ...signed,
      envelope: {
        ...signed.envelope,
        payload: { type: 'phone', canonical: '+66899999999', tlp: 'GREEN' },
      },
    };
    expect(verifyEnvelope(tampered, opts)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a forged envelope signed with a key that is not the registered one', () => {
    const forged = signEnvelope(envelope(), privateKeyFromPem(stranger.privateKeyPem));
    expect(verifyEnvelope(forged, opts)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses unknown nodes, unknown key ids, loops, stale and malformed envelopes', () => {
    const key = privateKeyFromPem(th.privateKeyPem);
    expect(verifyEnvelope(signEnvelope(envelope({ origin: 'sg' }), key), opts)).toEqual({
      ok: false,
      reason: 'unknown_node',
    });
    expect(verifyEnvelope(signEnvelope(envelope({ keyId: 'th-nope' }), key), opts)).toEqual({
      ok: false,
      reason: 'unknown_key',
    });
    expect(verifyEnvelope(signEnvelope(envelope(), key), { ...opts, self: 'th' })).toEqual({
      ok: false,
      reason: 'loop',
    });
    const old = signEnvelope(envelope({ timestamp: '2026-11-01T00:00:00Z' }), key);
    expect(verifyEnvelope(old, opts)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyEnvelope({ envelope: { origin: 'th' } }, opts)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(verifyEnvelope('not an object', opts)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('honours key validity windows, so rotation overlaps and retired keys stop working', () => {
    const oldKey = privateKeyFromPem(th.privateKeyPem);
    const newKey = privateKeyFromPem(thNext.privateKeyPem);
    const viaNew = signEnvelope(envelope({ keyId: `${thNext.keyId}-next` }), newKey);
    expect(verifyEnvelope(viaNew, opts).ok).toBe(true); // overlap: both valid on 2026-11-26
    const afterRetirement = new Date('2026-12-02T00:00:00Z');
    const lateOld = signEnvelope(envelope({ timestamp: afterRetirement.toISOString() }), oldKey);
    expect(verifyEnvelope(lateOld, { ...opts, now: afterRetirement })).toEqual({
      ok: false,
      reason: 'unknown_key',
    });
  });
});

describe('old envelopes (backfill from a compacted exchange topic, ADR 0008)', () => {
  const key = privateKeyFromPem(th.privateKeyPem);
  const old = () => signEnvelope(envelope({ timestamp: '2026-11-01T00:00:00Z' }), key);

  it('takes an old envelope as backfill when its key is still valid now', () => {
    const signed = old();
    expect(verifyEnvelope(signed, { ...opts, old: 'backfill' })).toEqual({
      ok: true,
      envelope: signed.envelope,
      backfill: true,
    });
  });

  it('refuses old envelopes under a retired key, and any old envelope when not in backfill mode', () => {
    const afterRetirement = new Date('2026-12-02T00:00:00Z');
    expect(verifyEnvelope(old(), { ...opts, now: afterRetirement, old: 'backfill' })).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verifyEnvelope(old(), { ...opts, old: 'refuse' })).toEqual({
      ok: false,
      reason: 'stale',
    });
  });

  it('still refuses a tampered old envelope', () => {
    const signed = old();
    const tampered = { ...signed, envelope: { ...signed.envelope, sequence: 99 } };
    expect(verifyEnvelope(tampered, { ...opts, old: 'backfill' })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });
});

describe('batch signatures (ADR 0014)', () => {
  const key = privateKeyFromPem(th.privateKeyPem);
  const batch = (n: number) =>
    signEnvelopes(
      Array.from({ length: n }, (_, i) => envelope({ sequence: i + 1 })),
      key,
    );
  const verifications = crypto.verify as unknown as jest.Mock;
  beforeEach(() => verifications.mockClear());

  it('signs up to MAX_BATCH_LEAVES envelopes once, and every one verifies on its own', () => {
    const signed = batch(MAX_BATCH_LEAVES + 2);
    expect(signed).toHaveLength(MAX_BATCH_LEAVES + 2);
    const first = signed.slice(0, MAX_BATCH_LEAVES);
    expect(new Set(first.map((s) => s.batch?.signature)).size).toBe(1);
    expect(first.every((s) => s.batch?.size === MAX_BATCH_LEAVES)).toBe(true);
    expect(signed.slice(MAX_BATCH_LEAVES).every((s) => s.batch?.size === 2)).toBe(true);
    for (const s of signed)
      expect(verifyEnvelope(JSON.parse(JSON.stringify(s)), opts)).toEqual({
        ok: true,
        envelope: s.envelope,
        backfill: false,
      });
    expect(verifications).toHaveBeenCalledTimes(MAX_BATCH_LEAVES + 2); // no cache given
  });

  it('signs a lone envelope alone, as before batches', () => {
    const [only] = batch(1);
    expect(only?.signature).toEqual(expect.any(String));
    expect(only?.batch).toBeUndefined();
    expect(verifyEnvelope(only, opts).ok).toBe(true);
  });

  it('verifies one signature per batch with a root cache, and still checks each proof', () => {
    const roots = new VerifiedRoots();
    const signed = batch(10);
    for (const s of signed)
      expect(verifyEnvelope(s, { ...opts, verifiedRoots: roots }).ok).toBe(true);
    expect(verifications).toHaveBeenCalledTimes(1);
    // the root is cached, but an envelope changed after signing no longer leads to it
    const tampered = { ...signed[3]!, envelope: { ...signed[3]!.envelope, sequence: 99 } };
    expect(verifyEnvelope(tampered, { ...opts, verifiedRoots: roots })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('walks each proof only until a state an earlier proof of the batch verified through', () => {
    const roots = new VerifiedRoots();
    const signed = batch(MAX_BATCH_LEAVES) as Extract<SignedEnvelope, { batch: object }>[];
    const hashes = crypto.hash as jest.Mock;
    hashes.mockClear();
    for (const s of signed)
      expect(verifyEnvelope(s, { ...opts, verifiedRoots: roots }).ok).toBe(true);
    // A leaf hash each, and every inner node of the tree computed about twice (by the first
    // walk through it, and by the walk that meets that state): about 3 per envelope, against
    // 7 (a leaf and six levels) without the states.
    expect(hashes.mock.calls.length).toBeLessThanOrEqual(3 * signed.length);
    // Any proof element changed, at any level, is still refused with every state cached: a
    // state names the rest of the proof, so a changed element above it is not that state.
    const other = batch(MAX_BATCH_LEAVES) as Extract<SignedEnvelope, { batch: object }>[];
    for (const i of [0, 1, 2, 31, 32, 62, 63]) {
      const s = signed[i]!;
      for (let level = 0; level < s.batch.proof.length; level++) {
        const proof = [...s.batch.proof];
        proof[level] = other[i]!.batch.proof[level]!;
        expect(
          verifyEnvelope({ ...s, batch: { ...s.batch, proof } }, { ...opts, verifiedRoots: roots }),
        ).toEqual({
          ok: false,
          reason: 'bad_signature',
        });
      }
      // the same leaf and proof claimed at its sibling's index: its states are known, but
      // at another position
      const moved = { ...s, batch: { ...s.batch, index: s.batch.index ^ 1 } };
      expect(verifyEnvelope(moved, { ...opts, verifiedRoots: roots }).ok).toBe(false);
      expect(verifyEnvelope(s, { ...opts, verifiedRoots: roots }).ok).toBe(true);
    }
  });

  it("refuses a tampered leaf, a stolen proof, a changed size or index, and a stranger's batch", () => {
    const roots = new VerifiedRoots();
    const o = { ...opts, verifiedRoots: roots };
    const signed = batch(5) as Extract<SignedEnvelope, { batch: object }>[];
    const refused = { ok: false, reason: 'bad_signature' };
    const payload = { type: 'phone', canonical: '+66899999999', tlp: 'GREEN' };
    expect(
      verifyEnvelope({ ...signed[0]!, envelope: { ...signed[0]!.envelope, payload } }, o),
    ).toEqual(refused);
    // a valid proof and signature attached to an envelope that was not in the batch
    expect(verifyEnvelope({ envelope: envelope(), batch: signed[1]!.batch }, o)).toEqual(refused);
    expect(verifyEnvelope({ ...signed[2]!, batch: { ...signed[2]!.batch, index: 3 } }, o)).toEqual(
      refused,
    );
    expect(verifyEnvelope({ ...signed[4]!, batch: { ...signed[4]!.batch, size: 6 } }, o)).toEqual(
      refused,
    );
    const forged = signEnvelopes(
      [envelope(), envelope()],
      privateKeyFromPem(stranger.privateKeyPem),
    );
    expect(verifyEnvelope(forged[0], o)).toEqual(refused);
    // the batch signature is over the root statement, not over any envelope
    expect(
      verifyEnvelope({ envelope: signed[0]!.envelope, signature: signed[0]!.batch.signature }, o),
    ).toEqual(refused);
  });

  it('refuses malformed batch proofs and envelopes carrying both forms', () => {
    const [a] = batch(2) as Extract<SignedEnvelope, { batch: object }>[];
    const malformed = { ok: false, reason: 'malformed' };
    expect(verifyEnvelope({ ...a, batch: { ...a!.batch, size: 1 } }, opts)).toEqual(malformed);
    expect(
      verifyEnvelope({ ...a, batch: { ...a!.batch, size: MAX_BATCH_LEAVES + 1 } }, opts),
    ).toEqual(malformed);
    expect(verifyEnvelope({ ...a, batch: { ...a!.batch, proof: ['short'] } }, opts)).toEqual(
      malformed,
    );
    expect(verifyEnvelope({ ...a, signature: a!.batch.signature }, opts)).toEqual(malformed);
  });

  it('refuses a batch that mixes origins or keys when signing', () => {
    expect(() => signEnvelopes([envelope(), envelope({ keyId: 'other' })], key)).toThrow();
  });

  it('keeps the root cache bounded', () => {
    const roots = new VerifiedRoots(2);
    roots.add('a');
    roots.add('b');
    roots.add('c');
    expect([roots.has('a'), roots.has('b'), roots.has('c')]).toEqual([false, true, true]);
  });
});

describe('PeerRegistry.parse', () => {
  it('rejects a registry that would export RED or has malformed keys', () => {
    expect(() =>
      PeerRegistry.parse({ peers: [{ node: 'my', keys: [], receives: { maxTlp: 'RED' } }] }),
    ).toThrow(PeerRegistryError);
    expect(() =>
      PeerRegistry.parse({
        peers: [
          {
            node: 'my',
            keys: [{ keyId: 'my-1', publicKey: 'short', notBefore: '2026-01-01T00:00:00Z' }],
            receives: { maxTlp: 'GREEN' },
          },
        ],
      }),
    ).toThrow(PeerRegistryError);
  });
});
