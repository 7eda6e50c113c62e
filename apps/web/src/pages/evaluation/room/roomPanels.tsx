import type { EvaluationView } from '@bidhall/contracts';
import { Skeleton } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';

/** The other panels load when their tab is first opened: the report brings the certificate code, the video room WebRTC. */
const ReportPanel = lazy(() => import('../report/ReportPanel.tsx'));
const VideoRoom = lazy(() => import('../video/VideoRoom.tsx').then((m) => ({ default: m.VideoRoom })));

/**
 * Where the other panels of the evaluation room mount, each as a tab after the room's own: the report
 * and its signatures (../report), the committee's audio/video room (../video). A panel lists itself
 * here with whom it shows to; the server decides again what each caller may do in it.
 */
export interface RoomPanel {
  key: string;
  /** An i18n key of the tab's label. */
  label: string;
  shows: (view: EvaluationView, kind: string) => boolean;
  render: (view: EvaluationView, reload: () => void) => ReactNode;
}

const insider = (view: EvaluationView, kind: string) => view.members.some((m) => m.self) || kind === 'staff' || kind === 'supervisor';
const lazily = (node: ReactNode) => <Suspense fallback={<Skeleton active />}>{node}</Suspense>;

export const ROOM_PANELS: RoomPanel[] = [
  { key: 'report', label: 'evaluation.tabs.report', shows: (v, kind) => v.summary !== null && insider(v, kind), render: (v) => lazily(<ReportPanel sectionId={v.sectionId} />) },
  { key: 'video', label: 'evaluation.tabs.video', shows: (v, kind) => v.state !== 'notOpened' && insider(v, kind), render: (v) => lazily(<VideoRoom sectionId={v.sectionId} />) },
];
