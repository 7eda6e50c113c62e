import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeadlineEffect } from '../../../api/documents.ts';
import { formatTime } from '../../../format.ts';

/** B-012: a clarification later than 15 days before the deadline moves it; shown before and after issuing. */
export function DeadlineEffectView({ effect, issued }: { effect: DeadlineEffect; issued: boolean }) {
  // Before issuing, the server's preview of issuing now; after, its decision.
  const { t } = useTranslation();
  const type = effect.status === 'deadlineMoves' ? 'warning' : 'success';
  const key = `desk.clarify.effect.${effect.status}${issued ? 'Issued' : ''}` as const;
  return (
    <Alert
      type={type}
      showIcon
      className="form-alert"
      data-testid="deadline-effect"
      data-status={effect.status}
      title={t(key as never)}
      description={
        effect.status !== 'noDeadline' && (
          <div>
            {t('desk.clarify.effect.deadline', { time: formatTime(effect.deadline) })}
            {effect.newDeadline && (
              <div>
                <strong>{t(issued ? 'desk.clarify.effect.newDeadline' : 'desk.clarify.effect.newDeadlineIfNow', { time: formatTime(effect.newDeadline) })}</strong>
              </div>
            )}
            {!issued && <div className="muted">{t('desk.clarify.effect.preview')}</div>}
          </div>
        )
      }
    />
  );
}
