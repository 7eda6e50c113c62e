import { KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HallView } from '../../api/opening.ts';

/**
 * The bids awaiting the custodians' remedy (A-112, E-bidding Measures art. 31), while the window is
 * open; a custodian (the trading centre, the supervisor, the tenderer) releases its shares from here.
 */
export function RemedyPanel({ view, custodian, onRelease }: { view: HallView; custodian: boolean; onRelease: () => void }) {
  const { t } = useTranslation();
  const awaiting = view.bidders.filter((b) => b.unseal.status === 'failed' && b.unseal.outcome === 'remedy');
  if (view.stage !== 'unsealing' || awaiting.length === 0) return null;
  return (
    <Card
      className="hall-card"
      title={t('hall.remedy.title')}
      data-testid="hall-remedy"
      extra={
        custodian && (
          <Button type="primary" icon={<KeyOutlined />} onClick={onRelease} data-testid="hall-remedy-release">
            {t('hall.remedy.release')}
          </Button>
        )
      }
    >
      <Alert type="warning" showIcon className="form-alert" title={t('hall.remedy.lead')} />
      <List
        size="small"
        dataSource={awaiting}
        renderItem={(b) => (
          <List.Item data-testid="hall-remedy-bid" data-entity={b.entityName}>
            <span>
              {b.order}. {b.entityName}
            </span>
            <Tag color="warning">{t('hall.remedy.awaiting')}</Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}
