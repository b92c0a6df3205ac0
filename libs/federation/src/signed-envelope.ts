import { sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import { KNOWN_ROOT, leafHash, merkleTree, rootFromProof, type ProofState } from './merkle-tree';
import type { PeerRegistry, RegistryKey } from './peer-registry';

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

/**
 * A signed envelope carries exactly one of:
 * - `signature`: Ed25519 over the RFC 8785 canonical JSON of `envelope`, base64;
 * - `batch`: the envelope is one leaf of a Merkle tree (RFC 9162, SHA-256, leaves the
 *   canonical JSON of each envelope) whose root the origin signed once (ADR 0014).
 */
export type SignedEnvelope<T = unknown> =
  | { envelope: ExchangeEnvelope<T>; signature: string; batch?: never }
  | { envelope: ExchangeEnvelope<T>; batch: BatchProof; signature?: never };

export interface BatchProof {
  /** Leaves in the tree (at most MAX_BATCH_LEAVES). */
  size: number;
  /** This envelope's leaf, from 0. */
  index: number;
  /** Audit path, bottom-up, base64 SHA-256 hashes. */
  proof: string[];
  /** Ed25519 over the canonical JSON of the BatchStatement, base64. */
  signature: string;
}

/** What the origin signs for a batch: the root binds every envelope in it. */
interface BatchStatement {
  /** Domain separation: a batch signature can never pass for an envelope's, nor the reverse. */
  statement: typeof BATCH_STATEMENT;
  origin: string;
  keyId: string;
  size: number;
  root: string;
}

const BATCH_STATEMENT = 'wgas.exchange.batch-root.v1';

/** The bytes the origin signs for a batch of `size` envelopes with this (base64) root. */
function batchStatementBytes(origin: string, keyId: string, size: number, root: string): Buffer {
  const statement: BatchStatement = { statement: BATCH_STATEMENT, origin, keyId, size, root };
  return canonicalBytes(statement);
}

/**
 * Most envelopes under one batch signature. The proof grows with log2 of it (6 hashes,
 * about 270 bytes, at 64) while the signature's cost per envelope falls with it.
 */
export const MAX_BATCH_LEAVES = 64;

export type VerifyFailure =
  'malformed' | 'unknown_node' | 'unknown_key' | 'bad_signature' | 'loop' | 'stale';

function canonicalBytes(value: ExchangeEnvelope | BatchStatement): Buffer {
  const text = canonicalize(value);
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

/**
 * Signs several envelopes of one origin and key. Up to MAX_BATCH_LEAVES share one
 * signature over a Merkle root, each carrying its inclusion proof; a lone envelope (a
 * batch of one, or the last of a split) is signed alone, as `signEnvelope` does.
 */
export function signEnvelopes<T>(
  envelopes: ExchangeEnvelope<T>[],
  privateKey: KeyObject,
): SignedEnvelope<T>[] {
  const out: SignedEnvelope<T>[] = [];
  for (let from = 0; from < envelopes.length; from += MAX_BATCH_LEAVES) {
    const part = envelopes.slice(from, from + MAX_BATCH_LEAVES);
    if (part.length === 1) {
      out.push(signEnvelope(part[0]!, privateKey));
      continue;
    }
    const { origin, keyId } = part[0]!;
    if (part.some((e) => e.origin !== origin || e.keyId !== keyId))
      throw new Error('a batch is signed by one origin with one key');
    const { root, proofs } = merkleTree(part.map((e) => leafHash(canonicalBytes(e))));
    const signature = sign(
      null,
      batchStatementBytes(origin, keyId, part.length, root.toString('base64')),
      privateKey,
    ).toString('base64');
    part.forEach((envelope, index) =>
      out.push({
        envelope,
        batch: {
          size: part.length,
          index,
          proof: proofs[index]!.map((p) => p.toString('base64')),
          signature,
        },
      }),
    );
  }
  return out;
}

function isBatchProof(b: unknown): b is BatchProof {
  const p = b as BatchProof;
  return (
    typeof p === 'object' &&
    p !== null &&
    Number.isInteger(p.size) &&
    p.size >= 2 &&
    p.size <= MAX_BATCH_LEAVES &&
    Number.isInteger(p.index) &&
    Array.isArray(p.proof) &&
    p.proof.length <= 32 &&
    p.proof.every((h) => typeof h === 'string' && h.length === 44) &&
    typeof p.signature === 'string'
  );
}

function isEnvelope(x: unknown): x is SignedEnvelope {
  const s = x as SignedEnvelope;
  const e = s?.envelope;
  return (
    (s?.batch === undefined
      ? typeof s?.signature === 'string'
      : s.signature === undefined && isBatchProof(s.batch)) &&
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
  /**
   * Batch roots whose signature already verified (ADR 0014), so the other envelopes of a
   * batch cost hashes, not another Ed25519 verification. Without it every one is verified.
   */
  verifiedRoots?: VerifiedRoots;
}

/** A state of a proof's walk, with the proof it came from (see verifiesInBatch). */
interface KnownState {
  fn: number;
  sn: number;
  proof: readonly string[];
  step: number;
}

/**
 * What verified, bounded: (key, root, signature) of signed batches, oldest first out; and
 * for the most recent signed trees, the states their proofs passed through on the way to
 * their verified root, by node.
 */
export class VerifiedRoots {
  private readonly seen = new Set<string>();
  private readonly trees = new Map<string, Map<string, KnownState>>();

  constructor(
    private readonly capacity = 4096,
    private readonly treeCapacity = 64,
  ) {}

  has(entry: string): boolean {
    return this.seen.has(entry);
  }

  add(entry: string): void {
    if (this.seen.size >= this.capacity) {
      const oldest = this.seen.values().next().value as string;
      this.seen.delete(oldest);
    }
    this.seen.add(entry);
  }

  /** The known states of one signed tree (origin, key, size, signature). */
  statesOf(tree: string): Map<string, KnownState> | undefined {
    return this.trees.get(tree);
  }

  remember(tree: string, states: ProofState[], proof: readonly string[]): void {
    let known = this.trees.get(tree);
    if (!known) {
      if (this.trees.size >= this.treeCapacity)
        this.trees.delete(this.trees.keys().next().value as string);
      known = new Map();
      this.trees.set(tree, known);
    }
    for (const { fn, sn, node, step } of states)
      known.set(node.toString('base64'), { fn, sn, proof, step });
  }
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
  const { envelope } = input;
  if (envelope.origin === o.self) return { ok: false, reason: 'loop' };
  if (!o.registry.peer(envelope.origin)) return { ok: false, reason: 'unknown_node' };
  const stamped = new Date(envelope.timestamp);
  if (Number.isNaN(stamped.getTime())) return { ok: false, reason: 'malformed' };
  const key = o.registry.validKey(envelope.origin, envelope.keyId, stamped);
  if (!key) return { ok: false, reason: 'unknown_key' };
  const good =
    input.batch === undefined
      ? verifies(o.registry, key, canonicalBytes(envelope), input.signature)
      : verifiesInBatch(o, key, envelope, input.batch);
  if (!good) return { ok: false, reason: 'bad_signature' };
  const now = o.now ?? new Date();
  if (o.maxAgeMs === undefined || now.getTime() - stamped.getTime() <= o.maxAgeMs)
    return { ok: true, envelope, backfill: false };
  if (o.old !== 'backfill' || !o.registry.validKey(envelope.origin, envelope.keyId, now))
    return { ok: false, reason: 'stale' };
  return { ok: true, envelope, backfill: true };
}

function verifies(registry: PeerRegistry, key: RegistryKey, data: Buffer, signature: string) {
  try {
    return verify(null, data, registry.keyObject(key), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * The envelope's proof leads to a root that the origin signed with this key. With
 * `verifiedRoots`, the walk also stops at any state (node, position, and the rest of the
 * proof, element for element) that an earlier proof of the same signed tree passed through
 * on its way to a root that verified: from there the rest of the walk is the same
 * computation with the same inputs. The other envelopes of a batch then cost about two
 * hashes each instead of seven.
 */
function verifiesInBatch(
  o: VerifyOptions,
  key: RegistryKey,
  envelope: ExchangeEnvelope,
  batch: BatchProof,
): boolean {
  const { origin, keyId } = envelope;
  const tree = `${origin} ${keyId} ${batch.size} ${batch.signature}`;
  const seen = o.verifiedRoots;
  const states = seen?.statesOf(tree);
  const isKnown = (s: ProofState) => {
    const k = states?.get(s.node.toString('base64'));
    return k !== undefined && k.fn === s.fn && k.sn === s.sn && sameRest(k, batch.proof, s.step);
  };
  const leaf = leafHash(canonicalBytes(envelope));
  const proof = batch.proof.map((h) => Buffer.from(h, 'base64'));
  const visited: ProofState[] = [];
  const root = seen
    ? rootFromProof(leaf, batch.index, batch.size, proof, isKnown, visited)
    : rootFromProof(leaf, batch.index, batch.size, proof);
  if (!root) return false;
  const good = root === KNOWN_ROOT || signedRoot(o, key, tree, envelope, batch, root);
  if (good) seen?.remember(tree, visited, batch.proof);
  return good;
}

/** The origin signed this root of this tree: cached in `verifiedRoots`, or verified now. */
function signedRoot(
  o: VerifyOptions,
  key: RegistryKey,
  tree: string,
  { origin, keyId }: ExchangeEnvelope,
  batch: BatchProof,
  root: Buffer,
): boolean {
  const root64 = root.toString('base64');
  const entry = `${tree} ${root64}`;
  if (o.verifiedRoots?.has(entry)) return true;
  const good = verifies(
    o.registry,
    key,
    batchStatementBytes(origin, keyId, batch.size, root64),
    batch.signature,
  );
  if (good) o.verifiedRoots?.add(entry);
  return good;
}

/** The proof elements after `step` are those after the known state's. */
function sameRest(k: KnownState, proof: readonly string[], step: number): boolean {
  if (k.proof.length - k.step !== proof.length - step) return false;
  for (let i = 0; step + i < proof.length; i++)
    if (k.proof[k.step + i] !== proof[step + i]) return false;
  return true;
}
