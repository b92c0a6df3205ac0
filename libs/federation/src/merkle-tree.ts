import { hash } from 'node:crypto';

/**
 * The Merkle Tree Hash of RFC 9162 (Certificate Transparency 2.0, section 2.1) over
 * SHA-256, and its inclusion proofs. Written here rather than taken from npm: the
 * maintained Merkle libraries we found either hash leaves and nodes alike (no 0x00/0x01
 * domain separation, so an inner node can pass for a leaf) or sort pairs, and neither
 * interoperates with RFC 9162 verifiers. The algorithm is short and fully specified.
 */

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

// One-shot `crypto.hash` over the concatenation: a fifth cheaper than a Hash object per
// node, and a verifier computes about seven per envelope.
export function leafHash(data: Buffer): Buffer {
  return hash('sha256', Buffer.concat([LEAF, data]), 'buffer');
}

function nodeHash(left: Buffer, right: Buffer): Buffer {
  return hash('sha256', Buffer.concat([NODE, left, right]), 'buffer');
}

/** Largest power of two strictly smaller than n (n >= 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The root and, for every leaf, its inclusion proof (audit path, bottom-up). */
export function merkleTree(leaves: Buffer[]): { root: Buffer; proofs: Buffer[][] } {
  if (leaves.length === 0) throw new Error('a Merkle tree needs at least one leaf');
  const proofs: Buffer[][] = leaves.map(() => []);
  const build = (from: number, to: number): Buffer => {
    if (to - from === 1) return leaves[from]!;
    const k = split(to - from);
    const left = build(from, from + k);
    const right = build(from + k, to);
    for (let i = from; i < from + k; i++) proofs[i]!.push(right);
    for (let i = from + k; i < to; i++) proofs[i]!.push(left);
    return nodeHash(left, right);
  };
  return { root: build(0, leaves.length), proofs };
}

/** Where a proof's walk stands: with the rest of the proof, all that decides the root. */
export interface ProofState {
  /** Proof elements consumed so far. */
  step: number;
  fn: number;
  sn: number;
  node: Buffer;
}

/** What rootFromProof returns when `known` recognised a state of its walk. */
export const KNOWN_ROOT = Symbol('known root');

/**
 * The root that leaf `index` of a `size`-leaf tree and its audit path lead to (RFC 9162
 * section 2.1.3.2), or undefined when the path cannot belong to such a tree.
 *
 * With `known`, the walk stops at the first state `known` recognises (a verifier that
 * remembers where earlier proofs of the same tree went, so the other leaves of a batch
 * cost about one hash, not one per level) and returns KNOWN_ROOT; `visited` then collects
 * the states walked, for the caller to remember once the root proves good.
 */
export function rootFromProof(
  leaf: Buffer,
  index: number,
  size: number,
  proof: Buffer[],
): Buffer | undefined;
export function rootFromProof(
  leaf: Buffer,
  index: number,
  size: number,
  proof: Buffer[],
  known: (state: ProofState) => boolean,
  visited: ProofState[],
): Buffer | typeof KNOWN_ROOT | undefined;
export function rootFromProof(
  leaf: Buffer,
  index: number,
  size: number,
  proof: Buffer[],
  known?: (state: ProofState) => boolean,
  visited?: ProofState[],
): Buffer | typeof KNOWN_ROOT | undefined {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size)
    return undefined;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (let step = 0; step < proof.length; step++) {
    if (known) {
      const state = { step, fn, sn, node: r };
      if (known(state)) return KNOWN_ROOT;
      visited?.push(state);
    }
    const p = proof[step]!;
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : undefined;
}
