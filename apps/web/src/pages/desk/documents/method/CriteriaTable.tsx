import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Criterion } from '@bidhall/contracts';
import { Button, Input, Table } from 'antd';
import { useTranslation } from 'react-i18next';

/** Pass/fail clauses (资格、形式、响应性评审标准; 价格折算因素) as an editable table. */
export function CriteriaTable({
  rows,
  onChange,
  newNumber,
  editable,
  faulty,
  testId,
}: {
  rows: Criterion[];
  onChange: (rows: Criterion[]) => void;
  newNumber: () => string;
  editable: boolean;
  faulty: Set<string>;
  testId: string;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Criterion>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Table<Criterion>
      size="small"
      rowKey={(_, i) => String(i)}
      dataSource={rows}
      pagination={false}
      data-testid={testId}
      rowClassName={(r) => (faulty.has(r.number) ? 'desk-row-faulty' : '')}
      locale={{ emptyText: t('desk.method.noClauses') }}
      columns={[
        {
          key: 'number',
          title: t('desk.method.number'),
          width: 110,
          render: (_, r, i) => <Input value={r.number} disabled={!editable} onChange={(e) => set(i, { number: e.target.value.trim() })} status={faulty.has(r.number) ? 'error' : undefined} />,
        },
        { key: 'title', title: t('desk.method.clauseTitle'), width: 220, render: (_, r, i) => <Input value={r.title} disabled={!editable} onChange={(e) => set(i, { title: e.target.value })} /> },
        {
          key: 'requirement',
          title: t('desk.method.requirement'),
          render: (_, r, i) => <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} value={r.requirement} disabled={!editable} onChange={(e) => set(i, { requirement: e.target.value })} />,
        },
        {
          key: 'actions',
          width: 48,
          render: (_, _r, i) =>
            editable && <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('desk.method.remove')} onClick={() => onChange(rows.filter((_x, j) => j !== i))} />,
        },
      ]}
      footer={
        editable
          ? () => (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => onChange([...rows, { number: newNumber(), title: '', requirement: '' }])} data-testid={`${testId}-add`}>
                {t('desk.method.addClause')}
              </Button>
            )
          : undefined
      }
    />
  );
}
