import type { EvaluationReportContent, Sitting } from '@bidhall/contracts';
import type { ReportSignatureTable } from './report.tables.ts';

/**
 * The report data the supervision platform (行政监督平台) receives, canonicalised by the outbox:
 * the section, the members by seat, the results and ranking, the report's SM3 and who signed it with
 * which certificate. The signatures themselves stay in the platform's audit trail.
 */
export function supervisionMessage(input: {
  sitting: Sitting;
  content: EvaluationReportContent;
  regionCode: string;
  reportSm3: string;
  signatures: readonly ReportSignatureTable[];
  completedAt: Date;
}) {
  const { content: r } = input;
  const s = r.summary;
  const signed = new Map(input.signatures.map((x) => [x.member_id, x]));
  return {
    format: input.sitting === 'application' ? 'bidhall.supervision.applicationReviewReport.v1' : 'bidhall.supervision.evaluationReport.v1',
    section: { id: r.sectionId, code: r.sectionCode, name: r.sectionName, projectName: r.projectName, tendererName: r.tendererName, regionCode: input.regionCode },
    members: r.members.map((m) => {
      const sig = signed.get(m.memberId);
      return { seat: m.seat, role: m.role, name: m.name, chair: m.chair, certificateFingerprint: sig?.certificate_fingerprint ?? null, signedAt: sig?.signed_at.toISOString() ?? null, dissent: sig?.dissent ?? null };
    }),
    results: {
      method: s.method,
      coefficient: s.coefficient,
      benchmarkPriceFen: s.benchmarkPriceFen,
      compliance: s.compliance.map((c) => ({ bidId: c.bidId, entityName: c.entityName, passed: c.passed, failing: c.failing.map((f) => f.number) })),
      bids: s.bids.map((b) => ({ bidId: b.bidId, entityName: b.entityName, priceFen: b.priceFen, priceScore: b.priceScore, total: b.total, evaluatedPriceFen: b.evaluatedPriceFen })),
      flaggedSeats: s.outliers.filter((o) => o.flagged).map((o) => r.members.find((m) => m.memberId === o.memberId)?.seat ?? null),
    },
    ranking: s.ranking.map((x) => ({ rank: x.rank, bidId: x.bidId, entityName: x.entityName, total: x.total, evaluatedPriceFen: x.evaluatedPriceFen })),
    candidates: s.candidates.map((x) => ({ rank: x.rank, bidId: x.bidId, entityName: x.entityName })),
    // the prequalification's result, the applicants who pass.
    ...(s.qualified ? { qualified: s.qualified.map((x) => ({ bidId: x.bidId, entityName: x.entityName, rank: x.rank, total: x.total })) } : {}),
    reportSm3: input.reportSm3,
    generatedAt: r.generatedAt,
    completedAt: input.completedAt.toISOString(),
  };
}
