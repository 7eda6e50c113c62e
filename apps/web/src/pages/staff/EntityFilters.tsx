import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { entityRoles, entityStatuses } from '@bidhall/contracts';
import type { EntityFilter } from '../../api/staff.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { useCatalog } from '../../hooks/useCatalog.tsx';

interface Props {
  filter: EntityFilter;
  onChange: (changes: Record<string, string | undefined>) => void;
}

/** Status, post-check, region, role and a search over name and credit code. */
export function EntityFilters({ filter, onChange }: Props) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { regionsWithin, regionName } = useCatalog();
  const regions = user ? regionsWithin(user.regionCode) : [];
  return (
    <Space wrap className="queue-filters" data-testid="entity-filters">
      <Input.Search
        allowClear
        defaultValue={filter.q}
        placeholder={t('staff.filters.search')}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: 280 }}
        data-testid="queue-search"
      />
      <Select
        allowClear
        placeholder={t('staff.filters.status')}
        value={filter.status}
        onChange={(v) => onChange({ status: v })}
        options={entityStatuses.map((s) => ({ value: s, label: t(`entityStatus.${s}`) }))}
        style={{ width: 140 }}
        data-testid="filter-status"
      />
      <Select
        allowClear
        placeholder={t('staff.filters.postCheck')}
        value={filter.postCheck}
        onChange={(v) => onChange({ postCheck: v })}
        options={(['pending', 'passed', 'failed'] as const).map((s) => ({ value: s, label: t(`postCheck.${s}`) }))}
        style={{ width: 150 }}
      />
      <Select
        allowClear
        placeholder={t('staff.filters.region')}
        value={filter.regionCode}
        onChange={(v) => onChange({ region: v })}
        options={regions.map((r) => ({ value: r.code, label: regionName(r.code) }))}
        style={{ width: 160 }}
      />
      <Select
        allowClear
        placeholder={t('staff.filters.role')}
        value={filter.role}
        onChange={(v) => onChange({ role: v })}
        options={entityRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        style={{ width: 150 }}
      />
    </Space>
  );
}
