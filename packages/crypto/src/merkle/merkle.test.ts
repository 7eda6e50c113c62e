import { describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from '../util/bytes.ts';
import { MerkleAccumulator } from './accumulator.ts';
import { SM3_MERKLE, emptyRoot, leafHash, merkleHash, nodeHash } from './hashes.ts';
import { consistencyProof, inclusionProof, memorySource, subtreeRoot, treeRoot, type TreeSource } from './tree.ts';
import { rootFromInclusionProof, verifyConsistency, verifyInclusion } from './verify.ts';
import { signTreeHead, makeTreeHead, verifyTreeHead } from './tree-head.ts';
import { gmSuite } from '../suite/suite.ts';
import { sm3 } from '../hash/hash.ts';

// RFC 6962 §2.1.3 / certificate-transparency reference inputs and SHA-256 roots for sizes 0..8.
const RFC_INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(fromHex);
const RFC_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

const entries = (n: number) => Array.from({ length: n }, (_, i) => utf8(`entry ${i}: 标段 HZ-2026-0042 状态变更`));
const leavesOf = (n: number) => entries(n).map(leafHash);

/** The RFC's recursive definition, written independently of tree.ts. */
function naiveRoot(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return emptyRoot();
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(naiveRoot(leaves.slice(0, k)), naiveRoot(leaves.slice(k)));
}

describe('Merkle tree (RFC 9162 shape, SM3)', () => {
  it('reproduces the published RFC 6962 reference roots when run with SHA-256', async () => {
    const sha = merkleHash('sha256');
    const hs = RFC_INPUTS.map((d) => sha.leaf(d));
    for (let n = 0; n <= 8; n++) expect(toHex(await treeRoot(memorySource(hs), n, sha))).toBe(RFC_ROOTS[n]);
    const acc = new MerkleAccumulator(sha);
    hs.forEach((h) => acc.appendLeafHash(h));
    expect(toHex(acc.root())).toBe(RFC_ROOTS[8]);
  });

  it('hashes leaves and nodes with SM3 and the 0x00 / 0x01 prefixes; known small trees', async () => {
    const [d0, d1, d2] = entries(3) as [Uint8Array, Uint8Array, Uint8Array];
    expect(leafHash(d0)).toEqual(sm3(Uint8Array.of(0), d0));
    expect(nodeHash(leafHash(d0), leafHash(d1))).toEqual(sm3(Uint8Array.of(1), leafHash(d0), leafHash(d1)));
    expect(emptyRoot()).toEqual(sm3(new Uint8Array(0)));
    const src = memorySource(leavesOf(3));
    expect(await treeRoot(src, 1)).toEqual(leafHash(d0));
    expect(await treeRoot(src, 2)).toEqual(nodeHash(leafHash(d0), leafHash(d1)));
    expect(await treeRoot(src, 3)).toEqual(nodeHash(nodeHash(leafHash(d0), leafHash(d1)), leafHash(d2)));
  });

  it('every size 1..20: root, accumulator, and every inclusion proof agree and verify', async () => {
    const all = leavesOf(20);
    const acc = new MerkleAccumulator();
    for (let n = 1; n <= 20; n++) {
      const leaves = all.slice(0, n);
      acc.appendLeafHash(leaves[n - 1]!);
      const src = memorySource(leaves);
      const root = await treeRoot(src, n);
      expect(root).toEqual(naiveRoot(leaves));
      expect(acc.root()).toEqual(root);
      for (let i = 0; i < n; i++) {
        const proof = await inclusionProof(src, i, n);
        expect(verifyInclusion(leaves[i]!, i, n, proof, root)).toBe(true);
      }
    }
  });

  it('every pair 1 ≤ m ≤ n ≤ 20: consistency proofs verify', async () => {
    const all = leavesOf(20);
    const src = memorySource(all);
    for (let n = 1; n <= 20; n++) {
      const second = await treeRoot(src, n);
      for (let m = 0; m <= n; m++) {
        const first = await treeRoot(src, m);
        const proof = await consistencyProof(src, m, n);
        expect(verifyConsistency(m, n, first, second, proof), `${m}→${n}`).toBe(true);
      }
    }
  });

  it('[F-27] detects a changed, deleted or reordered entry, a forged path and a forked history', async () => {
    const n = 13;
    const leaves = leavesOf(n);
    const src = memorySource(leaves);
    const root = await treeRoot(src, n);
    const biggerRoot = await treeRoot(memorySource(leavesOf(n + 1)), n + 1);
    for (let i = 0; i < n; i++) {
      const proof = await inclusionProof(src, i, n);
      // Another entry at this index, the right entry at another index, the head of another size.
      expect(verifyInclusion(leafHash(utf8('forged')), i, n, proof, root)).toBe(false);
      expect(verifyInclusion(leaves[i]!, (i + 1) % n, n, proof, root)).toBe(false);
      expect(verifyInclusion(leaves[i]!, i, n + 1, proof, biggerRoot)).toBe(false);
      // Any flipped bit or a missing / extra node in the path.
      for (let j = 0; j < proof.length; j++) {
        const bad = proof.map((p) => Uint8Array.from(p));
        bad[j]![0]! ^= 1;
        expect(verifyInclusion(leaves[i]!, i, n, bad, root)).toBe(false);
      }
      expect(verifyInclusion(leaves[i]!, i, n, proof.slice(1), root)).toBe(false);
      expect(verifyInclusion(leaves[i]!, i, n, [...proof, leaves[0]!], root)).toBe(false);
    }
    // Changing, deleting or swapping stored entries changes the root.
    const changed = [...leaves];
    changed[5] = leafHash(utf8('entry 5: altered'));
    expect(await treeRoot(memorySource(changed), n)).not.toEqual(root);
    expect(await treeRoot(memorySource([...leaves.slice(0, 5), ...leaves.slice(6)]), n - 1)).not.toEqual(await treeRoot(src, n - 1));
    const swapped = [...leaves];
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    expect(await treeRoot(memorySource(swapped), n)).not.toEqual(root);
    // A log that rewrote entry 5 cannot prove consistency with a head published before.
    const oldRoot = await treeRoot(src, 8);
    const forkSrc = memorySource(changed);
    const forkProof = await consistencyProof(forkSrc, 8, n);
    expect(verifyConsistency(8, n, oldRoot, await treeRoot(forkSrc, n), forkProof)).toBe(false);
    expect(verifyConsistency(8, n, oldRoot, root, await consistencyProof(src, 7, n))).toBe(false);
  });

  it('refuses malformed proofs and ranges without throwing on verification', async () => {
    const leaves = leavesOf(4);
    const root = await treeRoot(memorySource(leaves), 4);
    expect(rootFromInclusionProof(leaves[0]!, 4, 4, [])).toBeNull();
    expect(rootFromInclusionProof(leaves[0]!, -1, 4, [])).toBeNull();
    expect(verifyInclusion(leaves[0]!, 0, 4, [new Uint8Array(31), new Uint8Array(32)], root)).toBe(false);
    expect(verifyConsistency(5, 4, root, root, [])).toBe(false);
    await expect(inclusionProof(memorySource(leaves), 4, 4)).rejects.toMatchObject({ code: 'MALFORMED_INPUT' });
    await expect(consistencyProof(memorySource(leaves), 3, 2)).rejects.toMatchObject({ code: 'MALFORMED_INPUT' });
  });

  it('asks a store for cached perfect subtrees instead of recomputing them', async () => {
    const leaves = leavesOf(16);
    const asked: string[] = [];
    const src: TreeSource = {
      leafHash: (i) => leaves[i]!,
      perfectSubtree: async (level, index) => {
        asked.push(`${level}/${index}`);
        return level === 3 ? naiveRoot(leaves.slice(index * 8, index * 8 + 8)) : undefined;
      },
    };
    expect(await subtreeRoot(src, 0, 16)).toEqual(naiveRoot(leaves));
    expect(asked).toContain('3/0');
    expect(asked).toContain('3/1');
  });

  it('[F-27] signed tree heads: SM2-signed, and any change to size, time or root is refused', async () => {
    const key = gmSuite.generateKeyPair();
    const root = await treeRoot(memorySource(leavesOf(7)), 7);
    const sth = signTreeHead(makeTreeHead('bidhall-demo', 7, new Date('2026-06-01T08:00:00Z'), root), key);
    expect(verifyTreeHead(structuredClone(sth), key.publicKey)).toEqual(root);
    for (const forged of [{ ...sth, treeSize: 8 }, { ...sth, timestamp: sth.timestamp + 1 }, { ...sth, rootHash: toHex(SM3_MERKLE.empty()) }]) {
      expect(() => verifyTreeHead(forged, key.publicKey)).toThrow(expect.objectContaining({ code: 'BAD_SIGNATURE' }));
    }
    expect(() => verifyTreeHead(sth, gmSuite.generateKeyPair().publicKey)).toThrow(expect.objectContaining({ code: 'BAD_SIGNATURE' }));
  });
});
