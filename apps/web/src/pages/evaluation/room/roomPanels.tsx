import type { EvaluationView } from '@bidhall/contracts';
import { Skeleton } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';

/** The other panels load when their tab is first opened: the report brings the certificate code, the video room WebRTC. */
const ReportPanel = lazy(() => import('../report/ReportPanel.tsx'));
const VideoRoom = lazy(() => import('../video/VideoRoom.tsx').then((m) => ({ default: m.VideoRoom })));
const BidFiles = lazy(() => import('../compare/index.ts').then((m) => ({ default: m.BidFiles })));
const ComparisonTable = lazy(() => import('../compare/index.ts').then((m) => ({ default: m.ComparisonTable })));
const RedFlags = lazy(() => import('../compare/index.ts').then((m) => ({ default: m.RedFlags })));
const EffectiveDocumentsPanel = lazy(() => import('../documents/index.ts').then((m) => ({ default: m.EffectiveDocumentsPanel })));
const ClarificationsPanel = lazy(() => import('../clarify/index.ts').then((m) => ({ default: m.ClarificationsPanel })));

/**
 * Where the other panels of the evaluation room mount, each as a tab after the room's own: the effective
 * documents (../documents), the bid files,
 * the comparison and the red flags (../compare), clarifications (../clarify), the report and its
 * signatures (../report), the committee's audio/video room (../video). A panel lists itself
 * here with whom it shows to; the server decides again what each caller may do in it.
 */
export interface RoomPanel {
  key: string;
  /** An i18n key of the tab's label. */
  label: string;
  /** The label's key in a prequalification review (资格审查, decision 0032), where it differs. */
  reviewLabel?: string;
  shows: (view: EvaluationView, kind: string) => boolean;
  render: (view: EvaluationView, reload: () => void) => ReactNode;
}

const insider = (view: EvaluationView, kind: string) => view.members.some((m) => m.self) || kind === 'staff' || kind === 'supervisor';
const lazily = (node: ReactNode) => <Suspense fallback={<Skeleton active />}>{node}</Suspense>;

const member = (view: EvaluationView) => view.members.some((m) => m.self);
const opened = (view: EvaluationView) => view.state !== 'notOpened';
/** The bids' evaluation: a review of applications has no price to compare nor bidders to ask (decision 0032). */
const ofBids = (view: EvaluationView) => view.sitting !== 'application';

export const ROOM_PANELS: RoomPanel[] = [
  {
    key: 'documents',
    label: 'evaluation.tabs.documents',
    reviewLabel: 'applicationReview.tabs.documents',
    shows: (v, kind) => opened(v) && insider(v, kind),
    render: (v) => lazily(<EffectiveDocumentsPanel sectionId={v.sectionId} sitting={v.sitting} />),
  },
  { key: 'files', label: 'evaluation.tabs.files', reviewLabel: 'applicationReview.tabs.files', shows: (v) => opened(v) && member(v), render: (v) => lazily(<BidFiles sectionId={v.sectionId} sitting={v.sitting} />) },
  { key: 'compare', label: 'evaluation.tabs.compare', shows: (v, kind) => ofBids(v) && opened(v) && insider(v, kind), render: (v) => lazily(<><ComparisonTable sectionId={v.sectionId} /><RedFlags sectionId={v.sectionId} /></>) },
  {
    key: 'clarify',
    label: 'evaluation.tabs.clarify',
    shows: (v, kind) => ofBids(v) && opened(v) && insider(v, kind),
    render: (v) =>
      lazily(
        <ClarificationsPanel
          sectionId={v.sectionId}
          bids={v.bids}
          windowEndsAt={v.window?.endsAt ?? null}
          chair={v.members.some((m) => m.self && m.chair)}
          windowOpen={!!v.window?.openNow && v.summary === null}
        />,
      ),
  },
  { key: 'report', label: 'evaluation.tabs.report', reviewLabel: 'applicationReview.tabs.report', shows: (v, kind) => v.summary !== null && insider(v, kind), render: (v) => lazily(<ReportPanel sectionId={v.sectionId} />) },
  { key: 'video', label: 'evaluation.tabs.video', reviewLabel: 'applicationReview.tabs.video', shows: (v, kind) => v.state !== 'notOpened' && insider(v, kind), render: (v) => lazily(<VideoRoom sectionId={v.sectionId} />) },
];
