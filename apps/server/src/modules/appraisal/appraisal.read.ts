import type {
  AgencyMeans,
  AgencyOwnAppraisal,
  AgencyPublicPage,
  AgencyPublicQuery,
  AgencyPublicRecord,
  AgencyRatingView,
  AgencyRecordView,
  SectionAgencyRatings,
} from '@bidhall/contracts';
import { type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type AppraisalDeps, tables } from './appraisal.deps.ts';
import type { AgencyRatingTable, AgencyRecordTable } from './appraisal.tables.ts';
import type { Caller } from './caller.ts';
import { raterKindOf, type RatingService } from './rating.service.ts';

const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Each item's mean, and the overall mean (of the three items together), over these ratings. */
export function meansOf(rows: readonly { compliance: number; service: number; efficiency: number }[]): AgencyMeans {
  const compliance = mean(rows.map((r) => r.compliance));
  const service = mean(rows.map((r) => r.service));
  const efficiency = mean(rows.map((r) => r.efficiency));
  const overall = compliance === null ? null : (compliance + service! + efficiency!) / 3;
  return {
    compliance: round2(compliance),
    service: round2(service),
    efficiency: round2(efficiency),
    overall: round2(overall),
    count: rows.length,
  };
}

function ratingView(r: Selectable<AgencyRatingTable>, sectionName: string | null): AgencyRatingView {
  return {
    id: r.id,
    sectionId: r.section_id,
    round: r.round,
    sectionName,
    agencyEntityId: r.agency_entity_id,
    agencyName: r.agency_name,
    regionCode: r.region_code,
    raterKind: r.rater_kind,
    raterName: r.rater_name,
    raterEntityName: r.rater_entity_name,
    compliance: r.compliance,
    service: r.service,
    efficiency: r.efficiency,
    comment: r.comment,
    ratedAt: r.rated_at.toISOString(),
  };
}

function recordView(r: Selectable<AgencyRecordTable>): AgencyRecordView {
  return {
    id: r.id,
    agencyEntityId: r.agency_entity_id,
    agencyName: r.agency_name,
    kind: r.kind,
    date: r.date,
    description: r.description,
    regionCode: r.region_code,
    sectionId: r.section_id,
    recorderName: r.recorder_name,
    recordedAt: r.recorded_at.toISOString(),
  };
}

/**
 * The appraisal as people read it (decision 0044): a section's ratings with who gave them, for its
 * tenderer, agency and officers; the agency's own ratings and records; and the public record — each
 * agency rated or recorded, with its means and records, and nothing of who rated or what they wrote.
 */
export function createAppraisalReading(deps: AppraisalDeps, ratings: RatingService) {
  async function ofSection(db: Db, sectionId: string, caller: Caller): Promise<SectionAgencyRatings> {
    const section = await deps.sections.get(db, sectionId);
    if (!section) throw new DomainError('SECTION_NOT_FOUND', `no section ${sectionId}`);
    const rows = await tables(db)
      .selectFrom('appraisal.agency_rating')
      .selectAll()
      .where('section_id', '=', sectionId)
      .orderBy('seq')
      .execute();
    const reason = await ratings.closed(db, section);
    const kind = raterKindOf(section, caller);
    const closedReason = reason ?? (!kind ? 'notRater' : (await ratings.ratedBy(db, sectionId, caller, kind)) ? 'rated' : null);
    return {
      sectionId,
      agency: section.agencyEntityId
        ? { entityId: section.agencyEntityId, name: section.agencyName ?? rows[0]?.agency_name ?? '' }
        : null,
      awardDecided: reason === 'noAgency' ? (await deps.awardDecision(db, sectionId)) !== null : reason === null,
      canRate: closedReason === null,
      closedReason,
      means: meansOf(rows),
      ratings: rows.map((r) => ratingView(r, section.name)),
    };
  }

  async function mine(db: Db, caller: Caller): Promise<AgencyOwnAppraisal> {
    const entity = caller.entity!;
    const rows = await tables(db)
      .selectFrom('appraisal.agency_rating')
      .selectAll()
      .where('agency_entity_id', '=', entity.id)
      .orderBy('seq', 'desc')
      .execute();
    const names = new Map<string, string | null>();
    for (const r of rows)
      if (!names.has(r.section_id)) names.set(r.section_id, (await deps.sections.get(db, r.section_id))?.name ?? null);
    const records = await tables(db)
      .selectFrom('appraisal.agency_record')
      .selectAll()
      .where('agency_entity_id', '=', entity.id)
      .orderBy('date', 'desc')
      .orderBy('seq', 'desc')
      .execute();
    return {
      entityId: entity.id,
      name: entity.name,
      means: meansOf(rows),
      ratings: rows.map((r) => ratingView(r, names.get(r.section_id) ?? null)),
      records: records.map(recordView),
    };
  }

  /** The public record: every agency rated or recorded (in the region and those below it), best overall mean first. */
  async function publicRecord(db: Db, query: AgencyPublicQuery): Promise<AgencyPublicPage> {
    const codes = query.regionCode ? deps.regions.codesWithin(query.regionCode) : null;
    if (codes && codes.length === 0) return { items: [], total: 0, offset: query.offset, limit: query.limit };
    const within = codes ? sql`region_code IN (${sql.join(codes)})` : sql`true`;
    // Every agency with a rating or a record in those regions, its means there, and its latest name on them.
    const agencies = sql`
      WITH r AS (
        SELECT agency_entity_id AS id, avg(compliance)::float8 AS c, avg(service)::float8 AS s, avg(efficiency)::float8 AS e, count(*)::int AS n
          FROM appraisal.agency_rating WHERE ${within} GROUP BY agency_entity_id),
      d AS (SELECT DISTINCT agency_entity_id AS id FROM appraisal.agency_record WHERE ${within}),
      a AS (SELECT id FROM r UNION SELECT id FROM d),
      named AS (
        SELECT DISTINCT ON (id) id, name FROM (
          SELECT agency_entity_id AS id, agency_name AS name, rated_at AS at FROM appraisal.agency_rating
          UNION ALL SELECT agency_entity_id, agency_name, recorded_at FROM appraisal.agency_record) x
        ORDER BY id, at DESC)
      SELECT a.id, named.name, r.c, r.s, r.e, coalesce(r.n, 0) AS n
        FROM a JOIN named ON named.id = a.id LEFT JOIN r ON r.id = a.id`;
    const counted = await sql<{ total: number }>`SELECT count(*)::int AS total FROM (${agencies}) x`.execute(db);
    const { rows } = await sql<{ id: string; name: string; c: number | null; s: number | null; e: number | null; n: number }>`
      SELECT * FROM (${agencies}) x
       ORDER BY (x.c + x.s + x.e) DESC NULLS LAST, x.n DESC, x.name, x.id
       LIMIT ${query.limit} OFFSET ${query.offset}`.execute(db);
    const ids = rows.map((r) => r.id);
    const records = ids.length
      ? await tables(db)
          .selectFrom('appraisal.agency_record')
          .select(['agency_entity_id', 'kind', 'date', 'description', 'region_code'])
          .where('agency_entity_id', 'in', ids)
          .$if(codes !== null, (q) => q.where('region_code', 'in', codes!))
          .orderBy('date', 'desc')
          .orderBy('seq', 'desc')
          .execute()
      : [];
    const recordsOf = (id: string): AgencyPublicRecord[] =>
      records
        .filter((x) => x.agency_entity_id === id)
        .map((x) => ({ kind: x.kind, date: x.date, description: x.description, regionCode: x.region_code }));
    const items = [];
    for (const r of rows) {
      const current = await deps.entities.get(db, r.id);
      const overall = r.c === null ? null : (Number(r.c) + Number(r.s) + Number(r.e)) / 3;
      items.push({
        entityId: r.id,
        name: current?.name ?? r.name,
        means: {
          compliance: round2(r.c === null ? null : Number(r.c)),
          service: round2(r.s === null ? null : Number(r.s)),
          efficiency: round2(r.e === null ? null : Number(r.e)),
          overall: round2(overall),
          count: Number(r.n),
        },
        records: recordsOf(r.id),
      });
    }
    return { items, total: Number(counted.rows[0]?.total ?? 0), offset: query.offset, limit: query.limit };
  }

  async function record(db: Db, id: string): Promise<AgencyRecordView> {
    return recordView(
      await tables(db).selectFrom('appraisal.agency_record').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  }

  return { ofSection, mine, publicRecord, record };
}

export type AppraisalReading = ReturnType<typeof createAppraisalReading>;
