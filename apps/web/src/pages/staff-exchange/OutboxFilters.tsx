import { Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DESTINATIONS, type OutboxFilter, STATUSES } from './exchangeApi.ts';

const KINDS = ['publication', 'publicationWithdrawal', 'tenderingProject', 'tenderDocument', 'prequalificationDocument', 'marketEntity', 'evaluationReport'] as const;
const KIND_PATTERN = /^[a-z][a-zA-Z]{2,40}$/;

type Filter = Omit<OutboxFilter, 'limit' | 'cursor'>;

/** Destination, status, kind and subject: applied by the server to the whole outbox, not the loaded page. */
export function OutboxFilters({ value, onChange }: { value: Filter; onChange: (f: Filter) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filter>(value);
  const kindInvalid = Boolean(draft.kind && !KIND_PATTERN.test(draft.kind));
  const apply = () => {
    if (kindInvalid) return;
    onChange({ ...draft, subjectId: draft.subjectId?.trim() || undefined, kind: draft.kind || undefined });
  };
  return (
    <Space wrap className="queue-filters">
      <Select
        allowClear
        placeholder={t('exchange.filters.destination')}
        value={draft.destination}
        onChange={(destination) => setDraft({ ...draft, destination })}
        options={DESTINATIONS.map((d) => ({ value: d, label: t(`exchange.destinationShort.${d}`) }))}
        style={{ width: 180 }}
        data-testid="outbox-destination"
      />
      <Select
        allowClear
        placeholder={t('exchange.filters.status')}
        value={draft.status}
        onChange={(status) => setDraft({ ...draft, status })}
        options={STATUSES.map((s) => ({ value: s, label: t(`exchange.statuses.${s}`) }))}
        style={{ width: 160 }}
        data-testid="outbox-status"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('exchange.filters.kind')}
        value={draft.kind}
        status={kindInvalid ? 'error' : undefined}
        onChange={(kind?: string) => setDraft({ ...draft, kind })}
        options={KINDS.map((k) => ({ value: k, label: `${t(`exchange.kinds.${k}`)} (${k})` }))}
        style={{ width: 240 }}
      />
      <Input
        allowClear
        placeholder={t('exchange.filters.subjectId')}
        value={draft.subjectId}
        maxLength={80}
        onChange={(e) => setDraft({ ...draft, subjectId: e.target.value })}
        onPressEnter={apply}
        style={{ width: 300 }}
      />
      <Button type="primary" onClick={apply}>
        {t('common.search')}
      </Button>
      <Button
        onClick={() => {
          setDraft({});
          onChange({});
        }}
      >
        {t('common.reset')}
      </Button>
    </Space>
  );
}
