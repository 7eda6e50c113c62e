import { CheckOutlined, EyeOutlined } from '@ant-design/icons';
import type { MyAwardLetterView } from '@bidhall/contracts';
import { App, Button, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { awardApi } from '../../api/award.ts';
import { problemMessage } from '../../api/problem.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { formatFen } from '../projects/money.ts';
import { LETTER_KIND_COLOURS } from '../projects/award/LettersTable.tsx';
import { AwardLetterModal } from './AwardLetterModal.tsx';

/**
 * 中标通知书 in the bidder's workspace: the award notice or result notices issued to the entity,
 * each read, printed and acknowledged (签收). The server's notifications link here.
 */
export default function AwardLettersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useLoader(() => awardApi.myLetters(), []);
  const [open, setOpen] = useState<string>();
  const [acknowledging, setAcknowledging] = useState<string>();
  const letter = data?.find((l) => l.id === open);

  const acknowledge = async (id: string) => {
    setAcknowledging(id);
    try {
      await awardApi.acknowledge(id);
      message.success(t('bidder.awardLetters.ackDone'));
      await reload();
    } catch (err) {
      message.error(problemMessage(t, err));
    } finally {
      setAcknowledging(undefined);
    }
  };

  return (
    <div data-testid="award-letters-page">
      <PageHeading
        title={t('bidder.awardLetters.title')}
        subtitle={t('bidder.awardLetters.subtitle')}
        trail={[{ title: t('bidder.title'), to: '/bidder' }, { title: t('bidder.awardLetters.title') }]}
      />
      <div className="container page-body">
        <Typography.Paragraph type="secondary">{t('bidder.awardLetters.lead')}</Typography.Paragraph>
        {error !== undefined && <LoadError error={error} onRetry={() => void reload()} />}
        {loading && !data && <Skeleton active />}
        {data && data.length === 0 && <Empty description={t('bidder.awardLetters.empty')} />}
        {data && data.length > 0 && (
          <Table<MyAwardLetterView>
            rowKey="id"
            dataSource={data}
            pagination={false}
            scroll={{ x: 1100 }}
            data-testid="award-letters"
            columns={[
              {
                key: 'section',
                title: t('bidder.awardLetters.section'),
                width: 220,
                render: (_, l) => (
                  <span>
                    {l.projectName}
                    <div className="muted small">{l.sectionName}</div>
                  </span>
                ),
              },
              {
                key: 'kind',
                title: t('bidder.awardLetters.kind'),
                width: 130,
                render: (_, l) => (
                  <Tag color={LETTER_KIND_COLOURS[l.kind]} data-testid={`award-letter-kind-${l.id}`} data-kind={l.kind}>
                    {t(`bidder.awardLetters.kinds.${l.kind}`)}
                  </Tag>
                ),
              },
              { key: 'winner', title: t('bidder.awardLetters.winner'), dataIndex: 'winnerName', width: 200 },
              {
                key: 'price',
                title: t('bidder.awardLetters.price'),
                align: 'right',
                width: 140,
                render: (_, l) => <span className="mono">{formatFen(l.priceFen)}</span>,
              },
              {
                key: 'reason',
                title: t('bidder.awardLetters.reason'),
                render: (_, l) => (
                  <Typography.Paragraph ellipsis={{ rows: 2, tooltip: l.reason }} style={{ marginBottom: 0 }}>
                    {l.reason}
                  </Typography.Paragraph>
                ),
              },
              { key: 'issued', title: t('bidder.awardLetters.issuedAt'), width: 150, render: (_, l) => formatTime(l.issuedAt) },
              {
                key: 'receipt',
                title: t('bidder.awardLetters.receipt'),
                width: 210,
                render: (_, l) => (
                  <Space size={4} wrap>
                    <Button
                      size="small"
                      icon={<EyeOutlined />}
                      onClick={() => setOpen(l.id)}
                      data-testid={`award-letter-view-${l.id}`}
                    >
                      {t('bidder.awardLetters.view')}
                    </Button>
                    {l.readAt ? (
                      <Tag color="success" data-testid={`award-letter-read-${l.id}`}>
                        {t('bidder.awardLetters.acknowledgedAt', { time: formatTime(l.readAt) })}
                      </Tag>
                    ) : (
                      <Button
                        size="small"
                        type="primary"
                        icon={<CheckOutlined />}
                        loading={acknowledging === l.id}
                        onClick={() => void acknowledge(l.id)}
                        data-testid={`award-letter-ack-${l.id}`}
                      >
                        {t('bidder.awardLetters.acknowledge')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </div>
      {letter && (
        <AwardLetterModal
          letter={letter}
          acknowledging={acknowledging === letter.id}
          onAcknowledge={() => void acknowledge(letter.id)}
          onClose={() => setOpen(undefined)}
        />
      )}
    </div>
  );
}
