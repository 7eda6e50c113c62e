import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BID_SUMMARY_FORMAT, type BiddingRequirements, type BidSummaryPayload, type BillOfQuantitiesView, PRICED_BILL_PART_KEY } from '@bidhall/contracts';
import {
  buildManifest,
  gmSuite,
  manifestPart,
  privateKeyFromPem,
  publicKeyFromPem,
  sealBidSummary,
  sealBytes,
  signManifest,
  sm3,
  toBase64,
  toHex,
  unwrapForBidder,
  utf8,
  type PartHeader,
  type PrivateKey,
} from '@bidhall/crypto';
import type { BuiltApp } from '../app.ts';
import { demoPricedBill } from './demo-priced-bill.ts';
import type { DemoSession } from './demo-tendering.ts';

/** A demo bidder's certificate (with its chain) and private key, from the demo PKI's files. */
export interface DemoBidderKeys {
  certificatePem: string;
  key: PrivateKey;
}

export function demoBidderKeys(demoCaDir: string, username: string): DemoBidderKeys {
  const dir = join(demoCaDir, 'entities');
  return { certificatePem: readFileSync(join(dir, `${username}.cert.pem`), 'utf8'), key: privateKeyFromPem(readFileSync(join(dir, `${username}.key.pem`), 'utf8')) };
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/**
 * What the bid tool does for a demo bidder: obtains the document, seals the bidSummary and one file per
 * part to the bidder and the section's custodians, uploads each with tus, submits the signed manifest.
 */
/**
 * `device` names the computer the bid was prepared on: its hash is the manifest's preparation fingerprint
 * (bids prepared on one computer show as a red flag to the committee, A-149); by default the bidder's own.
 * `variant` picks how the bidder's costing tool spreads its price over the priced bill's items.
 */
export async function submitDemoBid(
  built: BuiltApp,
  bidder: DemoSession,
  keys: DemoBidderKeys,
  sectionId: string,
  fields: Record<string, string | number>,
  device?: string,
  variant = 0,
  bond?: { form: 'deposit' | 'guarantee'; reference?: string },
): Promise<void> {
  const req = (await bidder.call('GET', `/api/v1/sections/${sectionId}/bidding`)) as BiddingRequirements;
  const me = (await bidder.call('GET', '/api/v1/me')) as { entity: { id: string } };
  const recipients = {
    bidder: keys.key.publicKey,
    custodians: req.sealing.custodians.map((c) => ({ publicKey: publicKeyFromPem(c.publicKeyPem), label: c.label })),
    threshold: req.sealing.threshold,
  };
  const payload: BidSummaryPayload = { format: BID_SUMMARY_FORMAT, sectionId, fields, projectManager: null, team: [], bond: bond ? { form: bond.form, reference: bond.reference ?? null } : null };
  const summary = await sealBidSummary(payload, { recipients });
  const sealed = [{ partId: summary.header.partId, name: 'bidSummary', bytes: summary.sealed }];
  const entries = [manifestPart(summary.header, summary.digest, 'bidSummary')];
  for (const part of req.document.parts) {
    const pdf = part.fileTypes.includes('pdf');
    const name = `${part.name}.${pdf ? 'pdf' : part.fileTypes[0]}`;
    const body = pdf
      ? `%PDF-1.7\n% ${part.name} ${sectionId} ${me.entity.id}\n%%EOF\n`
      : part.key === PRICED_BILL_PART_KEY && fields.price !== undefined
        ? demoPricedBill((await bidder.call('GET', `/api/v1/tender-documents/${req.document.id}/bill-of-quantities`)) as BillOfQuantitiesView, BigInt(fields.price), variant)
        : `<清单 报价="${fields.price ?? ''}"/>`;
    const s = await sealBytes(Buffer.from(body), { name, recipients });
    sealed.push({ partId: s.header.partId, name, bytes: s.sealed });
    entries.push({ ...manifestPart(s.header, s.digest, 'file'), partKey: part.key, mediaType: pdf ? 'application/pdf' : 'application/xml' });
  }
  const manifest = buildManifest({
    sectionId,
    bidderId: me.entity.id,
    createdAt: new Date(),
    suite: 'gm',
    parts: entries,
    document: { id: req.document.id, version: req.document.version, contentSm3: req.document.contentSm3 },
    preparation: { tool: 'cli', toolVersion: 'demo', deviceHash: toHex(sm3(utf8(`demo-device:${device ?? me.entity.id}`))), fileMetaHashes: [] },
    ...(bond ? { bond } : {}),
  });
  const refs = [];
  for (const part of sealed) refs.push({ partId: part.partId, uploadId: await upload(built, bidder.cookie, sectionId, part) });
  await bidder.call('POST', `/api/v1/sections/${sectionId}/bids`, { signedManifest: signManifest(manifest, keys.key), certificatePem: keys.certificatePem, parts: refs });
}

async function upload(built: BuiltApp, cookie: string, sectionId: string, part: { partId: string; name: string; bytes: Uint8Array }): Promise<string> {
  const created = await built.app.inject({
    method: 'POST',
    url: '/api/v1/bid-uploads',
    headers: { cookie, 'tus-resumable': '1.0.0', 'upload-length': String(part.bytes.length), 'upload-metadata': `sectionId ${b64(sectionId)},partId ${b64(part.partId)},name ${b64(part.name)}` },
  });
  if (created.statusCode !== 201) throw new Error(`demo upload ${part.name}: ${created.statusCode} ${created.body}`);
  const location = String(created.headers.location);
  const path = location.startsWith('http') ? new URL(location).pathname : location;
  const patched = await built.app.inject({
    method: 'PATCH',
    url: path,
    headers: { cookie, 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    payload: Buffer.from(part.bytes),
  });
  if (patched.statusCode >= 300) throw new Error(`demo upload ${part.name}: ${patched.statusCode} ${patched.body}`);
  return path.split('/').pop()!;
}

/** What the bidder's browser or CLI does in the hall: each part's content key unwrapped with its key, wrapped to the opening key. */
export async function demoUnseal(bidder: DemoSession, keys: DemoBidderKeys, sectionId: string, hall: 'hall' | 'application-hall' = 'hall'): Promise<void> {
  const kit = (await bidder.call('GET', `/api/v1/sections/${sectionId}/${hall}/unseal-kit`)) as { openingKeyPem: string; parts: { partId: string; header: unknown }[] };
  const opening = publicKeyFromPem(kit.openingKeyPem);
  const wrapped = [];
  for (const p of kit.parts) wrapped.push({ partId: p.partId, wrappedKey: toBase64(await gmSuite.wrapKey(opening, await unwrapForBidder(p.header as PartHeader, keys.key))) });
  await bidder.call('POST', `/api/v1/sections/${sectionId}/${hall}/unseal`, { keys: wrapped });
}
