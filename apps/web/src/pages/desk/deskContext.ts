import { useOutletContext } from 'react-router';
import type { SectionDetail } from '../../api/notices.ts';

export interface DeskContext {
  section: SectionDetail;
  /** The caller's entity is the section's tenderer (reviews its agency's drafts, A-52). */
  isTenderer: boolean;
  reloadSection: () => Promise<void>;
}

export const useDesk = () => useOutletContext<DeskContext>();
