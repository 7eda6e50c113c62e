import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HallView } from '../../api/opening.ts';
import { formatTime } from '../../format.ts';

/** The failures shown as a banner over the whole page rather than in the stage card. */
export const BANNER_FAILURES: ReadonlySet<string> = new Set(['fewerThanThreeApplications']);

/**
 * Fewer than 3 prequalification applications (A-119, B-044): the applications are not opened and the
 * section is tendered again. Said prominently, at the top of the page, to everyone in the hall.
 */
export function FailureBanner({ view }: { view: HallView }) {
  const { t } = useTranslation();
  const failure = view.failure;
  if (view.stage !== 'failed' || !failure || !BANNER_FAILURES.has(failure.reason)) return null;
  return (
    <Alert
      type="error"
      showIcon
      banner
      className="hall-failure-banner"
      title={t(`applicationHall.failure.${failure.reason}`)}
      description={t('applicationHall.failureAt', { time: formatTime(failure.at, true) })}
      data-testid="hall-failure"
      data-reason={failure.reason}
    />
  );
}
