import type { ExpertApplication, ExpertEventView, ExpertRatingView, ExpertRecordView, ExpertView } from '@bidhall/contracts';
import type { Generated } from 'kysely';
import { json } from './experts.deps.ts';
import type { ExpertEventTable, ExpertRatingTable, ExpertRecordTable, ExpertTable } from './experts.tables.ts';

type Row<T> = { [K in keyof T]: T[K] extends Generated<infer U> ? U : T[K] };

export function expertViewOf(r: Row<ExpertTable>, rating: { mean: number | null; count: number }): ExpertView {
  return {
    id: r.id,
    name: r.name,
    idHint: r.id_hint,
    phone: r.phone,
    employer: json<ExpertApplication['employer']>(r.employer),
    title: r.title,
    level: r.level as ExpertView['level'],
    regionCode: r.region_code,
    specialties: r.specialties,
    conflicts: json<ExpertApplication['conflicts']>(r.conflicts),
    state: r.state as ExpertView['state'],
    source: r.source as ExpertView['source'],
    shared: r.shared,
    username: r.username,
    duplicateOf: r.duplicate_of,
    appliedAt: r.applied_at.toISOString(),
    decidedAt: r.decided_at?.toISOString() ?? null,
    updatedAt: r.updated_at.toISOString(),
    rating: rating.mean === null ? null : Math.round(rating.mean * 100) / 100,
    ratings: rating.count,
  };
}

export function eventViewOf(r: Row<ExpertEventTable>): ExpertEventView {
  return {
    id: r.id,
    action: r.action as ExpertEventView['action'],
    at: r.at.toISOString(),
    byUserId: r.by_user_id,
    byName: r.by_name,
    fromState: r.from_state as ExpertEventView['fromState'],
    toState: r.to_state as ExpertEventView['toState'],
    reason: r.reason,
    changes: r.changes === null ? null : json<ExpertEventView['changes']>(r.changes),
  };
}

export function recordViewOf(r: Row<ExpertRecordTable>): ExpertRecordView {
  return {
    id: r.id,
    kind: r.kind as ExpertRecordView['kind'],
    date: r.date,
    description: r.description,
    recordedBy: r.recorded_by,
    recordedByName: r.recorded_by_name,
    recordedAt: r.recorded_at.toISOString(),
  };
}

export function ratingViewOf(r: Row<ExpertRatingTable>): ExpertRatingView {
  return {
    id: r.id,
    sectionId: r.section_id,
    punctuality: Number(r.punctuality),
    competence: Number(r.competence),
    fairness: Number(r.fairness),
    comment: r.comment,
    ratedBy: r.rated_by,
    ratedAt: r.rated_at.toISOString(),
  };
}
