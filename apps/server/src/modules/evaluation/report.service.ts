import { evaluationReportSigningPayload, type EvaluationReportContent, type EvaluationReportParts, type EvaluationReportSignInput, type EvaluationReportView, type EvaluationSummary } from '@bidhall/contracts';
import { canonicalJson, publicKeyFromPem, sm3, toHex, verifyJson, type JsonSignature } from '@bidhall/crypto';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { type EvaluationDeps, json } from './evaluation.deps.ts';
import { buildReportContent, reportHtml } from './report-content.ts';
import { reportTables } from './report.tables.ts';
import { reportViewOf } from './report.view.ts';
import { supervisionMessage } from './report-push.ts';
import type { EvaluationSitting } from './sitting.ts';

const EMPTY_PARTS: EvaluationReportParts = { remarks: '', problems: '', recommendations: '' };

/**
 * The evaluation report: the chair drafts the committee's words and generates
 * the report from the stored summary (its SM3 over canonical JSON); edits end with the first signature;
 * every member signs once with its own certificate, a dissent in writing if it disagrees; the last
 * signature completes the report, notifies the tenderer and the region's supervisors and pushes the
 * report data to the supervision platform. Each step is audited in its own transaction.
 */
export function createReportService(deps: EvaluationDeps, at: EvaluationSitting) {
  const { db, clock } = deps;
  const { sitting } = at;

  async function context(trx: Db, sectionId: string) {
    const ev = await reportTables(trx).selectFrom('evaluation.evaluation').selectAll().where('section_id', '=', sectionId).where('sitting', '=', sitting).forUpdate().executeTakeFirst();
    if (!ev?.summary || !ev.summarised_at) throw new DomainError('EVALUATION_REPORT_NOT_READY', 'the chair has not computed the summary yet', { reason: 'summary' });
    const report = await reportTables(trx).selectFrom('evaluation.report').selectAll().where('section_id', '=', sectionId).where('sitting', '=', sitting).forUpdate().executeTakeFirst();
    const members = await reportTables(trx).selectFrom('evaluation.member').selectAll().where('section_id', '=', sectionId).where('sitting', '=', sitting).orderBy('seq').execute();
    const signatures = await reportTables(trx).selectFrom('evaluation.report_signature').selectAll().where('section_id', '=', sectionId).where('sitting', '=', sitting).execute();
    return { ev, report, members, signatures };
  }

  type Context = Awaited<ReturnType<typeof context>>;

  /** The chair, before any signature. */
  function chairEditing(c: Context, caller: Caller) {
    const me = c.members.find((m) => m.user_id === caller.userId);
    if (!me) throw new DomainError('EVALUATION_NOT_MEMBER', 'you are not a member of this evaluation committee');
    if (c.ev.chair_member_id !== me.id) throw new DomainError('EVALUATION_NOT_CHAIR', 'only the chair drafts and generates the report');
    if (c.signatures.length) throw new DomainError('EVALUATION_REPORT_SIGNED', 'a member has signed the report: it no longer changes', { signatures: c.signatures.length });
    return me;
  }

  /** Content, HTML and SM3 from the stored summary and these parts, now. */
  async function frozen(trx: Db, c: Context, parts: EvaluationReportParts) {
    const section = await deps.sections.get(trx, c.ev.section_id);
    if (!section) throw new DomainError('SECTION_NOT_FOUND', `no section ${c.ev.section_id}`);
    const content = buildReportContent({
      section,
      window: { startsAt: c.ev.starts_at, endsAt: c.ev.ends_at },
      sitting,
      members: c.members,
      chairMemberId: c.ev.chair_member_id,
      summary: json<EvaluationSummary>(c.ev.summary),
      summarisedAt: c.ev.summarised_at!,
      parts,
      generatedAt: clock.now(),
    });
    return { content, html: reportHtml(content), reportSm3: toHex(sm3(canonicalJson(content))) };
  }

  async function save(trx: Db, c: Context, caller: Caller, parts: EvaluationReportParts, generate: boolean) {
    const now = clock.now();
    const regenerate = generate || c.report?.report_sm3 != null;
    const f = regenerate ? await frozen(trx, c, parts) : null;
    const values = {
      parts: JSON.stringify(parts),
      updated_at: now,
      ...(f ? { content: JSON.stringify(f.content), html: f.html, report_sm3: f.reportSm3, generated_by: caller.userId, generated_at: now } : {}),
    };
    if (c.report) await reportTables(trx).updateTable('evaluation.report').set(values).where('section_id', '=', c.ev.section_id).where('sitting', '=', sitting).execute();
    else await reportTables(trx).insertInto('evaluation.report').values({ section_id: c.ev.section_id, sitting, content: null, html: null, report_sm3: null, generated_by: null, generated_at: null, completed_at: null, outbox_message_id: null, ...values }).execute();
    await deps.audit.record(trx, caller.actor, {
      action: `${at.action}.${generate ? 'reportGenerated' : 'reportEdited'}`,
      targetType: 'section',
      targetId: c.ev.section_id,
      regionCode: c.ev.region_code,
      details: { reportSm3: f?.reportSm3 ?? null, previousSm3: c.report?.report_sm3 ?? null, parts },
    });
  }

  /** the chair's parts; a generated report is generated again with them (no one has signed). */
  async function edit(sectionId: string, parts: EvaluationReportParts, caller: Caller) {
    await db.transaction().execute(async (trx) => {
      const c = await context(trx, sectionId);
      chairEditing(c, caller);
      await save(trx, c, caller, parts, false);
    });
    return view(sectionId, caller);
  }

  /** the report from the stored summary and the parts as they stand. */
  async function generate(sectionId: string, caller: Caller) {
    await db.transaction().execute(async (trx) => {
      const c = await context(trx, sectionId);
      chairEditing(c, caller);
      await save(trx, c, caller, c.report ? json<EvaluationReportParts>(c.report.parts) : EMPTY_PARTS, true);
    });
    return view(sectionId, caller);
  }

  /** a member signs the report's SM3 (with its dissent, if any) with a certificate bound to its account; once. */
  async function sign(sectionId: string, body: EvaluationReportSignInput, caller: Caller) {
    await db.transaction().execute(async (trx) => {
      const c = await context(trx, sectionId);
      const me = c.members.find((m) => m.user_id === caller.userId);
      if (!me) throw new DomainError('EVALUATION_NOT_MEMBER', 'you are not a member of this evaluation committee');
      const reportSm3 = c.report?.report_sm3;
      if (!reportSm3) throw new DomainError('EVALUATION_REPORT_NOT_READY', 'the chair has not generated the report yet', { reason: 'generated' });
      if (c.signatures.some((s) => s.member_id === me.id)) throw new DomainError('EVALUATION_REPORT_ALREADY_SIGNED', 'you have signed this report already');
      const cert = await deps.personalCertificate(trx, caller.userId, body.certificatePem);
      const dissent = body.dissent?.trim() || null;
      if (!verifies(evaluationReportSigningPayload(sectionId, reportSm3, dissent, sitting), body.signature as JsonSignature, cert.publicKeyPem)) {
        throw new DomainError('EVALUATION_REPORT_SIGNATURE_INVALID', 'the signature is not over this report (and dissent) by your certificate', { reportSm3 });
      }
      const now = clock.now();
      await reportTables(trx)
        .insertInto('evaluation.report_signature')
        .values({ section_id: sectionId, sitting, member_id: me.id, report_sm3: reportSm3, certificate_fingerprint: cert.fingerprint, certificate_subject: cert.subject, signature: JSON.stringify(body.signature), dissent, signed_at: now })
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: `${at.action}.reportSigned`,
        targetType: 'section',
        targetId: sectionId,
        regionCode: c.ev.region_code,
        details: { memberId: me.id, role: me.role, seat: me.seat, reportSm3, certificateFingerprint: cert.fingerprint, signature: body.signature, dissent },
      });
      if (c.signatures.length + 1 === c.members.length) await complete(trx, c, reportSm3, caller);
    });
    return view(sectionId, caller);
  }

  /** Every member has signed: the report is complete, pushed to supervision, the tenderer and supervisors told. */
  async function complete(trx: Db, c: Context, reportSm3: string, caller: Caller) {
    const now = clock.now();
    const signatures = await reportTables(trx).selectFrom('evaluation.report_signature').selectAll().where('section_id', '=', c.ev.section_id).where('sitting', '=', sitting).execute();
    const content = json<EvaluationReportContent>(c.report!.content);
    const pushed = await deps.supervision(trx, {
      kind: at.reportKind,
      subjectType: 'section',
      subjectId: c.ev.section_id,
      regionCode: c.ev.region_code,
      content: supervisionMessage({ sitting, content, regionCode: c.ev.region_code, reportSm3, signatures, completedAt: now }),
    });
    await reportTables(trx).updateTable('evaluation.report').set({ completed_at: now, outbox_message_id: pushed.messageId }).where('section_id', '=', c.ev.section_id).where('sitting', '=', sitting).execute();
    await deps.audit.record(trx, caller.actor, {
      action: `${at.action}.reportCompleted`,
      targetType: 'section',
      targetId: c.ev.section_id,
      regionCode: c.ev.region_code,
      details: { reportSm3, signatures: signatures.length, dissents: signatures.filter((s) => s.dissent).length, supervisionMessageId: pushed.messageId, contentSm3: pushed.contentSm3 },
    });
    const section = await deps.sections.get(trx, c.ev.section_id);
    const title = `${at.zh.report}已完成：${content.projectName}${content.sectionName}`;
    const link = `/projects/sections/${c.ev.section_id}`;
    if (section) {
      await deps.notify(trx, { recipientKind: 'entity', recipientId: section.tendererEntityId, topic: `${at.action}.reportCompleted`, title, body: `${at.zh.committee}全体成员已签署${at.zh.report}，请登录平台查阅。`, link, dedupeKey: `${at.action}.reportCompleted:${c.ev.section_id}` });
    }
    for (const userId of await deps.supervisors(trx, c.ev.region_code)) {
      await deps.notify(trx, { recipientKind: 'user', recipientId: userId, topic: `${at.action}.reportCompleted`, title, body: `${at.zh.report}（SM3 ${reportSm3.slice(0, 16)}…）已推送至行政监督平台。`, link, dedupeKey: `${at.action}.reportCompleted:${c.ev.section_id}:${userId}` });
    }
  }

  const view = (sectionId: string, caller: Caller): Promise<EvaluationReportView> => reportViewOf(deps, sitting, sectionId, caller);

  return { edit, generate, sign, view };
}

function verifies(payload: unknown, signature: JsonSignature, publicKeyPem: string): boolean {
  try {
    return verifyJson(payload, signature, publicKeyFromPem(publicKeyPem));
  } catch {
    return false;
  }
}

export type ReportService = ReturnType<typeof createReportService>;
