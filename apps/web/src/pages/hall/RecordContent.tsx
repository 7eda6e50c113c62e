import { Collapse, Descriptions, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReadoutRow } from '@bidhall/contracts';
import type { OpeningRecordView } from '../../api/opening.ts';
import { formatTime } from '../../format.ts';
import { UNSEAL_COLOURS } from './HallTags.tsx';
import { useReadoutColumns } from './readoutColumns.tsx';
import { hallWords } from './sitting.ts';

type FrozenRecord = OpeningRecordView['record'];
type Bidder = FrozenRecord['bidders'][number];

const OUTCOMES = ['remedy', 'revoked', 'withdrawn'] as const;
const isOutcome = (v: string | null): v is (typeof OUTCOMES)[number] => (OUTCOMES as readonly (string | null)[]).includes(v);

/**
 * What the opening record says, as frozen (A-115): the bidders in receipt order with their sign-in and
 * unsealing, the readout, K where the method draws it, and the objections with their answers — what
 * each bidder signs, so it is shown to them before they do. An applications' record (A-121…A-125) says
 * the same of applicants, and lists the decrypted applications with their files.
 */
export function RecordContent({ record, open }: { record: FrozenRecord; open: boolean }) {
  const { t } = useTranslation();
  const sitting = record.sitting ?? 'bid';
  const w = hallWords(sitting);
  const readoutColumns = useReadoutColumns({ fields: record.fields, sitting, testId: 'hall-record-readout', bond: false });
  const bidderColumns: TableColumnsType<Bidder> = [
    { title: t('hall.bidders.order'), dataIndex: 'order', width: 64, align: 'center' },
    { title: t(`${w}.bidders.entity`), dataIndex: 'entityName', render: (v: string) => <span data-testid="hall-record-bidder">{v}</span> },
    { title: t('hall.bidders.receivedAt'), dataIndex: 'receivedAt', width: 180, render: (v: string) => <span className="mono small">{formatTime(v, true)}</span> },
    { title: t('hall.bidders.signedInAt'), dataIndex: 'signedInAt', width: 180, render: (v: string | null) => (v ? <span className="mono small">{formatTime(v, true)}</span> : <span className="muted">—</span>) },
    {
      title: t('hall.bidders.unseal'),
      key: 'unseal',
      width: 240,
      render: (_, b) => (
        <Space orientation="vertical" size={2}>
          <Tag color={UNSEAL_COLOURS[b.unseal.status]} data-testid="hall-record-unseal" data-status={b.unseal.status} data-entity={b.entityName}>
            {t(`${w}.unsealStatus.${b.unseal.status}`)}
          </Tag>
          {b.unseal.at && <span className="small muted mono">{formatTime(b.unseal.at, true)}</span>}
          {b.unseal.outcome && <span className="small">{isOutcome(b.unseal.outcome) ? t(`${w}.outcome.${b.unseal.outcome}`) : b.unseal.outcome}</span>}
          {b.unseal.code && <span className="small muted hall-reason">{t('hall.reason', { reason: t(`${w}.failureCode.${b.unseal.code}`) })}</span>}
        </Space>
      ),
    },
  ];

  const body = (
    <div data-testid="hall-record-content">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} className="hall-record-facts">
        <Descriptions.Item label={t('hall.record.project')}>{record.projectName}</Descriptions.Item>
        <Descriptions.Item label={t('hall.record.section')}>
          {record.sectionName}（{record.sectionCode}）
        </Descriptions.Item>
        <Descriptions.Item label={t(`${w}.deadline`)}>{formatTime(record.bidDeadline, true)}</Descriptions.Item>
        <Descriptions.Item label={t(`${w}.record.openedAt`)}>{formatTime(record.openedAt, true)}</Descriptions.Item>
        {record.unsealStartedAt && <Descriptions.Item label={t('hall.record.unsealStartedAt')}>{formatTime(record.unsealStartedAt, true)}</Descriptions.Item>}
        {record.unsealWindowEnd && <Descriptions.Item label={t('hall.windowEnd')}>{formatTime(record.unsealWindowEnd, true)}</Descriptions.Item>}
        {record.coefficient && sitting !== 'application' && (
          <Descriptions.Item label={t('hall.progress.coefficient')}>
            <span className="mono" data-testid="hall-record-coefficient">
              {record.coefficient.value}
            </span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('hall.record.frozenAt')}>{formatTime(record.frozenAt, true)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t(`${w}.bidders.title`)}</Typography.Title>
      <Table<Bidder> rowKey="order" size="small" pagination={false} columns={bidderColumns} dataSource={record.bidders} data-testid="hall-record-bidders" scroll={{ x: 800 }} />
      <Typography.Title level={5} className="hall-record-heading">
        {t(`${w}.readout.title`)}
      </Typography.Title>
      <Table<ReadoutRow> rowKey="bidId" size="small" pagination={false} columns={readoutColumns} dataSource={record.readout} data-testid="hall-record-readout" scroll={{ x: 600 }} />
      <Typography.Title level={5} className="hall-record-heading">
        {t('hall.objections.title')}
      </Typography.Title>
      {record.objections.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hall.objections.none')} />
      ) : (
        record.objections.map((o, i) => (
          <div key={i} className="hall-objection" data-testid="hall-record-objection">
            <div className="hall-objection-head">
              <strong>{o.entityName}</strong>
              <span className="muted small mono">{formatTime(o.raisedAt, true)}</span>
            </div>
            <div className="hall-objection-text">{o.text}</div>
            {o.answer && (
              <div className="hall-answer" data-testid="hall-record-objection-answer">
                <div className="small muted">
                  {t('hall.objections.answerBy')} · <span className="mono">{formatTime(o.answeredAt, true)}</span>
                </div>
                {o.answer}
              </div>
            )}
          </div>
        ))
      )}
    </div>
  );
  return <Collapse size="small" className="hall-record-content" defaultActiveKey={open ? ['content'] : []} items={[{ key: 'content', label: <span data-testid="hall-record-content-toggle">{t(`${w}.record.content`)}</span>, children: body, forceRender: true }]} />;
}
