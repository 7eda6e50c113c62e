import { ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Steps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HallStage, HallView } from '../../api/opening.ts';
import { formatTime } from '../../format.ts';
import { BANNER_FAILURES } from './FailureBanner.tsx';
import { HallCountdown } from './HallCountdown.tsx';
import { hallWords } from './sitting.ts';
import type { HallClock } from './useHallClock.ts';

const FLOW = ['waiting', 'signIn', 'unsealing', 'readout', 'record', 'closed'] as const satisfies readonly HallStage[];

/** Where a failed opening stopped: at the opening with too few bids (applications), or at the start of unsealing. */
function stepOf(view: HallView): number {
  if (view.stage !== 'failed') return FLOW.indexOf(view.stage);
  return view.failure?.reason === 'fewerThanThreeSignedIn' ? FLOW.indexOf('unsealing') : FLOW.indexOf('signIn');
}

/**
 * The hall's stage (decision 0021: derived by the server from its facts and the clock), the deadline or
 * the unsealing window counting down on server time, the failure of an opening that did not happen, and
 * the actions the caller may take now.
 */
export function HallStageCard({ view, clock, onElapsed, children }: { view: HallView; clock: HallClock; onElapsed: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const w = hallWords(view.sitting);
  const failed = view.stage === 'failed';
  const counting = view.stage === 'waiting' ? { label: t(`${w}.countdown.toDeadline`), target: view.bidDeadline } : view.stage === 'unsealing' && view.unsealWindowEnd ? { label: t('hall.countdown.toWindowEnd'), target: view.unsealWindowEnd } : null;
  return (
    <Card className="hall-card" data-testid="hall-stage" data-stage={view.stage}>
      <Steps
        className="hall-steps"
        size="small"
        current={stepOf(view)}
        status={failed ? 'error' : view.stage === 'closed' ? 'finish' : 'process'}
        items={FLOW.map((s, i) => ({ title: failed && i === stepOf(view) ? t(`${w}.stages.failed`) : t(`${w}.stages.${s}`) }))}
      />
      <div className="hall-times">
        <div>
          <div className="muted small">{t(`${w}.deadline`)}</div>
          <div className="mono">{formatTime(view.bidDeadline, true)}</div>
        </div>
        {view.unsealWindowEnd ? (
          <div>
            <div className="muted small">{t('hall.windowEnd')}</div>
            <div className="mono" data-testid="hall-window-end">{formatTime(view.unsealWindowEnd, true)}</div>
          </div>
        ) : (
          <div>
            <div className="muted small">{t('hall.windowEnd')}</div>
            <div>{t('hall.window', { minutes: view.unsealWindowMinutes })}</div>
          </div>
        )}
        {counting && (
          <div className="hall-times-countdown">
            <div className="muted small">
              <ClockCircleOutlined /> {counting.label}
            </div>
            <HallCountdown key={counting.target} clock={clock} target={counting.target} onElapsed={onElapsed} testId="hall-countdown" />
          </div>
        )}
      </div>
      {/* Too few applications is said in a banner over the whole page instead. */}
      {failed && view.failure && !BANNER_FAILURES.has(view.failure.reason) && (
        <Alert type="error" showIcon className="form-alert" title={t(`${w}.failure.${view.failure.reason}`)} description={formatTime(view.failure.at, true)} data-testid="hall-failure" />
      )}
      {children}
    </Card>
  );
}
