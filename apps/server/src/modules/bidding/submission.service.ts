import { randomUUID } from 'node:crypto';
import type { BidReceipt, BidReceiptResponse, BidSubmitRequest, Sitting } from '@bidhall/contracts';
import { canonicalJson, isCryptoError, keyId, publicKeyFromPem, sm3, suiteForKey, toHex, verifyJson, verifyManifest, type BidManifest, type JsonSignature, type PartHeader, type PublicKey, type SignedManifest } from '@bidhall/crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type BiddingDeps, type IssuedDocument, tables } from './bidding.deps.ts';
import type { Caller } from './caller.ts';
import type { CustodianKeyService, CustodianSet } from './custodian-keys.service.ts';
import { issueReceipt } from './receipt.ts';
import { assertOpen, bondAmountFen, type ClaimUploads, documentForBidder, loadSection, sittingAt } from './section-state.ts';

const MIB = 1024 * 1024;

/** Hex SM3 of the canonical JSON of the signed manifest (manifest and signature): what the receipt names. */
export function manifestSm3(signed: SignedManifest): string {
  return toHex(sm3(canonicalJson(signed)));
}

const extensionOf = (name: string) => (/\.([A-Za-z0-9]+)$/.exec(name)?.[1] ?? '').toLowerCase();

type Part = BidManifest['parts'][number];
interface StoredPart {
  part: Part;
  blobSm3: string;
  header: unknown;
}

/**
 * Submission, replacement and withdrawal of sealed bids (A-92…A-101, A-104): everything checked without
 * decrypting (A-94), stored in one transaction with its blind log entry and signed receipt.
 */
export function createSubmissionService(deps: BiddingDeps, custodians: CustodianKeyService, claim: ClaimUploads) {
  async function bidderKey(trx: Db, caller: Caller, certificatePem: string): Promise<{ key: PublicKey; fingerprint: string }> {
    const cert = await deps.boundCertificate(trx, caller.entity!.id, certificatePem);
    return { key: publicKeyFromPem(cert.publicKeyPem), fingerprint: cert.fingerprint };
  }

  function verifySigned(signed: SignedManifest, key: PublicKey): BidManifest {
    try {
      return verifyManifest(signed, key);
    } catch (err) {
      if (isCryptoError(err)) throw new DomainError('BID_SIGNATURE_INVALID', `the manifest's signature does not verify with the certificate's key: ${err.reason}`, { cryptoCode: err.code });
      throw err;
    }
  }

  /** The document the manifest answers must be the section's current issued version (A-99). */
  function checkDocument(manifest: BidManifest, doc: IssuedDocument) {
    const m = manifest.document;
    if (!m || m.id !== doc.id || m.version !== doc.version || m.contentSm3 !== doc.contentSm3) {
      throw new DomainError('DOCUMENT_CHANGED', `the bid answers ${m ? `version ${m.version}` : 'no version'} of the tender document; the current version is ${doc.version}`, {
        documentId: doc.id,
        currentVersion: doc.version,
        currentContentSm3: doc.contentSm3,
        manifestVersion: m?.version ?? null,
        manifestContentSm3: m?.contentSm3 ?? null,
      });
    }
  }

  /** What the document requires of the bid's parts: the bidSummary, each required part, file types and sizes. */
  function checkStructure(manifest: BidManifest, doc: IssuedDocument) {
    const summaries = manifest.parts.filter((p) => p.role === 'bidSummary');
    if (summaries.length !== 1 || summaries[0]!.name !== 'bidSummary') {
      throw new DomainError('BID_INCOMPLETE', 'a bid has exactly one bidSummary part (named "bidSummary")', { bidSummaryParts: summaries.length });
    }
    const names = new Set<string>();
    const ids = new Set<string>();
    for (const p of manifest.parts) {
      if (names.has(p.name) || ids.has(p.partId)) throw new DomainError('BID_MANIFEST_MISMATCH', `part ${p.name} appears twice`, { partId: p.partId, name: p.name });
      names.add(p.name);
      ids.add(p.partId);
    }
    const files = manifest.parts.filter((p) => p.role === 'file');
    for (const f of files) {
      const part = doc.parts.find((d) => d.key === f.partKey);
      if (!part) throw new DomainError('BID_INCOMPLETE', `file ${f.name} answers no part of the document (partKey ${f.partKey ?? 'missing'})`, { partId: f.partId, name: f.name, partKey: f.partKey ?? null });
      const ext = extensionOf(f.name);
      if (!(part.fileTypes as string[]).includes(ext)) {
        throw new DomainError('BID_INCOMPLETE', `${part.name} takes ${part.fileTypes.join(', ')} files, not ${f.name}`, { partId: f.partId, name: f.name, partKey: part.key, fileTypes: part.fileTypes });
      }
    }
    for (const part of doc.parts) {
      const mine = files.filter((f) => f.partKey === part.key);
      if (part.required && mine.length === 0) throw new DomainError('BID_INCOMPLETE', `the document requires ${part.name}`, { partKey: part.key, missing: part.name });
      if (mine.length > 20) throw new DomainError('BID_INCOMPLETE', `${part.name} has more than 20 files`, { partKey: part.key, files: mine.length });
      const total = mine.reduce((s, f) => s + f.size, 0);
      if (total > part.maxSizeMiB * MIB) {
        throw new DomainError('BID_INCOMPLETE', `${part.name} is larger than ${part.maxSizeMiB} MiB`, { partKey: part.key, maxSizeMiB: part.maxSizeMiB, size: total });
      }
    }
  }

  /** A sealed part's header as the upload parsed it, against the manifest, the bidder's key and the custodian set (A-94, A-96). */
  function checkHeader(part: Part, got: { size: number; ciphertextHash: string; header: PartHeader }, manifest: BidManifest, bidderKeyId: string, set: CustodianSet) {
    const h = got.header;
    const mismatch = (field: string, message: string) =>
      new DomainError('BID_MANIFEST_MISMATCH', `part ${part.name}: ${message}`, { partId: part.partId, name: part.name, field });
    if (h.partId !== part.partId || h.name !== part.name) throw mismatch('header', 'the sealed header names another part');
    if (h.suite !== manifest.suite) throw mismatch('suite', `sealed with ${h.suite}, the manifest says ${manifest.suite}`);
    if (h.bidder.keyId !== bidderKeyId) throw mismatch('bidderKey', "the content key is not wrapped to the signing certificate's key");
    const shares = h.custodians.shares;
    if (
      h.custodians.threshold !== set.threshold ||
      shares.length !== set.custodians.length ||
      shares.some((s, i) => s.index !== set.custodians[i]!.index || s.keyId !== set.custodians[i]!.keyId)
    ) {
      throw new DomainError('BID_NOT_SEALED', `part ${part.name} is not sealed to this section's opening custodians`, {
        partId: part.partId,
        name: part.name,
        field: 'custodians',
        custodianSetSm3: set.custodianSetSm3,
      });
    }
    if (got.size !== part.ciphertextSize || got.ciphertextHash !== part.ciphertextHash) throw mismatch('ciphertext', 'the uploaded bytes are not the ones the manifest lists');
  }

  async function liveBid(trx: Db, sectionId: string, round: number, sitting: Sitting, entityId: string) {
    return tables(trx)
      .selectFrom('bidding.bid')
      .selectAll()
      .where('section_id', '=', sectionId)
      .where('round', '=', round)
      .where('sitting', '=', sitting)
      .where('entity_id', '=', entityId)
      .where('status', '=', 'submitted')
      .forUpdate()
      .executeTakeFirst();
  }

  async function receiptsOf(trx: Db, bidId: string, event: 'submitted' | 'withdrawn'): Promise<BidReceipt> {
    const row = await tables(trx).selectFrom('bidding.receipt').select('receipt').where('bid_id', '=', bidId).where('event', '=', event).orderBy('issued_at').executeTakeFirstOrThrow();
    return (typeof row.receipt === 'string' ? JSON.parse(row.receipt) : row.receipt) as BidReceipt;
  }

  /** One entity's bid events on one section run one at a time (a transaction-scoped lock). */
  async function serialise(trx: Db, sectionId: string, entityId: string) {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`bidding:${sectionId}:${entityId}`}))`.execute(trx);
  }

  /** The certificate (valid, trusted, bound to the entity) and the manifest signature: the costly checks, made before the transaction. */
  async function verifySubmission(db: Db, body: BidSubmitRequest, caller: Caller): Promise<{ key: PublicKey; fingerprint: string; manifest: BidManifest }> {
    if (!caller.entity) throw new DomainError('FORBIDDEN', 'bids are made for an entity');
    const { key, fingerprint } = await bidderKey(db, caller, body.certificatePem);
    return { key, fingerprint, manifest: verifySigned(body.signedManifest as SignedManifest, key) };
  }

  async function submitIn(
    trx: Db,
    sectionId: string,
    body: BidSubmitRequest,
    caller: Caller,
    verified?: { key: PublicKey; fingerprint: string; manifest: BidManifest },
    arrivedAt?: Date,
  ): Promise<BidReceipt> {
    if (!caller.entity) throw new DomainError('FORBIDDEN', 'bids are made for an entity');
    const entity = caller.entity;
    const section = await loadSection(deps, trx, sectionId);
    await serialise(trx, section.id, entity.id);
    const signed = body.signedManifest as SignedManifest;
    const mSm3 = manifestSm3(signed);
    // Applications until a prequalification section's application deadline, bids after it (decision 0023).
    const sitting = sittingAt(section, arrivedAt ?? deps.clock.now());
    const live = await liveBid(trx, section.id, section.round, sitting, entity.id);
    // A repeated submission (a lost response, a double click) gets the receipt it already has.
    if (live && live.manifest_sm3 === mSm3) return receiptsOf(trx, live.id, 'submitted');

    const now = assertOpen(deps, section, sitting === 'application' ? 'accepting an application' : 'accepting a bid', arrivedAt, sitting);
    const doc = await documentForBidder(deps, trx, section, caller, sitting);
    const set = await custodians.requireSetFor(trx, section);
    const { key, fingerprint, manifest } = verified ?? (await verifySubmission(trx, body, caller));
    if (manifest.sectionId !== section.id || manifest.bidderId !== entity.id) {
      throw new DomainError('BID_MANIFEST_MISMATCH', 'the manifest is for another section or bidder', { field: manifest.sectionId !== section.id ? 'sectionId' : 'bidderId' });
    }
    const suite = suiteForKey(key);
    if (manifest.suite !== suite.id || manifest.hashAlg !== suite.hashAlg) throw new DomainError('BID_MANIFEST_MISMATCH', `the manifest's suite is not the certificate's (${suite.id})`, { field: 'suite' });
    checkDocument(manifest, doc);
    checkStructure(manifest, doc);

    // The bid this one replaces (A-99): the entity's live bid, named; none when there is none.
    if (live && body.replaces !== live.id) {
      throw new DomainError('BID_REPLACEMENT_INVALID', 'your entity has a bid on this section: name it in `replaces` to modify or supplement it, or withdraw it first', { liveBidId: live.id });
    }
    if (!live && body.replaces) throw new DomainError('BID_REPLACEMENT_INVALID', 'the bid named in `replaces` is not your live bid on this section', { replaces: body.replaces });

    const listed = new Map(body.parts.map((p) => [p.partId, p]));
    if (listed.size !== body.parts.length || listed.size !== manifest.parts.length || manifest.parts.some((p) => !listed.has(p.partId))) {
      throw new DomainError('BID_INCOMPLETE', 'name one upload (or keep) for each part of the manifest, and nothing else', {
        missing: manifest.parts.filter((p) => !listed.has(p.partId)).map((p) => p.name),
      });
    }

    // A-102, A-104: the bond the document asks for, as the finance module finds it now.
    // Applications carry no bid bond: the bond is the bid's (the prequalification document asks none).
    const amountFen = sitting === 'bid' ? bondAmountFen(doc) : 0n;
    let bond: { form: string; reference: string | null; status: string; detail: string | null } | null = null;
    if (amountFen > 0n) {
      if (!manifest.bond) throw new DomainError('BOND_NOT_MET', `the document asks for a bid bond of ${amountFen} fen; the bid names none`, { status: 'missing', detail: null, amountFen: amountFen.toString() });
      const checked = await deps.bonds.check(trx, {
        sectionId: section.id,
        round: section.round,
        entityId: entity.id,
        tendererEntityId: section.tendererEntityId,
        form: manifest.bond.form,
        reference: manifest.bond.reference ?? null,
        amountFen,
        deadline: new Date(section.timetable.bidDeadline!),
        at: now,
      });
      if (checked.status !== 'ok') {
        throw new DomainError('BOND_NOT_MET', `the bid bond is ${checked.status}${checked.detail ? `: ${checked.detail}` : ''}`, { status: checked.status, detail: checked.detail, amountFen: amountFen.toString() });
      }
      bond = { form: manifest.bond.form, reference: manifest.bond.reference ?? null, status: 'ok', detail: checked.detail };
    } else if (manifest.bond) {
      bond = { form: manifest.bond.form, reference: manifest.bond.reference ?? null, status: 'notRequired', detail: null };
    }

    // Every part: kept from the replaced bid, or claimed from its finished upload; checked without decrypting.
    const bidderKeyId = keyId(key);
    const keptRows = live ? await tables(trx).selectFrom('bidding.bid_part').selectAll().where('bid_id', '=', live.id).execute() : [];
    const kept = new Map<string, StoredPart>();
    const uploads: { uploadId: string; partId: string }[] = [];
    for (const part of manifest.parts) {
      const ref = listed.get(part.partId)!;
      if (ref.keep) {
        const row = keptRows.find((r) => r.part_id === part.partId);
        if (!row || row.name !== part.name || Number(row.ciphertext_size) !== part.ciphertextSize || row.ciphertext_hash !== part.ciphertextHash) {
          throw new DomainError('BID_MANIFEST_MISMATCH', `part ${part.name} is not in the bid it replaces as the manifest lists it`, { partId: part.partId, name: part.name, field: 'keep' });
        }
        kept.set(part.partId, { part, blobSm3: row.blob_sm3, header: row.header });
      } else if (!ref.uploadId) throw new DomainError('BID_INCOMPLETE', `part ${part.name} names no upload`, { partId: part.partId, name: part.name });
      else uploads.push({ uploadId: ref.uploadId, partId: part.partId });
    }
    // The uploads claimed together (one read, one update), then each checked against its manifest entry.
    const claimed = uploads.length ? await claim(trx, { entityId: entity.id, sectionId: section.id, sitting, parts: uploads }) : [];
    const byPart = new Map(uploads.map((u, i) => [u.partId, claimed[i]!]));
    const stored: StoredPart[] = manifest.parts.map((part) => {
      const got = byPart.get(part.partId);
      if (!got) return kept.get(part.partId)!;
      checkHeader(part, got, manifest, bidderKeyId, set);
      return { part, blobSm3: got.blobSm3, header: got.header };
    });

    // Stored at once: the bid, its parts, the replaced bid superseded, the blind log entry, the receipt.
    const bidId = randomUUID();
    const previous = await tables(trx)
      .selectFrom('bidding.bid')
      .select((eb) => eb.fn.max('sequence').as('n'))
      .where('section_id', '=', section.id)
      .where('round', '=', section.round)
      .where('sitting', '=', sitting)
      .where('entity_id', '=', entity.id)
      .executeTakeFirst();
    const ciphertextBytes = manifest.parts.reduce((s, p) => s + p.ciphertextSize, 0);
    if (live) await tables(trx).updateTable('bidding.bid').set({ status: 'superseded' }).where('id', '=', live.id).execute();
    await tables(trx)
      .insertInto('bidding.bid')
      .values({
        id: bidId,
        section_id: section.id,
        round: section.round,
        sitting,
        entity_id: entity.id,
        entity_name: entity.name,
        user_id: caller.userId,
        sequence: Number(previous?.n ?? 0) + 1,
        status: 'submitted',
        replaces: live?.id ?? null,
        manifest: JSON.stringify(signed),
        manifest_sm3: mSm3,
        suite: manifest.suite,
        certificate_pem: body.certificatePem,
        certificate_fingerprint: fingerprint,
        signer_key_id: bidderKeyId,
        document_id: doc.id,
        document_version: doc.version,
        document_sm3: doc.contentSm3,
        confirmed_document_version: null,
        confirmation: null,
        bond_form: bond?.form ?? null,
        bond_reference: bond?.reference ?? null,
        bond_status: bond?.status ?? null,
        bond_detail: bond?.detail ?? null,
        custodian_set_sm3: set.custodianSetSm3,
        ciphertext_bytes: ciphertextBytes,
        received_at: now,
        withdrawn_at: null,
      })
      .execute();
    await tables(trx)
      .insertInto('bidding.bid_part')
      .values(
        stored.map((s) => ({
          bid_id: bidId,
          part_id: s.part.partId,
          name: s.part.name,
          role: s.part.role,
          part_key: s.part.partKey ?? null,
          blob_sm3: s.blobSm3,
          ciphertext_size: s.part.ciphertextSize,
          ciphertext_hash: s.part.ciphertextHash,
          header: JSON.stringify(s.header),
        })),
      )
      .execute();
    return issueReceipt(deps, trx, {
      event: 'submitted',
      bidId,
      sectionId: section.id,
      round: section.round,
      ...(sitting === 'application' ? { sitting } : {}),
      entity: { id: entity.id, name: entity.name },
      userId: caller.userId,
      manifestSm3: mSm3,
      parts: manifest.parts.length,
      ciphertextBytes,
      receivedAt: now.toISOString(),
    });
  }

  async function withLogReceipt(receipt: BidReceipt): Promise<BidReceiptResponse> {
    return { receipt, logReceipt: await deps.logReceipt(deps.db, receipt.logIndex) };
  }

  /** POST /sections/:id/bids: the receipt and, after commit, the log's inclusion proof of its entry. */
  async function submit(sectionId: string, body: BidSubmitRequest, caller: Caller, arrivedAt = deps.clock.now()): Promise<BidReceiptResponse> {
    deps.timeGuard.assertTrusted('accepting a bid');
    // Chain and signature checks cost milliseconds of CPU: outside the transaction, so that the last
    // minute's submissions do not queue behind each other's verification.
    const verified = await verifySubmission(deps.db, body, caller);
    const receipt = await deps.db.transaction().execute((trx) => submitIn(trx, sectionId, body, caller, verified, arrivedAt));
    return withLogReceipt(receipt);
  }

  /** A-99: a withdrawal signed by the bidder's bound certificate over {bidId, action: 'withdraw'}, before the deadline. */
  async function withdraw(bidId: string, body: { certificatePem: string; signature: JsonSignature }, caller: Caller, arrivedAt = deps.clock.now()): Promise<BidReceiptResponse> {
    deps.timeGuard.assertTrusted('withdrawing a bid');
    const receipt = await deps.db.transaction().execute(async (trx) => {
      const bid = await ownBid(trx, bidId, caller);
      await serialise(trx, bid.section_id, bid.entity_id);
      const row = await tables(trx).selectFrom('bidding.bid').selectAll().where('id', '=', bidId).forUpdate().executeTakeFirstOrThrow();
      // A repeated withdrawal gets the receipt it already has.
      if (row.status === 'withdrawn') return receiptsOf(trx, row.id, 'withdrawn');
      const section = await loadSection(deps, trx, row.section_id);
      const now = assertOpen(deps, section, 'withdrawing a bid', arrivedAt, row.sitting);
      if (row.status !== 'submitted' || row.round !== section.round) throw new DomainError('BID_STATE_CONFLICT', 'only the live bid can be withdrawn', { status: row.status });
      const { key } = await bidderKey(trx, caller, body.certificatePem);
      if (!verifyJson({ bidId: row.id, action: 'withdraw' }, body.signature, key)) {
        throw new DomainError('BID_SIGNATURE_INVALID', "the withdrawal is not signed with the certificate's key over {bidId, action: 'withdraw'}");
      }
      await tables(trx).updateTable('bidding.bid').set({ status: 'withdrawn', withdrawn_at: now }).where('id', '=', row.id).execute();
      if (row.sitting === 'bid') await deps.onBidWithdrawn?.(trx, { sectionId: row.section_id, round: row.round, entityId: row.entity_id }, caller.actor);
      const parts = await tables(trx).selectFrom('bidding.bid_part').select((eb) => eb.fn.countAll<number>().as('n')).where('bid_id', '=', row.id).executeTakeFirstOrThrow();
      return issueReceipt(deps, trx, {
        event: 'withdrawn',
        bidId: row.id,
        sectionId: row.section_id,
        round: row.round,
        ...(row.sitting === 'application' ? { sitting: row.sitting } : {}),
        entity: { id: row.entity_id, name: row.entity_name },
        userId: caller.userId,
        manifestSm3: row.manifest_sm3,
        parts: Number(parts.n),
        ciphertextBytes: Number(row.ciphertext_bytes),
        receivedAt: now.toISOString(),
      });
    });
    return withLogReceipt(receipt);
  }

  /** A-99 after a clarification: the bidder confirms its sealed bid stands for the current document version. */
  async function confirm(
    trx: Db,
    bidId: string,
    body: { documentVersion: number; signature: JsonSignature; certificatePem: string },
    caller: Caller,
  ): Promise<void> {
    const bid = await ownBid(trx, bidId, caller);
    await serialise(trx, bid.section_id, bid.entity_id);
    const section = await loadSection(deps, trx, bid.section_id);
    const now = assertOpen(deps, section, 'confirming a bid', undefined, bid.sitting);
    if (bid.status !== 'submitted') throw new DomainError('BID_STATE_CONFLICT', 'only the live bid can be confirmed', { status: bid.status });
    const doc = await documentForBidder(deps, trx, section, caller, bid.sitting);
    if (body.documentVersion !== doc.version) {
      throw new DomainError('DOCUMENT_CHANGED', `the current version of the tender document is ${doc.version}`, { documentId: doc.id, currentVersion: doc.version, currentContentSm3: doc.contentSm3 });
    }
    const { key } = await bidderKey(trx, caller, body.certificatePem);
    if (!verifyJson({ bidId: bid.id, documentVersion: doc.version, documentSm3: doc.contentSm3 }, body.signature, key)) {
      throw new DomainError('BID_SIGNATURE_INVALID', "the confirmation is not signed with the certificate's key over {bidId, documentVersion, documentSm3}");
    }
    await tables(trx)
      .updateTable('bidding.bid')
      .set({
        confirmed_document_version: doc.version,
        confirmation: JSON.stringify({ documentVersion: doc.version, documentSm3: doc.contentSm3, signature: body.signature, certificatePem: body.certificatePem, confirmedAt: now.toISOString() }),
      })
      .where('id', '=', bid.id)
      .execute();
  }

  /** The caller's entity's bid; BID_NOT_FOUND for anyone else's, exactly as for a missing id (A-107). */
  async function ownBid(trx: Db, bidId: string, caller: Caller) {
    const row = await tables(trx).selectFrom('bidding.bid').selectAll().where('id', '=', bidId).executeTakeFirst();
    if (!row || !caller.entity || row.entity_id !== caller.entity.id) throw new DomainError('BID_NOT_FOUND', `no bid ${bidId}`);
    return row;
  }

  return { submit, submitIn, withdraw, confirm, ownBid };
}

export type SubmissionService = ReturnType<typeof createSubmissionService>;
