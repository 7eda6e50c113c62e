import type { ComparisonView } from '@bidhall/contracts';
import { Card, Descriptions, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useLoader } from '../../../hooks/useLoader.ts';
import { formatFen } from '../../projects/money.ts';
import { compareApi } from './compareApi.ts';
import { PricedBill } from './PricedBill.tsx';
import './compare.css';

type Row = ComparisonView['bids'][number];

/** Signed fen, grouped: "-1,200.00". */
const signedFen = (fen: string) => (fen.startsWith('-') ? `-${formatFen(fen.slice(1))}` : `+${formatFen(fen)}`);
const percent = (p: number | null | undefined) => (p == null ? '' : `${p > 0 ? '+' : ''}${p.toFixed(2)}%`);
const numeric = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : Number.NaN);

/**
 * The committee's comparison of the bids: the document's requirements on top; per bid
 * the read-out values, a deviation from the requirements shown in red on its cell and named; the price
 * against the control price and every numeric value against the mean; sortable by any column. Below it,
 * the priced bills of quantities (PricedBill).
 */
export function ComparisonTable({ sectionId }: { sectionId: string }) {
  const { t } = useTranslation();
  const loaded = useLoader(() => compareApi.comparison(sectionId), [sectionId]);
  const view = loaded.data;
  if (!view)
    return (
      <Card title={t('evaluationCompare.table.title')} loading={loaded.loading}>
        <ProblemAlert error={loaded.error} />
      </Card>
    );
  const stats = new Map(view.statistics.map((s) => [s.field, s]));
  const checks = new Map((view.priceChecks?.bids ?? []).map((c) => [c.bidId, c]));
  const r = view.requirements;

  const fieldColumns: ColumnsType<Row> = view.fields.map((f) => ({
    key: f.key,
    title: f.unit && f.type !== 'money' ? `${f.label}（${f.unit}）` : f.label,
    align: f.type === 'money' || f.type === 'integer' ? 'right' : 'left',
    sorter:
      f.type === 'money' || f.type === 'integer'
        ? (a, b) => numeric(a.values[f.key]) - numeric(b.values[f.key])
        : (a, b) => String(a.values[f.key] ?? '').localeCompare(String(b.values[f.key] ?? '')),
    render: (_, row) => {
      const v = row.values[f.key];
      const off = row.deviations.find((d) => d.field === f.key);
      const mean = stats.get(f.key)?.bids.find((b) => b.bidId === row.bidId);
      return (
        <div className={off ? 'compare-deviation' : undefined} data-testid={off ? `deviation-${row.bidId}-${f.key}` : undefined}>
          <div>{v == null ? '—' : f.type === 'money' ? formatFen(String(v)) : String(v)}</div>
          {mean ? (
            <div className="compare-sub">
              {t('evaluationCompare.table.fromMean')} {percent(mean.fromMeanPercent)}
            </div>
          ) : null}
        </div>
      );
    },
  }));

  const columns: ColumnsType<Row> = [
    {
      key: 'bidder',
      title: t('evaluationCompare.table.bidder'),
      dataIndex: 'entityName',
      fixed: 'left',
      sorter: (a, b) => a.entityName.localeCompare(b.entityName),
    },
    ...fieldColumns,
    ...(view.priceChecks
      ? [
          {
            key: 'control',
            title: t('evaluationCompare.table.versusControl'),
            align: 'right' as const,
            sorter: (a: Row, b: Row) =>
              (checks.get(a.bidId)?.differencePercent ?? 0) - (checks.get(b.bidId)?.differencePercent ?? 0),
            render: (_: unknown, row: Row) => {
              const c = checks.get(row.bidId);
              return c ? (
                <span className={c.aboveControl ? 'compare-deviation' : undefined}>
                  {signedFen(c.differenceFen)} <span className="compare-sub">{percent(c.differencePercent)}</span>
                </span>
              ) : (
                '—'
              );
            },
          },
        ]
      : []),
    {
      key: 'deviations',
      title: t('evaluationCompare.table.deviations'),
      sorter: (a, b) => a.deviations.length - b.deviations.length,
      render: (_, row) =>
        row.deviations.length === 0 ? (
          <Tag color="green">{t('evaluationCompare.table.noDeviation')}</Tag>
        ) : (
          row.deviations.map((d) => (
            <Tooltip
              key={`${d.field}-${d.kind}`}
              title={
                d.required
                  ? `${t('evaluationCompare.table.requirement')}: ${d.field === 'price' || d.field === 'bond' ? formatFen(d.required) : d.required}`
                  : undefined
              }
            >
              <Tag color="red">
                {t(`evaluationCompare.table.deviation.${d.kind}`, {
                  field: view.fields.find((f) => f.key === d.field)?.label ?? d.field,
                })}
              </Tag>
            </Tooltip>
          ))
        ),
    },
  ];

  return (
    <>
      <Card title={t('evaluationCompare.table.title')} data-testid="comparison-table">
        <Descriptions size="small" column={4} title={t('evaluationCompare.table.requirement')}>
          <Descriptions.Item label={t('evaluationCompare.table.controlPrice')}>
            {r.controlPriceFen ? formatFen(r.controlPriceFen) : t('evaluationCompare.table.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluationCompare.table.maxDuration')}>
            {r.maxDurationDays !== null
              ? t('evaluationCompare.table.days', { n: r.maxDurationDays })
              : t('evaluationCompare.table.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluationCompare.table.quality')}>
            {r.qualityStandard ?? t('evaluationCompare.table.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('evaluationCompare.table.bond')}>
            {r.bidBondFen && r.bidBondFen !== '0' ? formatFen(r.bidBondFen) : t('evaluationCompare.table.none')}
          </Descriptions.Item>
        </Descriptions>
        <Table<Row>
          rowKey="bidId"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={view.bids}
          columns={columns}
          rowClassName={(row) => (row.deviations.length ? 'compare-row-deviating' : '')}
        />
        {view.statistics.length ? (
          <Descriptions size="small" column={1} className="compare-stats" title={t('evaluationCompare.table.statistics')}>
            {view.statistics.map((s) => {
              const f = view.fields.find((x) => x.key === s.field);
              const show = (v: string) => (f?.type === 'money' ? formatFen(v) : v);
              return (
                <Descriptions.Item key={s.field} label={f?.label ?? s.field}>
                  {t('evaluationCompare.table.min')} {show(s.min)} · {t('evaluationCompare.table.max')} {show(s.max)} ·{' '}
                  {t('evaluationCompare.table.mean')} {f?.type === 'money' ? formatFen(String(Math.round(s.mean))) : s.mean}
                </Descriptions.Item>
              );
            })}
          </Descriptions>
        ) : null}
      </Card>
      {view.pricedBill ? <PricedBill bill={view.pricedBill} bids={view.bids} /> : null}
    </>
  );
}
