import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ScoringFactor, ScoringPoint } from '@bidhall/contracts';
import { Button, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { nextNumber } from './methodModel.ts';

interface Props {
  rows: ScoringFactor[];
  onChange: (rows: ScoringFactor[]) => void;
  newNumber: () => string;
  taken: string[];
  editable: boolean;
  faulty: Set<string>;
  withPrice: boolean;
}

function PointsTable({ factor, onChange, taken, editable, faulty }: { factor: ScoringFactor; onChange: (points: ScoringPoint[]) => void; taken: string[]; editable: boolean; faulty: Set<string> }) {
  const { t } = useTranslation();
  const rows = factor.points;
  const set = (i: number, patch: Partial<ScoringPoint>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const sum = rows.reduce((s, p) => s + (p.maxScore || 0), 0);
  return (
    <Table<ScoringPoint>
      size="small"
      className="desk-points"
      rowKey={(_, i) => String(i)}
      dataSource={rows}
      pagination={false}
      title={() => (
        <Space>
          {t('desk.method.points')}
          <Tag color={Math.abs(sum - factor.scoreRange.max) < 1e-6 ? 'green' : 'red'} data-testid={`points-sum-${factor.number}`}>
            {t('desk.method.pointsSum', { sum: Number(sum.toFixed(4)), max: factor.scoreRange.max })}
          </Tag>
        </Space>
      )}
      columns={[
        {
          key: 'number',
          title: t('desk.method.number'),
          width: 110,
          render: (_, r, i) => <Input value={r.number} disabled={!editable} status={faulty.has(r.number) ? 'error' : undefined} onChange={(e) => set(i, { number: e.target.value.trim() })} />,
        },
        {
          key: 'description',
          title: t('desk.method.scoringPoint'),
          render: (_, r, i) => <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} value={r.description} disabled={!editable} onChange={(e) => set(i, { description: e.target.value })} />,
        },
        {
          key: 'maxScore',
          title: t('desk.method.maxScore'),
          width: 110,
          render: (_, r, i) => <InputNumber value={r.maxScore} min={0} max={100} disabled={!editable} onChange={(v) => set(i, { maxScore: v ?? 0 })} />,
        },
        {
          key: 'actions',
          width: 48,
          render: (_, _r, i) => editable && <Button type="text" danger icon={<DeleteOutlined />} onClick={() => onChange(rows.filter((_x, j) => j !== i))} />,
        },
      ]}
      footer={
        editable
          ? () => (
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => onChange([...rows, { number: nextNumber(factor.number, taken), description: '', maxScore: 0 }])}>
                {t('desk.method.addPoint')}
              </Button>
            )
          : undefined
      }
    />
  );
}

/** Scoring factors (评分因素): number, name, category, weight, score range; points below each row. */
export function FactorTable({ rows, onChange, newNumber, taken, editable, faulty, withPrice }: Props) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<ScoringFactor>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const categories = (withPrice ? (['technical', 'commercial', 'price'] as const) : (['technical', 'commercial'] as const)).map((c) => ({
    value: c,
    label: t(`desk.method.category.${c}`),
  }));
  return (
    <Table<ScoringFactor>
      size="small"
      rowKey={(_, i) => String(i)}
      dataSource={rows}
      pagination={false}
      data-testid="factor-table"
      rowClassName={(r) => (faulty.has(r.number) ? 'desk-row-faulty' : '')}
      expandable={{
        defaultExpandAllRows: true,
        rowExpandable: (r) => r.category !== 'price',
        expandedRowRender: (r) => {
          const i = rows.indexOf(r);
          return <PointsTable factor={r} taken={taken} editable={editable} faulty={faulty} onChange={(points) => set(i, { points })} />;
        },
      }}
      columns={[
        {
          key: 'number',
          title: t('desk.method.number'),
          width: 100,
          render: (_, r, i) => <Input value={r.number} disabled={!editable} status={faulty.has(r.number) ? 'error' : undefined} onChange={(e) => set(i, { number: e.target.value.trim() })} />,
        },
        { key: 'name', title: t('desk.method.factorName'), render: (_, r, i) => <Input value={r.name} disabled={!editable} onChange={(e) => set(i, { name: e.target.value })} /> },
        {
          key: 'category',
          title: t('desk.method.categoryTitle'),
          width: 130,
          render: (_, r, i) => (
            <Select
              value={r.category}
              disabled={!editable}
              options={categories}
              style={{ width: '100%' }}
              onChange={(category) => set(i, { category, points: category === 'price' ? [] : r.points })}
            />
          ),
        },
        {
          key: 'weight',
          title: t('desk.method.weight'),
          width: 100,
          render: (_, r, i) => <InputNumber value={r.weight} min={0} max={100} disabled={!editable} onChange={(v) => set(i, { weight: v ?? 0 })} data-testid={`weight-${i}`} />,
        },
        {
          key: 'range',
          title: t('desk.method.scoreRange'),
          width: 190,
          render: (_, r, i) => (
            <Space.Compact>
              <InputNumber value={r.scoreRange.min} min={0} max={100} disabled={!editable} style={{ width: 80 }} onChange={(v) => set(i, { scoreRange: { ...r.scoreRange, min: v ?? 0 } })} />
              <InputNumber value={r.scoreRange.max} min={0} max={100} disabled={!editable} style={{ width: 80 }} onChange={(v) => set(i, { scoreRange: { ...r.scoreRange, max: v ?? 0 } })} />
            </Space.Compact>
          ),
        },
        {
          key: 'actions',
          width: 48,
          render: (_, _r, i) => editable && <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('desk.method.remove')} onClick={() => onChange(rows.filter((_x, j) => j !== i))} />,
        },
      ]}
      footer={
        editable
          ? () => (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                data-testid="factor-add"
                onClick={() => {
                  const number = newNumber();
                  onChange([...rows, { number, name: '', category: 'technical', weight: 0, scoreRange: { min: 0, max: 100 }, points: [{ number: `${number}.1`, description: '', maxScore: 100 }] }]);
                }}
              >
                {t('desk.method.addFactor')}
              </Button>
            )
          : undefined
      }
    />
  );
}
