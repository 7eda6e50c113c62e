import type { EvaluationView } from '@bidhall/contracts';
import type { ReactNode } from 'react';

/**
 * Where the other panels of the evaluation room mount, each as a tab after the room's own: the report
 * and its signatures (../report, ReportPanel), the video room (../video, VideoRoom), the remote venues
 * (../venues) and supervision's monitor (../monitor). A panel lists itself here with who sees it.
 */
export interface RoomPanel {
  key: string;
  /** An i18n key of the tab's label. */
  label: string;
  shows: (view: EvaluationView, kind: string) => boolean;
  render: (view: EvaluationView, reload: () => void) => ReactNode;
}

export const ROOM_PANELS: RoomPanel[] = [];
