import type { ExpertRecordView } from '@bidhall/contracts';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../format.ts';

const KIND_COLOURS: Record<ExpertRecordView['kind'], string> = { reward: 'success', penalty: 'error', training: 'blue', violation: 'warning' };

/** Rewards, penalties, training and violations, newest first. */
export function RecordsTab({ records }: { records: ExpertRecordView[] }) {
  const { t } = useTranslation();
  return (
    <Table<ExpertRecordView>
      rowKey="id"
      size="small"
      dataSource={records}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('experts.records.empty') }}
      data-testid="expert-records"
      onRow={(r) => ({ 'data-testid': 'expert-record-row', 'data-kind': r.kind }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('experts.records.date'), dataIndex: 'date', width: 110, sorter: (a, b) => a.date.localeCompare(b.date), defaultSortOrder: 'descend' },
        {
          title: t('experts.records.kind'),
          dataIndex: 'kind',
          width: 100,
          filters: (['reward', 'penalty', 'training', 'violation'] as const).map((k) => ({ text: t(`experts.records.kinds.${k}`), value: k })),
          onFilter: (v, r) => r.kind === v,
          render: (v: ExpertRecordView['kind']) => <Tag color={KIND_COLOURS[v]}>{t(`experts.records.kinds.${v}`)}</Tag>,
        },
        { title: t('experts.records.description'), dataIndex: 'description', render: (v: string) => <span className="pre-wrap">{v}</span> },
        { title: t('experts.records.by'), dataIndex: 'recordedByName', width: 110 },
        { title: t('experts.records.at'), dataIndex: 'recordedAt', width: 140, render: (v: string) => formatTime(v) },
      ]}
    />
  );
}
