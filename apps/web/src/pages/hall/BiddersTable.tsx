import { CheckCircleFilled } from '@ant-design/icons';
import { Card, Empty, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HallBid, HallView } from '../../api/opening.ts';
import { formatTime } from '../../format.ts';
import { BondTag, UnsealTag } from './HallTags.tsx';
import { hallWords } from './sitting.ts';

/**
 * The bids the hall opened, in receipt order (A-100), with sign-in, unsealing and bond (A-103, A-106,
 * A-112); an applications' hall lists its applicants the same way, with no bond (A-117, A-118).
 */
export function BiddersTable({ view }: { view: HallView }) {
  const { t } = useTranslation();
  const w = hallWords(view.sitting);
  const columns: TableColumnsType<HallBid> = [
    { title: t('hall.bidders.order'), dataIndex: 'order', width: 64, align: 'center' },
    {
      title: t(`${w}.bidders.entity`),
      dataIndex: 'entityName',
      render: (name: string, b) => (
        <span data-testid="hall-bidder" data-order={b.order}>
          {name}
          {view.mine?.bidId === b.bidId && <span className="hall-mine-mark"> ★</span>}
        </span>
      ),
    },
    { title: t('hall.bidders.receivedAt'), dataIndex: 'receivedAt', width: 190, render: (v: string) => <span className="mono small">{formatTime(v, true)}</span> },
    {
      title: t('hall.bidders.signedInAt'),
      dataIndex: 'signedInAt',
      width: 210,
      render: (v: string | null) =>
        v ? (
          <span className="mono small" data-testid="hall-signed-in">
            <CheckCircleFilled className="ok-icon" /> {formatTime(v, true)}
          </span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    { title: t('hall.bidders.unseal'), key: 'unseal', width: 220, render: (_, b) => <UnsealTag bid={b} sitting={view.sitting} /> },
    ...(view.sitting === 'application' ? [] : [{ title: t('hall.bidders.bond'), key: 'bond', width: 170, render: (_: unknown, b: HallBid) => <BondTag form={b.bond.form} status={b.bond.status} /> }]),
  ];
  return (
    <Card
      className="hall-card"
      title={t(`${w}.bidders.title`)}
      extra={view.bidders.length > 0 && <span className="muted">{t('hall.bidders.count', { n: view.bidders.length })}</span>}
    >
      <Table<HallBid>
        rowKey="bidId"
        size="middle"
        pagination={false}
        columns={columns}
        dataSource={view.bidders}
        data-testid="hall-bidders"
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`${w}.bidders.none`)} /> }}
      />
    </Card>
  );
}
