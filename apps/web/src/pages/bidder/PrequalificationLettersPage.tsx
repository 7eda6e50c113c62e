import { FileTextOutlined } from '@ant-design/icons';
import type { MyPrequalificationLetterView } from '@bidhall/contracts';
import { Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { prequalificationApi } from '../../api/prequalification.ts';
import { LettersShell, ReceiptCell, useAcknowledge } from '../../components/LettersShell.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { OUTCOME_COLOURS } from '../projects/prequalification/ResultLettersTable.tsx';

/**
 * 资格预审结果通知书 in the bidder's workspace: the letters issued to the entity — passed or
 * failed with the reasons — each acknowledged (签收). The server's notifications link here.
 */
export default function PrequalificationLettersPage() {
  const { t } = useTranslation();
  const loaded = useLoader(() => prequalificationApi.myLetters(), []);
  const { acknowledging, acknowledge } = useAcknowledge(
    (id) => prequalificationApi.acknowledge(id),
    t('prequalificationLetters.ackDone'),
    loaded.reload,
  );

  return (
    <LettersShell
      testId="pq-letters-page"
      title={t('prequalificationLetters.title')}
      subtitle={t('prequalificationLetters.subtitle')}
      lead={t('prequalificationLetters.lead')}
      empty={t('prequalificationLetters.empty')}
      loaded={loaded}
    >
      {(data) => (
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
                  <ReceiptCell
                    readText={l.readAt ? t('prequalificationLetters.acknowledgedAt', { time: formatTime(l.readAt) }) : null}
                    busy={acknowledging === l.id}
                    onAcknowledge={() => void acknowledge(l.id)}
                    ackLabel={t('prequalificationLetters.acknowledge')}
                    testIds={{ read: `pq-my-read-${l.id}`, ack: `pq-my-ack-${l.id}` }}
                  />
                </Space>
              ),
            },
          ]}
        />
      )}
    </LettersShell>
  );
}
