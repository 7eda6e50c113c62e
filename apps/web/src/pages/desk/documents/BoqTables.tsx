import type { BoqBill, BoqItem, BoqUnit } from '@bidhall/contracts';
import { Input, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../projects/money.ts';

/** A row of the items tree: a unit project, a division, or an item (the leaves). */
interface TreeRow {
  key: string;
  level: 'unit' | 'division' | 'item';
  code: string;
  name: string;
  features?: string;
  unit?: string;
  quantity?: string;
  remark?: string;
  children?: TreeRow[];
}

const matches = (i: BoqItem, q: string) => !q || i.code.includes(q) || i.name.includes(q) || i.features.includes(q);

function tree(bill: BoqBill, q: string): TreeRow[] {
  return bill.units
    .map((u, ui): TreeRow => ({
      key: `u${ui}`,
      level: 'unit',
      code: u.code ?? '',
      name: u.name,
      children: u.divisions
        .map((d, di): TreeRow => ({
          key: `u${ui}d${di}`,
          level: 'division',
          code: d.code ?? '',
          name: d.name,
          children: d.items.filter((i) => matches(i, q)).map((i) => ({ key: `${ui}:${i.code}`, level: 'item', ...i })),
        }))
        .filter((d) => d.children!.length > 0),
    }))
    .filter((u) => u.children!.length > 0);
}

const multiline = (v?: string) => <span style={{ whiteSpace: 'pre-line' }}>{v}</span>;
const byNumber = (a?: string, b?: string) => Number(a ?? 0) - Number(b ?? 0);

/** the imported bill as a tree (unit project → division → items) and its other lists, per unit project. */
export function BoqTables({ bill }: { bill: BoqBill }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const rows = useMemo(() => tree(bill, query.trim()), [bill, query]);
  const units = useMemo(() => [...new Set(bill.units.flatMap((u) => u.divisions.flatMap((d) => d.items.map((i) => i.unit))))], [bill]);

  const itemColumns: ColumnsType<TreeRow> = [
    {
      key: 'code',
      title: t('desk.boq.code'),
      dataIndex: 'code',
      width: 220,
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (v: string, r) => (r.level === 'item' ? <span className="mono">{v}</span> : <Typography.Text strong>{v}</Typography.Text>),
    },
    { key: 'name', title: t('desk.boq.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'), render: (v: string, r) => (r.level === 'item' ? v : <Typography.Text strong>{v}</Typography.Text>) },
    { key: 'features', title: t('desk.boq.features'), dataIndex: 'features', render: multiline },
    {
      key: 'unit',
      title: t('desk.boq.unit'),
      dataIndex: 'unit',
      width: 90,
      filters: units.map((u) => ({ text: u, value: u })),
      // Keep the unit projects and divisions so that matching items stay in their place.
      onFilter: (value, r) => r.level !== 'item' || r.unit === value,
    },
    { key: 'quantity', title: t('desk.boq.quantity'), dataIndex: 'quantity', width: 120, align: 'right', sorter: (a, b) => byNumber(a.quantity, b.quantity), render: (v?: string) => <span className="mono">{v}</span> },
    { key: 'remark', title: t('desk.boq.remark'), dataIndex: 'remark', width: 140 },
  ];

  const itemTable = (items: BoqItem[]) => (
    <Table<BoqItem>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={items}
      columns={[
        { key: 'code', title: t('desk.boq.code'), dataIndex: 'code', sorter: (a, b) => a.code.localeCompare(b.code), render: (v: string) => <span className="mono">{v}</span> },
        { key: 'name', title: t('desk.boq.name'), dataIndex: 'name' },
        { key: 'features', title: t('desk.boq.features'), dataIndex: 'features', render: multiline },
        { key: 'unit', title: t('desk.boq.unit'), dataIndex: 'unit' },
        { key: 'quantity', title: t('desk.boq.quantity'), dataIndex: 'quantity', align: 'right', sorter: (a, b) => byNumber(a.quantity, b.quantity) },
      ]}
    />
  );
  const simple = <T extends object>(title: string, data: T[], columns: ColumnsType<T>) =>
    data.length > 0 && (
      <div className="boq-list" key={title}>
        <Typography.Title level={5}>{title}</Typography.Title>
        <Table<T> size="small" rowKey={(r) => JSON.stringify(r)} pagination={false} dataSource={data} columns={columns} />
      </div>
    );
  const perUnit = (render: (u: BoqUnit) => ReactNode) =>
    bill.units.map((u, i) => (
      <div key={i} data-testid="boq-unit-lists">
        <Typography.Title level={5}>{`${t('desk.boq.unitProject')}: ${u.name}`}</Typography.Title>
        {render(u)}
      </div>
    ));
  const money = (v?: string) => (v ? formatFen(v) : '');

  return (
    <Tabs
      items={[
        {
          key: 'items',
          label: t('desk.boq.tabs.items'),
          children: (
            <>
              <Input.Search allowClear placeholder={t('desk.boq.search')} onChange={(e) => setQuery(e.target.value)} style={{ maxWidth: 320, marginBottom: 12 }} data-testid="boq-search" />
              <Table<TreeRow> size="small" rowKey="key" pagination={false} dataSource={rows} columns={itemColumns} expandable={{ defaultExpandAllRows: true }} key={query} data-testid="boq-tree" />
            </>
          ),
        },
        {
          key: 'measures',
          label: t('desk.boq.tabs.measures'),
          children: perUnit((u) => (
            <>
              {u.measures.unitPrice.length > 0 && itemTable(u.measures.unitPrice)}
              {simple(t('desk.boq.lumpSum'), u.measures.lumpSum, [
                { key: 'code', title: t('desk.boq.code'), dataIndex: 'code' },
                { key: 'name', title: t('desk.boq.name'), dataIndex: 'name' },
                { key: 'remark', title: t('desk.boq.remark'), dataIndex: 'remark' },
              ])}
            </>
          )),
        },
        {
          key: 'others',
          label: t('desk.boq.tabs.others'),
          children: perUnit((u) => (
            <>
              {simple(t('desk.boq.provisionalSums'), u.others.provisionalSums, [
                { key: 'name', title: t('desk.boq.name'), dataIndex: 'name' },
                { key: 'amount', title: t('desk.boq.amount'), dataIndex: 'amountFen', align: 'right', render: money },
                { key: 'remark', title: t('desk.boq.remark'), dataIndex: 'remark' },
              ])}
              {simple(t('desk.boq.materialPrices'), u.others.materialPrices, [
                { key: 'name', title: t('desk.boq.name'), dataIndex: 'name', render: (v: string, r) => (r.specification ? `${v} ${r.specification}` : v) },
                { key: 'unit', title: t('desk.boq.unit'), dataIndex: 'unit' },
                { key: 'price', title: t('desk.boq.unitPriceFen'), dataIndex: 'unitPriceFen', align: 'right', render: money },
                { key: 'quantity', title: t('desk.boq.quantity'), dataIndex: 'quantity', align: 'right' },
              ])}
              {simple(t('desk.boq.specialistWorks'), u.others.specialistWorks, [
                { key: 'name', title: t('desk.boq.name'), dataIndex: 'name' },
                { key: 'scope', title: t('desk.boq.scope'), dataIndex: 'scope' },
                { key: 'amount', title: t('desk.boq.amount'), dataIndex: 'amountFen', align: 'right', render: money },
              ])}
              {simple(t('desk.boq.daywork'), u.others.daywork, [
                { key: 'category', title: t('desk.boq.category'), dataIndex: 'category', render: (v: 'labour' | 'material' | 'machinery') => t(`desk.boq.categories.${v}`) },
                { key: 'name', title: t('desk.boq.name'), dataIndex: 'name' },
                { key: 'unit', title: t('desk.boq.unit'), dataIndex: 'unit' },
                { key: 'quantity', title: t('desk.boq.quantity'), dataIndex: 'quantity', align: 'right' },
              ])}
              {simple(t('desk.boq.serviceFees'), u.others.serviceFees, [
                { key: 'name', title: t('desk.boq.name'), dataIndex: 'name' },
                { key: 'scope', title: t('desk.boq.scope'), dataIndex: 'scope' },
                { key: 'value', title: t('desk.boq.projectValue'), dataIndex: 'projectValueFen', align: 'right', render: money },
              ])}
            </>
          )),
        },
        {
          key: 'fees',
          label: t('desk.boq.tabs.fees'),
          children: perUnit((u) => (
            <>
              {simple(t('desk.boq.fees'), u.fees, [
                { key: 'name', title: t('desk.boq.name'), dataIndex: 'name' },
                { key: 'basis', title: t('desk.boq.basis'), dataIndex: 'basis' },
              ])}
              {simple(t('desk.boq.taxes'), u.taxes, [
                { key: 'name', title: t('desk.boq.name'), dataIndex: 'name' },
                { key: 'basis', title: t('desk.boq.basis'), dataIndex: 'basis' },
              ])}
            </>
          )),
        },
      ]}
    />
  );
}
