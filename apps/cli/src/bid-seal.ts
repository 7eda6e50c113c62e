/**
 * Signing and sealing on the bidder's machine: every file and the bidSummary sealed with
 * the trust core's envelope to the bidder's certificate key and the section's opening custodians
 * (k of n), the manifest built with the document version, the bond and the preparation fingerprint,
 * and signed with the bidder's key. Plaintext and content keys never leave this process.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { BiddingRequirements } from '@bidhall/contracts';
import {
  buildManifest,
  canonicalJson,
  createHash,
  keyId,
  manifestPart,
  publicKeyFromPem,
  sealBidSummary,
  sealStream,
  signManifest,
  sm3,
  suiteForKey,
  toHex,
  type HashAlg,
  type ManifestPart,
  type PrivateKey,
  type PublicKey,
  type Recipients,
  type SignedManifest,
} from '@bidhall/crypto';
import { validateComposition, type BidComposition, type PreparedFile } from './bid-compose.ts';
import { preparationFingerprint } from './bid-fingerprint.ts';
import { fileToPdf, type PdfOptions } from './bid-pdf.ts';
import { Refused, type Workspace } from './bid-workspace.ts';

export interface SealedPartRecord {
  partId: string;
  name: string;
  role: 'bidSummary' | 'file';
  /** The sealed bytes, relative to the section's sealed folder. */
  sealedFile: string;
  /** The plaintext source (files only), as bid.json names it. */
  source?: string;
  entry: ManifestPart;
}

export interface SealRecord {
  format: 'bidhall-sealed-bid/1';
  sectionId: string;
  sealedAt: string;
  bidderKeyId: string;
  custodianSetSm3: string;
  documentVersion: number;
  parts: SealedPartRecord[];
}

export interface Bidder {
  key: PrivateKey;
  /** The certificate's public key (must be the key's). */
  certificateKey: PublicKey;
  entityId: string;
}

/** Hex SM3 of canonical {threshold, keys: [{index, keyId}]}, as the platform publishes it. */
export function custodianSetSm3(threshold: number, keys: readonly { index: number; keyId: string }[]): string {
  return toHex(sm3(canonicalJson({ threshold, keys: keys.map((k) => ({ index: k.index, keyId: k.keyId })) })));
}

/** The section's recipients, each custodian key checked against the key id and set hash published with it. */
export function recipientsFor(req: BiddingRequirements, bidder: PublicKey): Recipients {
  const custodians = [...req.sealing.custodians].sort((a, b) => a.index - b.index);
  custodians.forEach((c, i) => {
    if (c.index !== i + 1) throw new Refused(`the custodian slots are not 1..${custodians.length}`);
  });
  const keys = custodians.map((c) => {
    let key: PublicKey;
    try {
      key = publicKeyFromPem(c.publicKeyPem);
    } catch {
      throw new Refused(`custodian ${c.index} (${c.label}): the public key cannot be read`);
    }
    if (keyId(key) !== c.keyId) throw new Refused(`custodian ${c.index} (${c.label}): the key does not match its key id`);
    return { publicKey: key, label: c.label };
  });
  if (custodianSetSm3(req.sealing.threshold, custodians) !== req.sealing.custodianSetSm3) {
    throw new Refused('the custodian set does not match its published hash (custodianSetSm3)');
  }
  return { bidder, custodians: keys, threshold: req.sealing.threshold };
}

async function fileHash(path: string, alg: HashAlg): Promise<string> {
  const h = createHash(alg);
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return toHex(h.digest());
}

/** Seals one file into <partsDir>/<partId>.sealed (written under a temporary name, then renamed). */
async function sealFileInto(source: string, partsDir: string, name: string, recipients: Recipients) {
  await mkdir(partsDir, { recursive: true });
  const sealed = await sealStream(createReadStream(source), { name, recipients });
  const tmp = join(partsDir, `${sealed.header.partId}.tmp`);
  await pipeline(sealed.stream, createWriteStream(tmp, { mode: 0o644 }));
  const digest = await sealed.digest;
  await rename(tmp, join(partsDir, `${sealed.header.partId}.sealed`));
  return { header: sealed.header, digest };
}

export interface SealOutcome {
  sectionId: string;
  folder: string;
  signed: SignedManifest;
  record: SealRecord;
  warnings: string[];
  reused: number;
}

/** Text parts (.txt/.md) become PDFs in the workspace's converted/<section>/ folder. */
export async function convertTextParts(
  files: PreparedFile[],
  root: string,
  pdf: Omit<PdfOptions, 'markdown' | 'title'>,
  ws: Workspace,
): Promise<void> {
  for (const f of files.filter((x) => x.convert)) {
    const bytes = await fileToPdf(f.source.startsWith('/') ? f.source : join(root, f.source), pdf);
    await ws.writeFile(f.path.slice(ws.root.length + 1), bytes);
  }
}

export async function sealSection(
  ws: Workspace,
  bid: BidComposition,
  req: BiddingRequirements,
  bidder: Bidder,
  opts: { pdf?: Omit<PdfOptions, 'markdown' | 'title'>; now?: Date } = {},
): Promise<SealOutcome> {
  const sectionId = req.sectionId;
  const convertedDir = ws.path('converted', sectionId);
  const first = await validateComposition(bid, req, { root: ws.root, convertedDir });
  if (first.problems.length)
    throw new Refused(`the bid for section ${req.sectionCode} is not complete:\n  - ${first.problems.join('\n  - ')}`);
  await convertTextParts(first.files, ws.root, opts.pdf ?? {}, ws);
  const checked = await validateComposition(bid, req, { root: ws.root, convertedDir });
  if (checked.problems.length)
    throw new Refused(`the bid for section ${req.sectionCode} is not complete:\n  - ${checked.problems.join('\n  - ')}`);

  if (keyId(bidder.key.publicKey) !== keyId(bidder.certificateKey))
    throw new Refused('the private key does not belong to the certificate');
  const suite = suiteForKey(bidder.key);
  if (!req.sealing.suites.includes(suite.id))
    throw new Refused(`the section accepts the ${req.sealing.suites.join(', ')} suite(s), not ${suite.id}`);
  const recipients = recipientsFor(req, bidder.certificateKey);
  const bidderKeyId = keyId(bidder.certificateKey);

  const folderRel = join('sealed', sectionId);
  const folder = ws.path(folderRel);
  const previous = await ws.maybeJson<SealRecord>(join(folderRel, 'seal.json'));
  const reusable =
    previous && previous.bidderKeyId === bidderKeyId && previous.custodianSetSm3 === req.sealing.custodianSetSm3
      ? previous.parts.filter((p) => p.role === 'file')
      : [];

  const records: SealedPartRecord[] = [];
  // The bidSummary: small, sealed in memory, always anew.
  const summary = await sealBidSummary(checked.summary, { recipients });
  const summaryFile = join('parts', `${summary.header.partId}.sealed`);
  await ws.writeFile(join(folderRel, summaryFile), summary.sealed);
  records.push({
    partId: summary.header.partId,
    name: 'bidSummary',
    role: 'bidSummary',
    sealedFile: summaryFile,
    entry: manifestPart(summary.header, summary.digest, 'bidSummary'),
  });

  let reused = 0;
  for (const f of checked.files) {
    const plaintextHash = await fileHash(f.path, suite.hashAlg);
    const old = reusable.find((p) => p.name === f.name && p.entry.plaintextHash === plaintextHash);
    if (old) {
      try {
        await access(join(folder, old.sealedFile));
        records.push({ ...old, source: f.source, entry: { ...old.entry, partKey: f.partKey, mediaType: f.mediaType } });
        reused++;
        continue;
      } catch {
        // the sealed file is gone: seal again
      }
    }
    const { header, digest } = await sealFileInto(f.path, join(folder, 'parts'), f.name, recipients);
    const sealedFile = join('parts', `${header.partId}.sealed`);
    if (digest.plaintextHash !== plaintextHash) throw new Refused(`${f.source} changed while it was being sealed`);
    records.push({
      partId: header.partId,
      name: f.name,
      role: 'file',
      sealedFile,
      source: f.source,
      entry: { ...manifestPart(header, digest, 'file'), partKey: f.partKey, mediaType: f.mediaType },
    });
  }

  const manifest = buildManifest({
    sectionId,
    bidderId: bidder.entityId,
    createdAt: opts.now ?? new Date(),
    suite: suite.id,
    parts: records.map((r) => r.entry),
    document: { id: req.document.id, version: req.document.version, contentSm3: req.document.contentSm3 },
    ...(checked.bond ? { bond: checked.bond } : {}),
    preparation: await preparationFingerprint(checked.files.map((f) => f.path)),
  });
  const signed = signManifest(manifest, bidder.key);
  const record: SealRecord = {
    format: 'bidhall-sealed-bid/1',
    sectionId,
    sealedAt: manifest.createdAt,
    bidderKeyId,
    custodianSetSm3: req.sealing.custodianSetSm3,
    documentVersion: req.document.version,
    parts: records,
  };
  await ws.writeJson(join(folderRel, 'manifest.json'), signed);
  await ws.writeJson(join(folderRel, 'seal.json'), record);

  // Sealed files of an earlier seal that this one does not use.
  const keep = new Set(records.map((r) => r.sealedFile.split('/').pop()));
  for (const name of await readdir(join(folder, 'parts')))
    if (!keep.has(name)) await rm(join(folder, 'parts', name), { force: true });
  return { sectionId, folder, signed, record, warnings: checked.warnings, reused };
}
