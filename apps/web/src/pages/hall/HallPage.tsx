import { Alert, Badge, Skeleton } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { HallRef, Sitting } from '../../api/opening.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { BiddersTable } from './BiddersTable.tsx';
import { FailureBanner } from './FailureBanner.tsx';
import { HallActions } from './HallActions.tsx';
import { HallNotOpen } from './HallNotOpen.tsx';
import { HallProgressCard } from './HallProgressCard.tsx';
import { HallStageCard } from './HallStageCard.tsx';
import { MineAlert } from './MineAlert.tsx';
import { ObjectionsPanel } from './ObjectionsPanel.tsx';
import { ReadoutTable } from './ReadoutTable.tsx';
import { RecordPanel } from './RecordPanel.tsx';
import { RemedyPanel } from './RemedyPanel.tsx';
import { hallWords } from './sitting.ts';
import { useHall, type LiveState } from './useHall.ts';
import { useHallClock } from './useHallClock.ts';
import './hall.css';

/** Unsealing and releasing shares bring the crypto code: loaded when opened. */
const UnsealModal = lazy(() => import('./UnsealModal.tsx'));
const RemedyModal = lazy(() => import('./RemedyModal.tsx'));

const LIVE_BADGE: Record<LiveState, 'default' | 'processing' | 'warning'> = { connecting: 'default', live: 'processing', reconnecting: 'warning' };

/**
 * 不见面开标 (issue 11, decision 0021): the opening hall of a section for its bidders, the tenderer or
 * agency, and the region's staff and supervisors (who only watch). Everything shown is the server's view,
 * fetched again whenever the hall's stream reports a change. The same page opens a prequalification
 * section's applications (sitting 'application', decision 0023, A-116…A-128) in their own words.
 */
export default function HallPage({ sitting = 'bid' }: { sitting?: Sitting }) {
  const { t } = useTranslation();
  const { sectionId = '' } = useParams();
  const { user } = useSession();
  const clock = useHallClock();
  const at: HallRef = useMemo(() => ({ sectionId, sitting }), [sectionId, sitting]);
  const hall = useHall(sectionId, sitting, clock);
  const w = hallWords(sitting);
  const title = t(`${w}.title`);
  const [unsealing, setUnsealing] = useState(false);
  const [releasing, setReleasing] = useState(false);
  const v = hall.view;
  const asBidder = user?.kind === 'entity' && !!user.entity?.roles.includes('bidder') && !user.entity.roles.some((r) => r === 'tenderer' || r === 'agency');
  const back = asBidder ? `/bidder/sections/${sectionId}` : `/projects/sections/${sectionId}`;
  const watching = user?.kind === 'staff' || user?.kind === 'supervisor';
  // The section's opening custodians: the trading centre's staff, the supervisor, the tenderer (the server checks which).
  const custodian = watching || (user?.kind === 'entity' && !!user.entity?.roles.includes('tenderer'));

  return (
    <div data-testid="hall-page" data-sitting={sitting}>
      <PageHeading
        title={v ? `${title} · ${v.sectionName}` : title}
        subtitle={v && t('hall.subtitle', { code: v.sectionCode, tenderer: v.tendererName, round: v.round })}
        trail={[{ title: v?.sectionName ?? '…', to: back }, { title }]}
        extra={
          v && (
            <span data-testid="hall-live" data-state={hall.live}>
              <Badge status={LIVE_BADGE[hall.live]} text={t(`hall.live.${hall.live}`)} />
            </span>
          )
        }
      />
      <div className="container page-body">
        {!v ? (
          hall.notOpen ? (
            <HallNotOpen sitting={sitting} reason={hall.notOpen} back={back} onRefresh={hall.refresh} />
          ) : hall.error ? (
            <LoadError error={hall.error} onRetry={hall.refresh} />
          ) : (
            <Skeleton active paragraph={{ rows: 10 }} />
          )
        ) : (
          // One column: the bidders and the readout are wide tables, read by everyone in the hall.
          <>
            <FailureBanner view={v} />
            {watching && <Alert type="info" showIcon className="hall-card" title={t(`${w}.readOnly`)} />}
            <HallStageCard view={v} clock={clock} onElapsed={hall.refresh}>
              <HallActions at={at} view={v} act={hall.act} onUnseal={() => setUnsealing(true)} onFailed={hall.refresh} />
            </HallStageCard>
            <MineAlert view={v} />
            <RemedyPanel at={at} view={v} custodian={custodian} onRelease={() => setReleasing(true)} />
            <BiddersTable view={v} />
            {(v.readout || v.stage === 'readout') && <ReadoutTable view={v} />}
            <HallProgressCard view={v} />
            <ObjectionsPanel at={at} view={v} onChanged={hall.refresh} />
            <RecordPanel at={at} view={v} onChanged={hall.refresh} />
          </>
        )}
      </div>
      {unsealing && (
        <Suspense fallback={null}>
          <UnsealModal at={at} act={hall.act} onClose={() => setUnsealing(false)} />
        </Suspense>
      )}
      {releasing && (
        <Suspense fallback={null}>
          <RemedyModal at={at} act={hall.act} onClose={() => setReleasing(false)} />
        </Suspense>
      )}
    </div>
  );
}
