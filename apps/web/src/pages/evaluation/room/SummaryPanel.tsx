import { CalculatorOutlined, SafetyCertificateOutlined, TrophyOutlined, WarningOutlined } from '@ant-design/icons';
import type { EvaluationSummary, EvaluationView } from '@bidhall/contracts';
import { Alert, App, Button, Card, Col, Empty, Row, Segmented, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluationApi } from '../../../api/evaluation.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { formatTime } from '../../../format.ts';
import { byRankThenName } from '../../projects/award/separatedModel.ts';
import { formatFen } from '../../projects/money.ts';
import { MIN_QUALIFIED, roomWords } from '../sitting.ts';
import { scoreSeries } from './chart.ts';
import { MemberChart } from './MemberChart.tsx';
import { scoredFactors } from './sheet.ts';
import { PriceFindingsCard } from './PriceFindingsCard.tsx';

type SummaryBid = EvaluationSummary['bids'][number];
type Outlier = EvaluationSummary['outliers'][number];
const num = (x: number | null) => (x === null ? '—' : x.toFixed(2));

/**
 * The chair computes the summary once every member has submitted; everyone in the room then reads the
 * compliance by majority, the score table with totals and ranks, the candidates
 * (B-026), and each member against the committee, the flagged outliers in red. In a review
 * the applicants who pass the prequalification instead of candidates — with a warning when they
 * are fewer than three — and scores only under the limited-number method; no price anywhere.
 */
export function SummaryPanel({ view, chair, onComputed }: { view: EvaluationView; chair: boolean; onComputed: (v: EvaluationView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const s = view.summary;
  const w = roomWords(view.sitting);

  const compute = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onComputed(await evaluationApi.summarise(view.sectionId, {}, view.sitting));
      message.success(t('evaluation.summary.done'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!s) {
    const all = view.progress.members > 0 && view.progress.submitted === view.progress.members;
    return (
      <Card data-testid="evaluation-summary-pending">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`${w}.summary.waiting`, { submitted: view.progress.submitted, members: view.progress.members })} />
        {chair && (
          <div className="room-center">
            <Button type="primary" size="large" icon={<CalculatorOutlined />} disabled={!all} loading={busy} onClick={() => void compute()} data-testid="summary-compute">
              {t('evaluation.summary.compute')}
            </Button>
          </div>
        )}
        <ProblemAlert error={error} testId="summary-error" />
      </Card>
    );
  }
  return <SummaryView summary={s} view={view} />;
}

function SummaryView({ summary: s, view }: { summary: EvaluationSummary; view: EvaluationView }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<'bid' | 'factor'>('bid');
  const factors = useMemo(() => (view.rubric ? scoredFactors(view.rubric) : []), [view.rubric]);
  const names = useMemo(() => new Map(s.outliers.map((o) => [o.memberId, o.name])), [s.outliers]);
  const series = useMemo(() => scoreSeries(s, factors, by, (id) => names.get(id) ?? ''), [s, factors, by, names]);
  const rank = new Map(s.ranking.map((r) => [r.bidId, r.rank]));
  const flagged = s.outliers.filter((o) => o.flagged);
  const review = view.sitting === 'application';
  const w = roomWords(view.sitting);
  // A review under the pass method scores nothing: no score table, no members compared.
  const scored = !review || s.method === 'limitedNumber';
  const priced = s.bids.some((b) => b.priceFen !== null);

  const compliance = (
    <Card title={t(`${w}.summary.compliance`)} className={scored ? 'room-section' : undefined}>
      <Table
        size="small"
        rowKey="bidId"
        pagination={false}
        dataSource={s.compliance}
        data-testid="summary-compliance"
        columns={[
          { title: t(`${w}.sheet.bidder`), dataIndex: 'entityName' },
          { title: t('evaluation.summary.result'), dataIndex: 'passed', width: 90, render: (p: boolean) => <Tag color={p ? 'green' : 'red'}>{t(p ? 'evaluation.summary.passed' : 'evaluation.summary.failed')}</Tag> },
          { title: t('evaluation.summary.failing'), render: (_, c) => c.failing.map((f) => `${f.number} ${f.title}`).join('；') || '—' },
        ]}
      />
    </Card>
  );

  return (
    <div data-testid="evaluation-summary">
      {s.failure && (
        // B-024: the tender failed (废标); nothing below is ranked or recommended.
        <Alert type="error" showIcon className="room-section" data-testid="summary-tender-failed" title={t('evaluation.summary.tenderFailed')} description={s.failure.reason} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          {review ? (
            <QualifiedCard summary={s} limit={view.rubric?.limit ?? null} />
          ) : (
            <Card title={<Space><TrophyOutlined />{t('evaluation.summary.candidates')}</Space>} extra={<span className="muted small">{formatTime(s.computedAt, true)}</span>}>
              <ol className="room-candidates" data-testid="summary-candidates">
                {byRankThenName(s.candidates).map((c) => (
                  <li key={c.bidId}>
                    {c.rank === null ? (
                      <Tag>{t('award.separated.unranked')}</Tag>
                    ) : (
                      <Tag color={c.rank === 1 ? 'gold' : 'blue'}>{t('evaluation.summary.rankNo', { rank: c.rank })}</Tag>
                    )}{' '}
                    {c.entityName}
                  </li>
                ))}
              </ol>
              {s.coefficient && <div className="muted small">{t('evaluation.summary.benchmark', { k: s.coefficient, price: formatFen(s.benchmarkPriceFen) })}</div>}
            </Card>
          )}
          {scored && compliance}
          {s.priceFindings && <PriceFindingsCard findings={s.priceFindings} />}
        </Col>
        <Col xs={24} xl={14}>
          {!scored && compliance}
          {scored && (
            <>
              <Card title={t(`${w}.summary.scores`)}>
                <Table<SummaryBid>
                  size="small"
                  rowKey="bidId"
                  pagination={false}
                  dataSource={s.bids}
                  data-testid="summary-scores"
                  scroll={{ x: true }}
                  columns={[
                    { title: t('evaluation.summary.rank'), width: 70, render: (_, b) => rank.get(b.bidId) ?? '—', sorter: (a, b) => (rank.get(a.bidId) ?? 99) - (rank.get(b.bidId) ?? 99), defaultSortOrder: 'ascend' },
                    { title: t(`${w}.sheet.bidder`), dataIndex: 'entityName' },
                    ...factors.map((f) => ({
                      title: `${f.number} ${f.name}`,
                      key: f.number,
                      align: 'right' as const,
                      render: (_: unknown, b: SummaryBid) => num(b.factors.find((x) => x.number === f.number)?.mean ?? null),
                      sorter: (a: SummaryBid, b: SummaryBid) => (a.factors.find((x) => x.number === f.number)?.mean ?? 0) - (b.factors.find((x) => x.number === f.number)?.mean ?? 0),
                    })),
                    // Applications carry no price: no price columns in a review.
                    ...(priced
                      ? [
                          { title: t('evaluation.summary.price'), align: 'right' as const, render: (_: unknown, b: SummaryBid) => <span className="mono">{formatFen(b.priceFen)}</span>, sorter: (a: SummaryBid, b: SummaryBid) => Number(BigInt(a.priceFen ?? 0) - BigInt(b.priceFen ?? 0)) },
                          { title: t('evaluation.summary.priceScore'), align: 'right' as const, render: (_: unknown, b: SummaryBid) => num(b.priceScore), sorter: (a: SummaryBid, b: SummaryBid) => (a.priceScore ?? 0) - (b.priceScore ?? 0) },
                        ]
                      : []),
                    { title: t(`${w}.summary.total`), align: 'right', render: (_, b) => <strong>{num(b.total)}</strong>, sorter: (a, b) => (a.total ?? 0) - (b.total ?? 0) },
                  ]}
                />
              </Card>
              <Card
                className="room-section"
                title={<Space>{t('evaluation.summary.members')}{flagged.length > 0 && <Tag color="red" icon={<WarningOutlined />}>{t('evaluation.summary.flaggedCount', { count: flagged.length })}</Tag>}</Space>}
                extra={<Segmented size="small" value={by} onChange={(v) => setBy(v as 'bid' | 'factor')} options={[{ value: 'bid', label: t('evaluation.summary.byBid') }, { value: 'factor', label: t('evaluation.summary.byFactor') }]} />}
              >
                {flagged.length > 0 && <Alert type="warning" showIcon className="form-alert" title={t(`${w}.summary.outlierNote`, { names: flagged.map((o) => o.name).join('、') })} data-testid="summary-outlier-alert" />}
                <MemberChart series={series} committeeLabel={t('evaluation.summary.committee')} flaggedLabel={t('evaluation.summary.flagged')} />
                <Table<Outlier>
                  size="small"
                  rowKey="memberId"
                  pagination={false}
                  dataSource={s.outliers}
                  data-testid="summary-outliers"
                  rowClassName={(o) => (o.flagged ? 'room-row-flagged' : '')}
                  onRow={(o) => ({ 'data-flagged': o.flagged ? 'yes' : 'no' }) as React.HTMLAttributes<HTMLElement>}
                  columns={[
                    { title: t('evaluation.members.name'), dataIndex: 'name', render: (n: string, o) => <Space>{n}{o.flagged && <Tag color="red">{t('evaluation.summary.flagged')}</Tag>}</Space> },
                    { title: t('evaluation.summary.deviation'), dataIndex: 'deviation', align: 'right', render: (d: number) => `${(d * 100).toFixed(1)}%`, sorter: (a, b) => a.deviation - b.deviation },
                    { title: t('evaluation.summary.robustZ'), dataIndex: 'robustZ', align: 'right', render: (z: number) => z.toFixed(2), sorter: (a, b) => a.robustZ - b.robustZ },
                    { title: t('evaluation.summary.worstFactor'), render: (_, o) => (o.worstFactor ? `${o.worstFactor.number}（${(o.worstFactor.deviation * 100).toFixed(1)}%）` : '—') },
                  ]}
                />
              </Card>
            </>
          )}
        </Col>
      </Row>
    </div>
  );
}

/**
 * 通过资格预审的申请人: the applicants who pass — all that passed the review (合格制), or the first
 * `limit` by total (有限数量制) with their place and total. Fewer than three: the prequalification is held
 * again (招标投标法实施条例 第十九条).
 */
function QualifiedCard({ summary: s, limit }: { summary: EvaluationSummary; limit: number | null }) {
  const { t } = useTranslation();
  const qualified = s.qualified ?? [];
  const tooFew = qualified.length < MIN_QUALIFIED;
  return (
    <Card
      title={<Space><SafetyCertificateOutlined />{t('applicationReview.summary.qualified')}<Tag color={tooFew ? 'orange' : 'green'}>{t('applicationReview.summary.qualifiedCount', { count: qualified.length })}</Tag></Space>}
      extra={<span className="muted small">{formatTime(s.computedAt, true)}</span>}
      data-testid="summary-qualified"
      data-count={qualified.length}
    >
      <div className="muted small card-lead">{s.method === 'limitedNumber' && limit !== null ? t('applicationReview.summary.limit', { limit }) : t('applicationReview.summary.passMethod')}</div>
      {qualified.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applicationReview.summary.none')} />
      ) : (
        <ol className="room-candidates" data-testid="summary-qualified-list">
          {qualified.map((q) => (
            <li key={q.bidId} data-testid="summary-qualified-applicant">
              {q.rank !== null ? <Tag color="blue">{t('evaluation.summary.rankNo', { rank: q.rank })}</Tag> : <Tag color="green">{t('evaluation.summary.passed')}</Tag>} {q.entityName}
              {q.total !== null && <span className="muted small"> · {t('applicationReview.summary.total')} {num(q.total)}</span>}
            </li>
          ))}
        </ol>
      )}
      {tooFew && <Alert type="warning" showIcon title={t('applicationReview.summary.tooFew')} description={t('applicationReview.summary.tooFewNote')} data-testid="summary-too-few" />}
    </Card>
  );
}
