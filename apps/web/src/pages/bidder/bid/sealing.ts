// Sealing a bid in the browser (issue 10 §5, decision 0019): each file streams from File.stream()
// through the trust core's envelope (a random content key per part, wrapped to the bidder's key and
// split k-of-n to the section's opening custodians), the bidSummary is sealed on its own, and the
// manifest — with the document version, the bond and the preparation fingerprint — is signed with
// the bidder's key. Only ciphertext leaves this function; content keys die with it.
import type { BiddingRequirements, BidPerson, BidSummaryPayload } from '@bidhall/contracts';
import {
  buildManifest,
  canonicalJson,
  manifestPart,
  publicKeyFromPem,
  sealBidSummary,
  sealIterable,
  sm3,
  toHex,
  utf8,
  webStreamIterable,
  type ManifestPart,
  type Recipients,
} from '@bidhall/crypto/browser';
import type { BidSigner } from './bidKey.ts';
import { deviceId, type DraftPart, type SealedDraft, type SignedManifestInput } from './localStore.ts';

export const WEB_TOOL_VERSION = '0.1.0';

export const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xml: 'application/xml',
  zip: 'application/zip',
  dwg: 'image/vnd.dwg',
  jpg: 'image/jpeg',
  png: 'image/png',
};

export const extensionOf = (name: string) => (/\.([A-Za-z0-9]+)$/.exec(name)?.[1] ?? '').toLowerCase().replace(/^jpeg$/, 'jpg');

export type Person = BidPerson;
export type { BidSummaryPayload };

export interface FileToSeal {
  partKey: string;
  file: File;
}

export interface SealProgress {
  /** Plaintext bytes sealed so far, of `total`. */
  done: number;
  total: number;
  /** The file being sealed now. */
  current: string;
}

/** The part name in the manifest: "<partKey>/<file name>", as the CLI names it. */
export const partNameOf = (partKey: string, fileName: string) => `${partKey}/${fileName}`;

function recipientsFor(req: BiddingRequirements, signer: BidSigner): Recipients {
  return {
    bidder: signer.key.publicKey,
    threshold: req.sealing.threshold,
    custodians: req.sealing.custodians
      .slice()
      .sort((a, b) => a.index - b.index)
      .map((c) => ({ publicKey: publicKeyFromPem(c.publicKeyPem), label: c.label })),
  };
}

const META_KEYS = ['Author', 'Creator', 'Producer'] as const;

/**
 * Hex SM3 of a PDF's Author/Creator/Producer (from its uncompressed information dictionary, read from
 * the file's first and last 256 KiB), for collusion screening later; null when it has none or is no PDF.
 */
async function fileMetaHash(file: File): Promise<string | null> {
  if (extensionOf(file.name) !== 'pdf') return null;
  const SPAN = 256 * 1024;
  const head = await file.slice(0, SPAN).arrayBuffer();
  const tail = file.size > SPAN ? await file.slice(Math.max(SPAN, file.size - SPAN)).arrayBuffer() : new ArrayBuffer(0);
  const text = new TextDecoder('latin1').decode(head) + new TextDecoder('latin1').decode(tail);
  const meta: Record<string, string> = {};
  for (const key of META_KEYS) {
    const m = new RegExp(`/${key}\\s*\\(((?:[^()\\\\]|\\\\.){0,500})\\)`).exec(text) ?? new RegExp(`/${key}\\s*<([0-9A-Fa-f\\s]{0,2000})>`).exec(text);
    if (m?.[1]) meta[key] = m[1];
  }
  return Object.keys(meta).length ? toHex(sm3(canonicalJson(meta))) : null;
}

/** Collects a sealed part's chunks into a Blob (the browser may keep a large one on disk). */
async function collect(chunks: AsyncIterable<Uint8Array>, onBytes: (n: number) => void): Promise<Blob> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) {
    parts.push(c);
    onBytes(c.length);
  }
  return new Blob(parts as BlobPart[], { type: 'application/octet-stream' });
}

export interface SealInput {
  req: BiddingRequirements;
  signer: BidSigner;
  entityId: string;
  summary: BidSummaryPayload;
  files: FileToSeal[];
  /** Parts of the bid being replaced to keep unchanged (a supplement). */
  keep: ManifestPart[];
  bond?: { form: 'deposit' | 'guarantee'; reference?: string };
  replaces?: string;
  /** Server time now, epoch ms: the manifest's createdAt. */
  now: number;
  onProgress?: (p: SealProgress) => void;
}

/** Seals the bid and signs its manifest; the result is what is stored for upload and submitted. */
export async function sealBid(input: SealInput): Promise<SealedDraft> {
  const { req, signer } = input;
  const recipients = recipientsFor(req, signer);
  const summaryBytes = canonicalJson(input.summary);
  const total = summaryBytes.length + input.files.reduce((s, f) => s + f.file.size, 0);
  let done = 0;
  const progress = (current: string) => input.onProgress?.({ done: Math.min(done, total), total, current });

  const parts: DraftPart[] = [];
  const manifestParts: ManifestPart[] = [];

  progress('bidSummary');
  const summary = await sealBidSummary(input.summary, { recipients });
  done += summaryBytes.length;
  parts.push({ partId: summary.header.partId, name: summary.header.name, blob: new Blob([summary.sealed as BlobPart]), mediaType: 'application/json' });
  manifestParts.push(manifestPart(summary.header, summary.digest, 'bidSummary'));

  const metaHashes = new Set<string>();
  for (const f of input.files) {
    const name = partNameOf(f.partKey, f.file.name);
    const ext = extensionOf(f.file.name);
    const mediaType = MEDIA_TYPES[ext] ?? 'application/octet-stream';
    progress(f.file.name);
    const sealed = await sealIterable(webStreamIterable(f.file.stream()), { name, recipients });
    // Plaintext progress: a chunk of ciphertext is the plaintext plus a few bytes of tag and header.
    let sealedBytes = 0;
    const startedAt = done;
    const blob = await collect(sealed.chunks, (n) => {
      sealedBytes += n;
      done = startedAt + Math.min(f.file.size, sealedBytes);
      progress(f.file.name);
    });
    const digest = await sealed.digest;
    done = startedAt + f.file.size;
    parts.push({ partId: sealed.header.partId, name, blob, mediaType });
    manifestParts.push({ ...manifestPart(sealed.header, digest, 'file'), partKey: f.partKey, mediaType });
    const meta = await fileMetaHash(f.file);
    if (meta) metaHashes.add(meta);
  }
  for (const k of input.keep) {
    parts.push({ partId: k.partId, name: k.name, keep: true });
    manifestParts.push(k);
  }
  progress('manifest');

  const manifest = buildManifest({
    sectionId: req.sectionId,
    bidderId: input.entityId,
    createdAt: new Date(input.now),
    suite: signer.suite,
    parts: manifestParts,
    document: { id: req.document.id, version: req.document.version, contentSm3: req.document.contentSm3 },
    ...(input.bond ? { bond: input.bond } : {}),
    preparation: {
      tool: 'web',
      toolVersion: WEB_TOOL_VERSION,
      deviceHash: toHex(sm3(utf8(`bidhall-web-device:${deviceId()}`))),
      fileMetaHashes: [...metaHashes].slice(0, 100),
    },
  });
  const signedManifest = { manifest, signature: signer.sign(manifest) } as unknown as SignedManifestInput;
  return {
    sectionId: req.sectionId,
    sealedAt: new Date(input.now).toISOString(),
    signedManifest,
    certificatePem: signer.certificatePem,
    ...(input.replaces ? { replaces: input.replaces } : {}),
    parts,
  };
}

/** Hex SM3 of the canonical JSON of a signed manifest: what the receipt names as manifestSm3. */
export const manifestSm3 = (signed: unknown) => toHex(sm3(canonicalJson(signed)));
