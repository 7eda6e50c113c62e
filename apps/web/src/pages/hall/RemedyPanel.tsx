import { CheckCircleOutlined, KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hallApi, type HallRef, type HallView, type RemedyKit } from '../../api/opening.ts';
import { hallWords } from './sitting.ts';

/**
 * The bids awaiting the custodians' remedy (A-112, E-bidding Measures art. 31), while the window is
 * open; a custodian (the trading centre, the supervisor, the tenderer) releases its shares from here,
 * and sees which bids it has released its shares of already.
 */
export function RemedyPanel({ at, view, custodian, onRelease }: { at: HallRef; view: HallView; custodian: boolean; onRelease: () => void }) {
  const { t } = useTranslation();
  const awaiting = view.bidders.filter((b) => b.unseal.status === 'failed' && b.unseal.outcome === 'remedy');
  const shown = view.stage === 'unsealing' && awaiting.length > 0;
  const [kit, setKit] = useState<RemedyKit>();

  // What this custodian has released already, again at every change of the hall.
  useEffect(() => {
    if (!shown || !custodian) return;
    let live = true;
    hallApi.remedyKit(at).then(
      (k) => live && setKit(k),
      () => live && setKit(undefined),
    );
    return () => {
      live = false;
    };
  }, [at, shown, custodian, view.lastSeq]);

  if (!shown) return null;
  const releasedByMe = new Set(kit?.bids.filter((b) => b.releasedByMe).map((b) => b.bidId));
  const allReleased = !!kit && kit.bids.length > 0 && kit.bids.every((b) => b.releasedByMe);
  return (
    <Card
      className="hall-card"
      title={t('hall.remedy.title')}
      data-testid="hall-remedy"
      extra={
        custodian && (
          <Button type="primary" icon={allReleased ? <CheckCircleOutlined /> : <KeyOutlined />} onClick={onRelease} disabled={allReleased} data-testid="hall-remedy-release" data-released={String(allReleased)}>
            {allReleased ? t('hall.remedy.released') : t('hall.remedy.release')}
          </Button>
        )
      }
    >
      <Alert type="warning" showIcon className="form-alert" title={t(`${hallWords(at.sitting)}.remedy.lead`)} />
      <List
        size="small"
        dataSource={awaiting}
        renderItem={(b) => (
          <List.Item data-testid="hall-remedy-bid" data-entity={b.entityName}>
            <span>
              {b.order}. {b.entityName}
            </span>
            <Space size={4}>
              {releasedByMe.has(b.bidId) && (
                <Tag icon={<CheckCircleOutlined />} color="success" data-testid="hall-remedy-released-by-me">
                  {t('hall.remedy.releasedByMe')}
                </Tag>
              )}
              <Tag color="warning">{t('hall.remedy.awaiting')}</Tag>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
