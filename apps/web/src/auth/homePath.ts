import type { SessionUser, UserKind } from '../api/types.ts';

/** Where a user lands after login: entities to their workspace, staff to the verification queue. */
export function homePathFor(user: Pick<SessionUser, 'kind'>): string {
  return user.kind === 'staff' ? '/staff/verification' : '/workspace';
}

/** Who may open the staff pages: staff act, supervisors and auditors read. */
export const STAFF_READERS: readonly UserKind[] = ['staff', 'supervisor', 'auditor'];
