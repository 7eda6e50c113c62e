import { Button, Card, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Sitting } from '../../api/opening.ts';
import { hallWords } from './sitting.ts';

/**
 * Outside a hall that is not open to the caller: before the deadline a bidder cannot even learn that a
 * hall holds its bid (404 by design, A-107), so this is a waiting room, not an error. It asks again by itself.
 */
export function HallNotOpen({ sitting, reason, back, onRefresh }: { sitting: Sitting; reason: 'beforeDeadline' | 'noDeadline'; back: string; onRefresh: () => void }) {
  const { t } = useTranslation();
  const w = hallWords(sitting);
  return (
    <Card data-testid="hall-not-open" data-reason={reason}>
      <Result
        status="info"
        title={t(`${w}.notOpen.title`)}
        subTitle={t(reason === 'noDeadline' ? `${w}.notOpen.noDeadline` : `${w}.notOpen.hint`)}
        extra={
          <Space>
            <Button onClick={onRefresh} data-testid="hall-not-open-refresh">{t('hall.notOpen.refresh')}</Button>
            <Link to={back}>
              <Button type="primary">{t('hall.notOpen.back')}</Button>
            </Link>
          </Space>
        }
      />
    </Card>
  );
}
