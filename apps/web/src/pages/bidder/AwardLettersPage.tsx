import { EyeOutlined } from '@ant-design/icons';
import type { MyAwardLetterView } from '@bidhall/contracts';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { awardApi } from '../../api/award.ts';
import { LettersShell, ReceiptCell, useAcknowledge } from '../../components/LettersShell.tsx';
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
  const loaded = useLoader(() => awardApi.myLetters(), []);
  const [open, setOpen] = useState<string>();
  const { acknowledging, acknowledge } = useAcknowledge(
    (id) => awardApi.acknowledge(id),
    t('bidder.awardLetters.ackDone'),
    loaded.reload,
  );
  const letter = loaded.data?.find((l) => l.id === open);

  return (
    <>
      <LettersShell
        testId="award-letters-page"
        title={t('bidder.awardLetters.title')}
        subtitle={t('bidder.awardLetters.subtitle')}
        lead={t('bidder.awardLetters.lead')}
        empty={t('bidder.awardLetters.empty')}
        loaded={loaded}
      >
        {(data) => (
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
                    <ReceiptCell
                      readText={l.readAt ? t('bidder.awardLetters.acknowledgedAt', { time: formatTime(l.readAt) }) : null}
                      busy={acknowledging === l.id}
                      onAcknowledge={() => void acknowledge(l.id)}
                      ackLabel={t('bidder.awardLetters.acknowledge')}
                      testIds={{ read: `award-letter-read-${l.id}`, ack: `award-letter-ack-${l.id}` }}
                    />
                  </Space>
                ),
              },
            ]}
          />
        )}
      </LettersShell>
      {letter && (
        <AwardLetterModal
          letter={letter}
          acknowledging={acknowledging === letter.id}
          onAcknowledge={() => void acknowledge(letter.id)}
          onClose={() => setOpen(undefined)}
        />
      )}
    </>
  );
}
