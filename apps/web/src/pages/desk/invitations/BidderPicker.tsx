import { Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bidderItems, invitationsApi, type BidderView } from '../../../api/notices.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { DeskProblem } from '../DeskProblem.tsx';

/** invitees come from the bidder database; the search runs on the server. */
export function BidderPicker({
  selected,
  onChange,
}: {
  selected: BidderView[];
  onChange: (bidders: BidderView[]) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const { data, error, loading } = useLoader(async () => bidderItems(await invitationsApi.bidders({ q: q || undefined })), [q]);
  const rows = [...selected, ...(data ?? []).filter((b) => !selected.some((s) => s.entityId === b.entityId))];

  return (
    <div data-testid="bidder-picker">
      <Input.Search
        allowClear
        placeholder={t('desk.invitation.searchBidders')}
        onSearch={(value) => setQ(value.trim())}
        data-testid="bidder-search"
        className="desk-search"
      />
      <DeskProblem error={error} />
      <Table<BidderView>
        size="small"
        rowKey="entityId"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 8 }}
        rowSelection={{
          selectedRowKeys: selected.map((b) => b.entityId),
          onChange: (_keys, picked) => onChange(picked),
          preserveSelectedRowKeys: true,
        }}
        columns={[
          { key: 'name', title: t('desk.invitation.bidderName'), dataIndex: 'name' },
          { key: 'creditCode', title: t('desk.invitation.creditCode'), dataIndex: 'creditCode', render: (v: string) => <span className="mono">{v}</span> },
          { key: 'region', title: t('desk.invitation.region'), dataIndex: 'regionCode', render: (v: string) => <Tag>{v}</Tag> },
        ]}
      />
    </div>
  );
}
