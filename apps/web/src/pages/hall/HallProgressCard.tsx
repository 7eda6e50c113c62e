import { Card, Descriptions, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HallView } from '../../api/opening.ts';
import { formatTime } from '../../format.ts';

/**
 * After the readout (A-113, §7): the price coefficient K drawn at opening, with a link to its draw's
 * public verification, and the progress of the background bulk decryption of all parts. An applications'
 * hall draws no coefficient: only the decryption's progress.
 */
export function HallProgressCard({ view }: { view: HallView }) {
  const { t } = useTranslation();
  const { bulk } = view;
  const coefficient = view.sitting === 'application' ? null : view.coefficient;
  if (!coefficient && !bulk) return null;
  const items = [];
  if (coefficient) {
    items.push({
      key: 'coefficient',
      label: t('hall.progress.coefficient'),
      children: (
        <span data-testid="hall-coefficient">
          <span className="mono">{coefficient.value ?? t('hall.progress.coefficientPending')}</span>
          {coefficient.drawId && (
            <>
              {' · '}
              <a href={`/verify?tab=draw&draw=${coefficient.drawId}`} target="_blank" rel="noreferrer" data-testid="hall-coefficient-verify">
                {t('hall.progress.verifyDraw')}
              </a>
            </>
          )}
        </span>
      ),
    });
  }
  if (bulk) {
    const percent = bulk.total > 0 ? Math.floor((bulk.done * 100) / bulk.total) : bulk.finishedAt ? 100 : 0;
    items.push({
      key: 'bulk',
      label: t('hall.progress.bulk'),
      children: (
        <div data-testid="hall-bulk" data-finished={bulk.finishedAt ? 'yes' : 'no'}>
          <Progress percent={bulk.finishedAt ? 100 : percent} status={bulk.finishedAt ? 'success' : 'active'} />
          <span className="muted small">
            {t('hall.progress.bulkParts', { done: bulk.done, total: bulk.total })}
            {bulk.finishedAt && ` · ${t('hall.progress.bulkDone')} ${formatTime(bulk.finishedAt, true)}`}
          </span>
        </div>
      ),
    });
  }
  return (
    <Card className="hall-card">
      <Descriptions column={1} size="small" items={items} />
    </Card>
  );
}
