import { publicationType } from '@bidhall/contracts';
import type { NoticeFilter, PublicationType } from '../../api/portal.ts';

export const PAGE_SIZE = 20;
export const PUBLICATION_TYPES: readonly PublicationType[] = publicationType.options;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REGION = /^[1-9]\d{5}$/;

const date = (v: string | null) => (v && DATE.test(v) ? v : undefined);

/**
 * The list's filters live in the URL (bookmarkable, shareable); the cursor of the page shown does too,
 * so a reload stays on it. Values the API would refuse are dropped rather than sent.
 */
export function filterFromParams(params: URLSearchParams): NoticeFilter {
  const type = params.get('type');
  const region = params.get('region');
  const q = params.get('q')?.trim();
  return {
    q: q ? q.slice(0, 100) : undefined,
    regionCode: region && REGION.test(region) ? region : undefined,
    category: params.get('category') || undefined,
    type: type && (PUBLICATION_TYPES as readonly string[]).includes(type) ? (type as PublicationType) : undefined,
    prominent: params.get('prominent') === 'true' ? 'true' : undefined,
    from: date(params.get('from')),
    to: date(params.get('to')),
    limit: PAGE_SIZE,
  };
}

export function paramsWith(params: URLSearchParams, changes: Record<string, string | undefined | null>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === null || v === '') next.delete(k);
    else next.set(k, v);
  }
  return next;
}
