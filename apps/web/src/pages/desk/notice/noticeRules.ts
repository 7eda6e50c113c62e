import type { NoticeType, SectionDetail } from '../../../api/notices.ts';

/** A-50, as the server applies it: open → tender notice; prequalification (or government invitation) → prequalification notice. */
export function noticeTypeFits(type: NoticeType, s: Pick<SectionDetail, 'method' | 'kind'>): boolean {
  if (type === 'tenderNotice') return s.method === 'open';
  return s.method === 'prequalification' || (s.method === 'invitation' && (s.kind === 'governmentGoods' || s.kind === 'governmentServices'));
}

export const NOTICE_TYPES: NoticeType[] = ['tenderNotice', 'prequalificationNotice'];
