import { createHash } from 'node:crypto';
import { KNOWN_ROOT, leafHash, merkleTree, rootFromProof, type ProofState } from './merkle-tree';

const sha = (...parts: Buffer[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const leaves = (n: number) =>
  Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)));

describe('RFC 9162 Merkle tree', () => {
  it('hashes leaves and nodes with distinct prefixes, as RFC 9162 section 2.1.1 defines', () => {
    const data = Buffer.from('x');
    expect(leafHash(data)).toEqual(sha(Buffer.from([0]), data));
    const [a, b, c] = leaves(3) as [Buffer, Buffer, Buffer];
    const node = (l: Buffer, r: Buffer) => sha(Buffer.from([1]), l, r);
    expect(merkleTree([a]).root).toEqual(a);
    expect(merkleTree([a, b]).root).toEqual(node(a, b));
    // three leaves split at the largest power of two below 3: ((a b) c)
    expect(merkleTree([a, b, c]).root).toEqual(node(node(a, b), c));
  });

  it('proves every leaf of every tree size from 1 to 70', () => {
    for (let n = 1; n <= 70; n++) {
      const ls = leaves(n);
      const { root, proofs } = merkleTree(ls);
      ls.forEach((leaf, i) => {
        expect(rootFromProof(leaf, i, n, proofs[i]!)).toEqual(root);
        expect(proofs[i]!.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
      });
    }
  });

  it('stops a walk at a state an earlier walk passed through, for every leaf of every size', () => {
    for (let n = 2; n <= 70; n++) {
      const ls = leaves(n);
      const { root, proofs } = merkleTree(ls);
      // a state with the rest of its proof, as a verifier that remembers them keys it
      const known = new Map<string, Buffer>();
      let stopped = 0;
      ls.forEach((leaf, i) => {
        const keyOf = (s: ProofState) =>
          [
            s.fn,
            s.sn,
            s.node.toString('hex'),
            ...proofs[i]!.slice(s.step).map((p) => p.toString('hex')),
          ].join(' ');
        const visited: ProofState[] = [];
        let hit: Buffer | undefined;
        const result = rootFromProof(
          leaf,
          i,
          n,
          proofs[i]!,
          (s) => (hit = known.get(keyOf(s))) !== undefined,
          visited,
        );
        if (result === KNOWN_ROOT) {
          stopped += 1;
          expect(hit).toEqual(root); // the state led an earlier walk to this tree's root
        } else {
          expect(result).toEqual(root);
        }
        for (const s of visited) known.set(keyOf(s), result === KNOWN_ROOT ? hit! : result!);
      });
      // every walk meets an earlier one below the root, but the first walks of the root's
      // two subtrees
      expect(stopped).toBe(n - 2);
    }
  });

  it('does not prove a leaf at another index or with a changed path (the size is bound by the signed statement)', () => {
    const ls = leaves(13);
    const { root, proofs } = merkleTree(ls);
    for (let i = 0; i < 13; i++) {
      const path = proofs[i]!;
      for (let j = 0; j < 13; j++)
        if (j !== i) expect(rootFromProof(ls[i]!, j, 13, path)?.equals(root) ?? false).toBe(false);
      expect(rootFromProof(ls[i]!, i, 13, path.slice(1))?.equals(root) ?? false).toBe(false);
      expect(rootFromProof(ls[i]!, i, 13, [...path, root])).toBeUndefined();
      const flipped = path.map((p, k) => (k === 0 ? Buffer.from(p).fill(7, 0, 1) : p));
      expect(rootFromProof(ls[i]!, i, 13, flipped)?.equals(root)).toBe(false);
    }
  });

  it('refuses impossible positions', () => {
    const [a] = leaves(1) as [Buffer];
    expect(rootFromProof(a, 2, 2, [a])).toBeUndefined();
    expect(rootFromProof(a, -1, 2, [a])).toBeUndefined();
    expect(rootFromProof(a, 0.5, 2, [a])).toBeUndefined();
    expect(() => merkleTree([])).toThrow();
  });
});
