import type { SessionUser, UserKind } from '../api/types.ts';

/** Where a user lands after login: entities to their workspace, staff to the verification queue, experts to their invitations. */
export function homePathFor(user: Pick<SessionUser, 'kind'>): string {
  if (user.kind === 'staff') return '/staff/verification';
  if (user.kind === 'expert') return '/expert/invitations';
  return '/workspace';
}

/** Who may open the staff pages: staff act, supervisors and auditors read. */
export const STAFF_READERS: readonly UserKind[] = ['staff', 'supervisor', 'auditor'];
