import type { projectsQuery } from '@bidhall/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';

type Sort = z.output<typeof projectsQuery>['sort'];

/** `%text%` for LIKE, with LIKE's own characters taken literally. */
export function likeOf(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

/**
 * The order of a list of submissions (entry forms `ef`, tendering plans `pl`): by submission or
 * creation time, or by the given name column; unsubmitted ones last.
 */
export function submissionOrder(alias: 'ef' | 'pl', sort: Sort, nameColumn: 'p.name' | 'tp.name') {
  const submitted = sql.ref(`${alias}.submitted_at`);
  const created = sql.ref(`${alias}.created_at`);
  return {
    submittedAt: sql`${submitted} asc nulls last`,
    '-submittedAt': sql`${submitted} desc nulls last`,
    createdAt: sql`${created} asc`,
    '-createdAt': sql`${created} desc`,
    name: sql`${sql.ref(nameColumn)} asc`,
  }[sort];
}
