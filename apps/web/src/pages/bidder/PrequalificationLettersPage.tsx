import { CheckOutlined, FileTextOutlined } from '@ant-design/icons';
import type { MyPrequalificationLetterView } from '@bidhall/contracts';
import { App, Button, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { prequalificationApi } from '../../api/prequalification.ts';
import { problemMessage } from '../../api/problem.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { OUTCOME_COLOURS } from '../projects/prequalification/ResultLettersTable.tsx';

/**
 * 资格预审结果通知书 in the bidder's workspace: the letters issued to the entity — passed or
 * failed with the reasons — each acknowledged (签收). The server's notifications link here.
 */
export default function PrequalificationLettersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useLoader(() => prequalificationApi.myLetters(), []);
  const [acknowledging, setAcknowledging] = useState<string>();

  const acknowledge = async (id: string) => {
    setAcknowledging(id);
    try {
      await prequalificationApi.acknowledge(id);
      message.success(t('prequalificationLetters.ackDone'));
      await reload();
    } catch (err) {
      message.error(problemMessage(t, err));
    } finally {
      setAcknowledging(undefined);
    }
  };

  return (
    <div data-testid="pq-letters-page">
      <PageHeading
        title={t('prequalificationLetters.title')}
        subtitle={t('prequalificationLetters.subtitle')}
        trail={[{ title: t('bidder.title'), to: '/bidder' }, { title: t('prequalificationLetters.title') }]}
      />
      <div className="container page-body">
        <Typography.Paragraph type="secondary">{t('prequalificationLetters.lead')}</Typography.Paragraph>
        {error !== undefined && <LoadError error={error} onRetry={() => void reload()} />}
        {loading && !data && <Skeleton active />}
        {data && data.length === 0 && <Empty description={t('prequalificationLetters.empty')} />}
        {data && data.length > 0 && (
          <Table<MyPrequalificationLetterView>
            rowKey="id"
            dataSource={data}
            pagination={false}
            scroll={{ x: 1000 }}
            data-testid="pq-my-letters"
            columns={[
              {
                key: 'section',
                title: t('prequalificationLetters.section'),
                width: 240,
                render: (_, l) => (
                  <span>
                    {l.projectName}
                    <div className="muted small">{l.sectionName}</div>
                    <div className="muted small">{t('prequalificationLetters.tenderer', { name: l.tendererName })}</div>
                  </span>
                ),
              },
              {
                key: 'outcome',
                title: t('prequalificationLetters.outcome'),
                width: 110,
                render: (_, l) => (
                  <Tag color={OUTCOME_COLOURS[l.outcome]} data-testid={`pq-my-outcome-${l.id}`} data-outcome={l.outcome}>
                    {t(`prequalification.letters.outcomes.${l.outcome}`)}
                  </Tag>
                ),
              },
              {
                key: 'reason',
                title: t('prequalificationLetters.reason'),
                render: (_, l) => (
                  <div>
                    <div className="pre-wrap">{l.reason}</div>
                    <div className="muted small">
                      {t('prequalificationLetters.sm3')}
                      <span className="mono break">{l.contentSm3}</span>
                    </div>
                    {l.publicationId && (
                      <Link to={`/notices/${l.publicationId}`}>
                        <FileTextOutlined /> {t('prequalificationLetters.notice')}
                      </Link>
                    )}
                  </div>
                ),
              },
              {
                key: 'issued',
                title: t('prequalificationLetters.issuedAt'),
                width: 150,
                render: (_, l) => formatTime(l.issuedAt),
              },
              {
                key: 'receipt',
                title: t('prequalificationLetters.receipt'),
                width: 170,
                render: (_, l) => (
                  <Space size={4} wrap>
                    {l.readAt ? (
                      <Tag color="success" data-testid={`pq-my-read-${l.id}`}>
                        {t('prequalificationLetters.acknowledgedAt', { time: formatTime(l.readAt) })}
                      </Tag>
                    ) : (
                      <Button
                        size="small"
                        type="primary"
                        icon={<CheckOutlined />}
                        loading={acknowledging === l.id}
                        onClick={() => void acknowledge(l.id)}
                        data-testid={`pq-my-ack-${l.id}`}
                      >
                        {t('prequalificationLetters.acknowledge')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </div>
    </div>
  );
}
