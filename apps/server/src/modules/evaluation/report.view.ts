import type { EvaluationReportContent, EvaluationReportParts, EvaluationReportView, Sitting } from '@bidhall/contracts';
import type { Caller } from './caller.ts';
import { type EvaluationDeps, json } from './evaluation.deps.ts';
import { reportTables } from './report.tables.ts';

const OFFICERS = new Set(['staff', 'supervisor', 'auditor', 'admin']);

/** The tenderer's users who sit on no committee read the report without any expert's name. */
function withoutExperts(c: EvaluationReportContent): EvaluationReportContent {
  const experts = new Set(c.members.filter((m) => m.role === 'expert').map((m) => m.memberId));
  return {
    ...c,
    members: c.members.map((m) => (m.role === 'expert' ? { ...m, name: '' } : m)),
    summary: { ...c.summary, outliers: c.summary.outliers.map((o) => (experts.has(o.memberId) ? { ...o, name: '' } : o)) },
  };
}

/**
 * The report as the caller may read it: members and officers in full (HTML included); the tenderer's
 * other users without the experts' names and without the rendered HTML (which names them). Bidders
 * never reach it (the route's scope).
 */
export async function reportViewOf(deps: Pick<EvaluationDeps, 'db'>, sitting: Sitting, sectionId: string, caller: Caller): Promise<EvaluationReportView> {
  const t = reportTables(deps.db);
  const ev = await t.selectFrom('evaluation.evaluation').select(['chair_member_id', 'summary']).where('section_id', '=', sectionId).where('sitting', '=', sitting).executeTakeFirst();
  const members = ev ? await t.selectFrom('evaluation.member').selectAll().where('section_id', '=', sectionId).where('sitting', '=', sitting).orderBy('role').orderBy('seat').orderBy('seq').execute() : [];
  const report = ev ? await t.selectFrom('evaluation.report').selectAll().where('section_id', '=', sectionId).where('sitting', '=', sitting).executeTakeFirst() : undefined;
  const signatures = report ? await t.selectFrom('evaluation.report_signature').selectAll().where('section_id', '=', sectionId).where('sitting', '=', sitting).execute() : [];
  const self = members.find((m) => m.user_id === caller.userId) ?? null;
  const insider = self !== null || OFFICERS.has(caller.kind);
  const bySig = new Map(signatures.map((s) => [s.member_id, s]));
  const state = !report ? 'none' : report.completed_at ? 'complete' : signatures.length ? 'signing' : report.report_sm3 ? 'generated' : 'draft';
  const content = report?.content ? json<EvaluationReportContent>(report.content) : null;
  return {
    sectionId,
    state,
    summarised: ev?.summary != null,
    chair: self !== null && ev?.chair_member_id === self.id,
    selfMemberId: self?.id ?? null,
    parts: report ? json<EvaluationReportParts>(report.parts) : null,
    content: content && !insider ? withoutExperts(content) : content,
    html: insider ? (report?.html ?? null) : null,
    reportSm3: report?.report_sm3 ?? null,
    generatedAt: report?.generated_at?.toISOString() ?? null,
    signatures: members.map((m) => {
      const s = bySig.get(m.id);
      return {
        memberId: m.id,
        role: m.role,
        seat: m.seat,
        name: insider || m.role === 'representative' ? m.name : null,
        signedAt: s?.signed_at.toISOString() ?? null,
        certificateFingerprint: s?.certificate_fingerprint ?? null,
        dissent: s?.dissent ?? null,
      };
    }),
    completedAt: report?.completed_at?.toISOString() ?? null,
    supervisionMessageId: report?.outbox_message_id ?? null,
  };
}
