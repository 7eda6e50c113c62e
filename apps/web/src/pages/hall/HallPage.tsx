import { Alert, Badge, Skeleton } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../../auth/SessionContext.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { BiddersTable } from './BiddersTable.tsx';
import { HallActions } from './HallActions.tsx';
import { HallNotOpen } from './HallNotOpen.tsx';
import { HallProgressCard } from './HallProgressCard.tsx';
import { HallStageCard } from './HallStageCard.tsx';
import { MineAlert } from './MineAlert.tsx';
import { ObjectionsPanel } from './ObjectionsPanel.tsx';
import { ReadoutTable } from './ReadoutTable.tsx';
import { RecordPanel } from './RecordPanel.tsx';
import { RemedyPanel } from './RemedyPanel.tsx';
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
 * fetched again whenever the hall's stream reports a change.
 */
export default function HallPage() {
  const { t } = useTranslation();
  const { sectionId = '' } = useParams();
  const { user } = useSession();
  const clock = useHallClock();
  const hall = useHall(sectionId, clock);
  const [unsealing, setUnsealing] = useState(false);
  const [releasing, setReleasing] = useState(false);
  const v = hall.view;
  const asBidder = user?.kind === 'entity' && !!user.entity?.roles.includes('bidder') && !user.entity.roles.some((r) => r === 'tenderer' || r === 'agency');
  const back = asBidder ? `/bidder/sections/${sectionId}` : `/projects/sections/${sectionId}`;
  const watching = user?.kind === 'staff' || user?.kind === 'supervisor';
  // The section's opening custodians: the trading centre's staff, the supervisor, the tenderer (the server checks which).
  const custodian = watching || (user?.kind === 'entity' && !!user.entity?.roles.includes('tenderer'));

  return (
    <div data-testid="hall-page">
      <PageHeading
        title={v ? `${t('hall.title')} · ${v.sectionName}` : t('hall.title')}
        subtitle={v && t('hall.subtitle', { code: v.sectionCode, tenderer: v.tendererName, round: v.round })}
        trail={[{ title: v?.sectionName ?? '…', to: back }, { title: t('hall.title') }]}
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
            <HallNotOpen reason={hall.notOpen} back={back} onRefresh={hall.refresh} />
          ) : hall.error ? (
            <LoadError error={hall.error} onRetry={hall.refresh} />
          ) : (
            <Skeleton active paragraph={{ rows: 10 }} />
          )
        ) : (
          // One column: the bidders and the readout are wide tables, read by everyone in the hall.
          <>
            {watching && <Alert type="info" showIcon className="hall-card" title={t('hall.readOnly')} />}
            <HallStageCard view={v} clock={clock} onElapsed={hall.refresh}>
              <HallActions sectionId={sectionId} view={v} act={hall.act} onUnseal={() => setUnsealing(true)} onFailed={hall.refresh} />
            </HallStageCard>
            <MineAlert view={v} />
            <RemedyPanel sectionId={sectionId} view={v} custodian={custodian} onRelease={() => setReleasing(true)} />
            <BiddersTable view={v} />
            {(v.readout || v.stage === 'readout') && <ReadoutTable view={v} />}
            <HallProgressCard view={v} />
            <ObjectionsPanel sectionId={sectionId} view={v} onChanged={hall.refresh} />
            <RecordPanel sectionId={sectionId} view={v} onChanged={hall.refresh} />
          </>
        )}
      </div>
      {unsealing && (
        <Suspense fallback={null}>
          <UnsealModal sectionId={sectionId} act={hall.act} onClose={() => setUnsealing(false)} />
        </Suspense>
      )}
      {releasing && (
        <Suspense fallback={null}>
          <RemedyModal sectionId={sectionId} act={hall.act} onClose={() => setReleasing(false)} />
        </Suspense>
      )}
    </div>
  );
}
