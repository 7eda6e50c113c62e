import type { AccountGrantView, UserKind } from '@bidhall/contracts';
import type { Selectable } from 'kysely';
import type { AccountGrantTable, UserAccountTable } from './identity.tables.ts';

type GrantRow = Selectable<AccountGrantTable>;

const json = (v: Record<string, unknown> | string) => (typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : v);

export function toGrantView(g: GrantRow): AccountGrantView {
  return {
    id: g.id,
    action: g.action as AccountGrantView['action'],
    status: g.status as AccountGrantView['status'],
    userId: g.user_id,
    username: g.username,
    displayName: g.display_name,
    kind: g.kind as UserKind,
    regionCode: g.region_code,
    department: g.department,
    categories: g.categories,
    personHint: g.person_hint,
    previous: g.previous === null ? null : (json(g.previous) as AccountGrantView['previous']),
    privileged: g.privileged,
    reason: g.reason,
    proposedBy: g.proposed_by,
    proposedAt: g.proposed_at.toISOString(),
    decidedBy: g.decided_by,
    decidedAt: g.decided_at ? g.decided_at.toISOString() : null,
    decisionNote: g.decision_note,
  };
}

export function termsOf(a: Pick<Selectable<UserAccountTable>, 'kind' | 'region_code' | 'department' | 'categories'>) {
  return { kind: a.kind, regionCode: a.region_code, department: a.department, categories: a.categories };
}

export function columnsOf(terms: ReturnType<typeof termsOf>) {
  return { kind: terms.kind, region_code: terms.regionCode, department: terms.department, categories: terms.categories };
}

/** What the trail keeps of a grant: never its password hash or the person's number. */
export function grantDetails(g: GrantRow): Record<string, unknown> {
  return {
    grantAction: g.action,
    userId: g.user_id,
    username: g.username,
    displayName: g.display_name,
    kind: g.kind,
    regionCode: g.region_code,
    department: g.department,
    categories: g.categories,
    personHint: g.person_hint,
    previous: g.previous === null ? null : json(g.previous),
    privileged: g.privileged,
    reason: g.reason,
    proposedBy: g.proposed_by,
  };
}

