import { EXPERT_STATES, type ExpertState } from '@bidhall/contracts';
import { Input, Select, Space, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpertFilter } from '../../api/experts.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { specialtyTree } from './specialties.ts';

/** State, specialty, region (the caller's regions) and a search over the name: the server filters. */
export function PoolFilters({ filter, onChange }: { filter: ExpertFilter; onChange: (f: ExpertFilter) => void }) {
  const { t } = useTranslation();
  const { lang } = useLocale();
  const { user } = useSession();
  const { regionsWithin, regionName } = useCatalog();
  const regions = user ? regionsWithin(user.regionCode) : [];
  const tree = useMemo(() => specialtyTree(lang), [lang]);
  return (
    <Space wrap className="queue-filters" data-testid="expert-filters">
      <Input.Search
        allowClear
        defaultValue={filter.q}
        placeholder={t('experts.pool.search')}
        onSearch={(q) => onChange({ ...filter, q: q.trim() || undefined })}
        style={{ width: 220 }}
        maxLength={50}
        data-testid="expert-search"
      />
      <Select<ExpertState>
        allowClear
        placeholder={t('experts.pool.state')}
        value={filter.state}
        onChange={(v) => onChange({ ...filter, state: v })}
        options={EXPERT_STATES.map((s) => ({ value: s, label: t(`experts.states.${s}`) }))}
        style={{ width: 120 }}
        data-testid="expert-filter-state"
      />
      <TreeSelect
        allowClear
        placeholder={t('experts.pool.specialty')}
        value={filter.specialty}
        onChange={(v: string | undefined) => onChange({ ...filter, specialty: v })}
        treeData={tree}
        treeDefaultExpandAll
        style={{ width: 200 }}
        popupMatchSelectWidth={260}
        data-testid="expert-filter-specialty"
      />
      <Select
        allowClear
        placeholder={t('experts.pool.region')}
        value={filter.regionCode}
        onChange={(v: string | undefined) => onChange({ ...filter, regionCode: v })}
        options={regions.map((r) => ({ value: r.code, label: regionName(r.code) }))}
        style={{ width: 150 }}
        data-testid="expert-filter-region"
      />
    </Space>
  );
}
