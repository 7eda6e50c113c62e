import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import type { BidFilePart, BidFilesView, Sitting } from '@bidhall/contracts';
import { Alert, App, Button, Card, Collapse, Empty, Progress, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../api/problem.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useLoader } from '../../../hooks/useLoader.ts';
import { compareApi } from './compareApi.ts';

export const fileSize = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

/** Hands a fetched part to the browser: a PDF opens in a new tab, anything else (or on request) is saved. */
function hand(blob: Blob, name: string, download: boolean) {
  const href = URL.createObjectURL(blob);
  if (!download && blob.type === 'application/pdf') window.open(href, '_blank', 'noopener');
  else {
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    a.click();
  }
  // The new tab has read it by then.
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/**
 * The read-out bids' files for a member signed in: each bid's parts by role with names and
 * sizes, opened or saved through the server, which checks each against the bidder's signed hash while it
 * streams; a progress bar follows the transfer. Mounted in the evaluation room — and in the review room
 * with the applications' files (sitting 'application', decision 0032).
 */
export function BidFiles({ sectionId, sitting = 'bid' }: { sectionId: string; sitting?: Sitting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const w = sitting === 'application' ? 'applicationReview' : 'evaluationCompare';
  const loaded = useLoader(() => compareApi.bidFiles(sectionId, sitting), [sectionId, sitting]);
  const [reading, setReading] = useState<{ partId: string; name: string; percent: number }>();

  async function read(bidId: string, part: BidFilePart, download: boolean) {
    setReading({ partId: part.partId, name: part.name, percent: 0 });
    try {
      const blob = await compareApi.fetchPart(sectionId, bidId, part.partId, (received, total) =>
        setReading({ partId: part.partId, name: part.name, percent: total ? Math.floor((received * 100) / total) : 0 }),
        sitting,
      );
      hand(blob, part.name, download);
    } catch (err) {
      void message.error(problemMessage(t, err));
    } finally {
      setReading(undefined);
    }
  }

  const view: BidFilesView | undefined = loaded.data;
  return (
    <Card title={t(`${w}.files.title`)} data-testid="bid-files">
      <ProblemAlert error={loaded.error} />
      {view && !view.finished ? <Alert type="info" showIcon className="form-alert" message={t(`${w}.files.preparing`)} /> : null}
      {reading ? (
        <div data-testid="bid-file-progress">
          {t('evaluationCompare.files.reading', { name: reading.name })}
          <Progress percent={reading.percent} status="active" />
        </div>
      ) : null}
      {view && view.bids.length === 0 ? <Empty description={t(`${w}.files.empty`)} /> : null}
      {view && view.bids.length > 0 ? (
        <Collapse
          defaultActiveKey={view.bids.slice(0, 1).map((b) => b.bidId)}
          items={view.bids.map((b) => ({
            key: b.bidId,
            label: b.entityName,
            children: (
              <Table<BidFilePart>
                rowKey="partId"
                size="small"
                pagination={false}
                dataSource={b.parts}
                columns={[
                  { key: 'part', title: t('evaluationCompare.files.part'), render: (_, p) => (p.role === 'bidSummary' ? <Tag color="blue">{t('evaluationCompare.files.bidSummary')}</Tag> : (p.partName ?? p.partKey ?? '—')) },
                  { key: 'name', title: t('evaluationCompare.files.name'), dataIndex: 'name' },
                  { key: 'size', title: t('evaluationCompare.files.size'), align: 'right', render: (_, p) => fileSize(p.size) },
                  {
                    key: 'actions',
                    title: '',
                    render: (_, p) =>
                      p.available ? (
                        <Space>
                          <Button size="small" icon={<EyeOutlined />} disabled={!!reading} onClick={() => void read(b.bidId, p, false)} data-testid={`open-${p.partId}`}>
                            {t('evaluationCompare.files.open')}
                          </Button>
                          <Button size="small" icon={<DownloadOutlined />} disabled={!!reading} onClick={() => void read(b.bidId, p, true)}>
                            {t('evaluationCompare.files.download')}
                          </Button>
                        </Space>
                      ) : (
                        <Tag>{t('evaluationCompare.files.notReady')}</Tag>
                      ),
                  },
                ]}
              />
            ),
          }))}
        />
      ) : null}
    </Card>
  );
}
