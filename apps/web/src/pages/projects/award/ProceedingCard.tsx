import { SafetyCertificateOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { SeparatedAwardView } from '@bidhall/contracts';
import { Alert, App, Button, Card, Collapse, Descriptions, Popconfirm, Skeleton, Space, Table, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { awardApi } from '../../../api/award.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';

const VoteChart = lazy(() => import('./VoteChart.tsx').then((m) => ({ default: m.VoteChart })));

type Round = SeparatedAwardView['rounds'][number];

/**
 * The award committee's sitting as recorded (评定分离): the method, the members, each round's count
 * (a chart, with the ballots), the minutes of a deliberation, the lot — its pool and its draw, which
 * anyone can re-check in public verification — the winner and the published reasons. A lot left
 * pending (a restart between commit and performance) is completed here.
 */
export function ProceedingCard({
  sectionId,
  proceeding: p,
  names,
  winner,
  canManage,
  onChanged,
}: {
  sectionId: string;
  proceeding: SeparatedAwardView;
  /** Candidates' names by bid id (the publicity's). */
  names: Map<string, string>;
  /** The decided winner's name, once decided. */
  winner: string | null;
  canManage: boolean;
  onChanged: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const nameOf = (id: string) => names.get(id) ?? p.rounds.flatMap((r) => r.counts).find((c) => c.bidId === id)?.entityName ?? id;

  const completeLot = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await awardApi.completeLot(sectionId);
      message.success(t('award.separated.lotDone'));
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const round = (r: Round, i: number) => (
    <Card
      key={i}
      size="small"
      type="inner"
      title={t('award.separated.round', { n: i + 1 })}
      data-testid={`proceeding-round-${i + 1}`}
    >
      {i > 0 && (
        <div className="muted small">{t('award.separated.roundAmong', { names: r.candidates.map(nameOf).join('、') })}</div>
      )}
      <Suspense fallback={<Skeleton active paragraph={{ rows: 2 }} />}>
        <VoteChart counts={r.counts} votesLabel={t('award.separated.counts')} />
      </Suspense>
      <Collapse
        size="small"
        ghost
        items={[
          {
            key: 'ballots',
            label: t('award.separated.ballots'),
            children: (
              <Table
                size="small"
                rowKey="voter"
                pagination={false}
                dataSource={r.ballots}
                columns={[
                  { key: 'voter', title: t('award.separated.voter'), dataIndex: 'voter', width: 200 },
                  { key: 'vote', title: t('award.separated.vote'), render: (_, b: Round['ballots'][number]) => nameOf(b.bidId) },
                ]}
              />
            ),
          },
        ]}
      />
      <Space wrap size={[8, 4]} data-testid="proceeding-counts">
        {r.counts.map((c) => (
          <Tag key={c.bidId}>
            {c.entityName} · {t('award.separated.votesN', { count: c.votes })}
          </Tag>
        ))}
      </Space>
    </Card>
  );

  return (
    <Card
      size="small"
      title={
        <Space wrap size={[8, 4]}>
          {t('award.separated.proceeding')}
          <Tag color="blue">{t(`award.separated.methods.${p.method}`)}</Tag>
          <Tag color={p.state === 'decided' ? 'success' : 'processing'} data-testid="proceeding-state" data-state={p.state}>
            {t(`award.separated.states.${p.state}`)}
          </Tag>
        </Space>
      }
      style={{ marginBottom: 16 }}
      data-testid="proceeding-card"
    >
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'method', label: t('award.separated.method'), children: t(`award.separated.methods.${p.method}`) },
          { key: 'at', label: t('award.separated.recordedAt'), children: formatTime(p.recordedAt) },
          {
            key: 'members',
            label: t('award.separated.members'),
            span: 2,
            children: (
              <Space wrap size={[4, 4]} data-testid="proceeding-members">
                {p.members.map((m) => (
                  <Tag key={m}>{m}</Tag>
                ))}
                <span className="muted small">{t('award.separated.membersCount', { count: p.members.length })}</span>
              </Space>
            ),
          },
          ...(p.method === 'voteThenLot' && p.shortlist
            ? [
                {
                  key: 'shortlist',
                  label: t('award.separated.lot'),
                  span: 2,
                  children: t('award.separated.shortlist', { count: p.shortlist }),
                },
              ]
            : []),
          ...(p.deliberation
            ? [
                { key: 'agreed', label: t('award.separated.agreed'), span: 2, children: nameOf(p.deliberation.bidId) },
                {
                  key: 'minutes',
                  label: t('award.separated.minutes'),
                  span: 2,
                  children: <div className="pre-wrap">{p.deliberation.minutes}</div>,
                },
              ]
            : []),
          ...(p.lot
            ? [
                {
                  key: 'pool',
                  label: t('award.separated.lotPool'),
                  span: 2,
                  children: (
                    <Space wrap size={[4, 4]} data-testid="proceeding-lot-pool">
                      {p.lot.pool.map((id) => (
                        <Tag key={id} color={id === p.lot?.selected ? 'gold' : undefined}>
                          {nameOf(id)}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
                {
                  key: 'draw',
                  label: t('award.separated.drawId'),
                  span: 2,
                  children: (
                    <a
                      href={`/verify?tab=draw&draw=${p.lot.drawId}`}
                      target="_blank"
                      rel="noreferrer"
                      className="mono small"
                      data-testid="proceeding-draw-verify"
                    >
                      <SafetyCertificateOutlined /> {p.lot.drawId} · {t('award.separated.verifyDraw')}
                    </a>
                  ),
                },
              ]
            : []),
          {
            key: 'winner',
            label: t('award.separated.selected'),
            span: 2,
            children: (
              <strong data-testid="proceeding-winner">
                {winner ?? (p.lot?.selected ? nameOf(p.lot.selected) : t('award.separated.notSelected'))}
              </strong>
            ),
          },
          { key: 'reason', label: t('award.separated.reason'), span: 2, children: <div className="pre-wrap">{p.reason}</div> },
        ]}
      />
      {p.rounds.length > 0 && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }} size={12}>
          {p.rounds.map(round)}
        </Space>
      )}
      {p.state === 'lotPending' && (
        <>
          <Alert
            type="warning"
            showIcon
            className="form-alert"
            style={{ marginTop: 12 }}
            title={t('award.separated.lotPendingHint')}
          />
          {canManage && (
            <Popconfirm
              title={t('award.separated.completeLotConfirm')}
              onConfirm={() => completeLot()}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
            >
              <Button type="primary" icon={<ThunderboltOutlined />} loading={busy} data-testid="proceeding-complete-lot">
                {t('award.separated.completeLot')}
              </Button>
            </Popconfirm>
          )}
        </>
      )}
      <ProblemAlert error={error} testId="proceeding-error" />
    </Card>
  );
}
