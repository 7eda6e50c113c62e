import { CheckCircleOutlined, EditOutlined, FileDoneOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Popconfirm, Progress, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hallApi, type HallRef, type HallView, type OpeningRecordView } from '../../api/opening.ts';
import { problemMessage } from '../../api/problem.ts';
import { formatTime } from '../../format.ts';
import { RecordContent } from './RecordContent.tsx';
import { hallWords } from './sitting.ts';

/** Signing brings the crypto code: loaded when a bidder opens it. */
const RecordSignModal = lazy(() => import('./RecordSignModal.tsx'));

type Signature = OpeningRecordView['signatures'][number];

/**
 * The opening record (A-114, A-115, B-017): drawn up from the hall by the tenderer or agency once the
 * readout is done and every objection answered, laid out by the region's template; each bidder signs it
 * with its certificate; published on the portal and pushed, the hall closes. An applications' hall
 * draws up its 资格预审申请文件开启记录 the same way (A-121…A-125).
 */
export function RecordPanel({ at, view, onChanged }: { at: HallRef; view: HallView; onChanged: () => void }) {
  const { t } = useTranslation();
  const w = hallWords(at.sitting);
  const { message } = App.useApp();
  const [record, setRecord] = useState<OpeningRecordView>();
  const [busy, setBusy] = useState<'drawUp' | 'publish'>();
  const [signing, setSigning] = useState(false);
  const summary = view.record;

  // The record as drawn up, again whenever the hall says a signature or the publication came.
  useEffect(() => {
    if (!summary) return;
    let live = true;
    hallApi.record(at).then(
      (r) => live && setRecord(r),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [at, summary?.recordSm3, summary?.signatures, summary?.publishedAt, summary]);

  if (!summary && !view.can.drawUpRecord && view.stage !== 'record') return null;

  const run = async (what: 'drawUp' | 'publish', call: () => Promise<OpeningRecordView>, done: string) => {
    setBusy(what);
    try {
      setRecord(await call());
      message.success(done);
      onChanged();
    } catch (err) {
      message.error(problemMessage(t, err));
    } finally {
      setBusy(undefined);
    }
  };

  const total = record?.record.bidders.length ?? view.bidders.length;
  const signed = record?.signatures.length ?? summary?.signatures ?? 0;
  return (
    <Card
      className="hall-card"
      title={
        <Space>
          <FileDoneOutlined />
          {t(`${w}.record.title`)}
          {summary?.publishedAt ? <Tag color="success">{t('hall.record.published')}</Tag> : summary ? <Tag color="processing">{t(`${w}.record.drawn`)}</Tag> : null}
        </Space>
      }
      data-testid="hall-record"
      data-state={summary?.publishedAt ? 'published' : summary ? 'drawnUp' : 'pending'}
      extra={
        <Space>
          {view.can.drawUpRecord && (
            <Popconfirm title={t(`${w}.record.drawUp`)} description={t(`${w}.record.drawUpConfirm`)} onConfirm={() => void run('drawUp', () => hallApi.drawUpRecord(at), t(`${w}.record.drawn`))} okButtonProps={{ ...{ 'data-testid': 'hall-record-draw-up-confirm' } }}>
              <Button type="primary" icon={<FileDoneOutlined />} loading={busy === 'drawUp'} data-testid="hall-record-draw-up">
                {t(`${w}.record.drawUp`)}
              </Button>
            </Popconfirm>
          )}
          {view.can.signRecord && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setSigning(true)} data-testid="hall-record-sign">
              {t('hall.record.sign')}
            </Button>
          )}
          {summary?.signedByMe && (
            <Tag icon={<CheckCircleOutlined />} color="success" data-testid="hall-record-signed-by-me">
              {t('hall.record.signed')}
            </Tag>
          )}
          {view.can.publishRecord && (
            <Popconfirm
              title={t(`${w}.record.publish`)}
              description={t(`${w}.record.publishConfirm`, { n: signed, total })}
              onConfirm={() => void run('publish', () => hallApi.publishRecord(at), t('hall.record.published'))}
              okButtonProps={{ ...{ 'data-testid': 'hall-record-publish-confirm' } }}
            >
              <Button icon={<SendOutlined />} loading={busy === 'publish'} data-testid="hall-record-publish">
                {t(`${w}.record.publish`)}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      {!summary ? (
        <Typography.Text type="secondary">{t(`${w}.record.drawUpHint`)}</Typography.Text>
      ) : (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} className="hall-record-facts">
            {record?.record.template && <Descriptions.Item label={t('hall.record.templateLabel')}>{t('hall.record.template', { name: record.record.template.name, version: record.record.template.version })}</Descriptions.Item>}
            <Descriptions.Item label={t(`${w}.record.drawn`)}>{formatTime(summary.drawnUpAt, true)}</Descriptions.Item>
            <Descriptions.Item label={t('hall.record.sm3')} span={2}>
              <span className="mono small" data-testid="hall-record-sm3">
                {summary.recordSm3}
              </span>
            </Descriptions.Item>
            {record?.publishedAt && (
              <Descriptions.Item label={t('hall.record.publishedAt')}>
                <Space>
                  {formatTime(record.publishedAt, true)}
                  {record.publicationId && (
                    <Link to={`/notices/${record.publicationId}`} data-testid="hall-record-portal-link">
                      {t('hall.record.viewOnPortal')}
                    </Link>
                  )}
                </Space>
              </Descriptions.Item>
            )}
          </Descriptions>
          {record && <RecordContent record={record.record} open={view.can.signRecord} />}
          <div className="hall-record-signatures">
            <Space className="small">
              {t(`${w}.record.signatures`)}
              <span data-testid="hall-record-signed-count" data-n={signed}>
                {t('hall.record.signedCount', { n: signed, total })}
              </span>
            </Space>
            <Progress percent={total ? Math.round((signed * 100) / total) : 0} size="small" showInfo={false} />
            <Table<Signature>
              size="small"
              rowKey="entityName"
              pagination={false}
              dataSource={record?.signatures ?? []}
              locale={{ emptyText: t(`${w}.record.noSignature`) }}
              data-testid="hall-record-signatures"
              columns={[
                { title: t('hall.record.signer'), dataIndex: 'entityName', render: (v: string) => <span data-testid="hall-record-signer">{v}</span> },
                { title: t('hall.record.signedAt'), dataIndex: 'signedAt', render: (v: string) => <span className="mono">{formatTime(v, true)}</span>, sorter: (a, b) => a.signedAt.localeCompare(b.signedAt) },
              ]}
            />
          </div>
        </>
      )}
      {signing && summary && (
        <Suspense fallback={null}>
          <RecordSignModal at={at} round={view.round} recordSm3={summary.recordSm3} onClose={() => setSigning(false)} onSigned={onChanged} />
        </Suspense>
      )}
    </Card>
  );
}
