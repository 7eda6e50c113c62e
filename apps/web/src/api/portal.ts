// The public portal (disclosure module): notice lists and search, notice pages and the feeds. Anyone
// may read these; no session is needed.
import type { NoticeList, NoticeListItem, NoticePage, PublicationType, SectionDetail, SectionSnapshotView } from '@bidhall/contracts';
import { api } from './client.ts';

export type { NoticeList, NoticeListItem, NoticePage, PublicationType, SectionDetail, SectionSnapshotView };

/** GET /api/v1/public/notices: filters as the API accepts them (dates are Shanghai dates). */
export interface NoticeFilter {
  q?: string;
  regionCode?: string;
  category?: string;
  type?: PublicationType;
  sectionId?: string;
  prominent?: 'true' | 'false';
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

/** The feeds, as absolute paths on this site (the Atom feed is outside /api). */
export const FEEDS = {
  atom: '/feeds/notices.atom',
  json: '/api/v1/public/feed',
} as const;

/** The Atom feed narrowed to the list's region, category and type, so a reader can subscribe to a view. */
export function atomFeedUrl(filter: Pick<NoticeFilter, 'regionCode' | 'category' | 'type'>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  const qs = params.toString();
  return qs ? `${FEEDS.atom}?${qs}` : FEEDS.atom;
}

export const portalApi = {
  notices: (filter: NoticeFilter) => api.get<NoticeList>('/public/notices', { ...filter }),
  notice: (id: string) => api.get<NoticePage>(`/public/notices/${encodeURIComponent(id)}`),
  /** A section once it is public, with its current timetable: the key dates (the projects module). */
  section: (id: string) => api.get<SectionSnapshotView>(`/public/sections/${encodeURIComponent(id)}`),
};
