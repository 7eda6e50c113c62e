import { SECTION_STAGES } from '@bidhall/contracts';
import type { ListQuery } from '../../api/projects.ts';
import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../hooks/useCatalog.tsx';

interface Props {
  query: ListQuery;
  /** Which filters this list has. */
  show: { stage?: boolean; status?: boolean; region?: boolean };
  /** The regions offered (a staff member's scope); all regions when absent. */
  regionScope?: string;
  onChange: (changes: Record<string, string | undefined>) => void;
}

/** Search, stage, status and region filters of a projects list. */
export function ListFilters({ query, show, regionScope, onChange }: Props) {
  const { t } = useTranslation();
  const { regions, regionsWithin, regionName } = useCatalog();
  const offered = regionScope ? regionsWithin(regionScope) : regions;
  return (
    <Space wrap className="queue-filters" data-testid="projects-filters">
      <Input.Search
        allowClear
        defaultValue={query.q}
        placeholder={t('projects.filters.search')}
        onSearch={(q) => onChange({ q: q.trim() || undefined, page: undefined })}
        style={{ width: 300 }}
        data-testid="projects-search"
      />
      {show.stage && (
        <Select
          allowClear
          placeholder={t('projects.filters.stage')}
          value={query.stage}
          onChange={(v) => onChange({ stage: v, page: undefined })}
          options={SECTION_STAGES.map((s) => ({ value: s, label: t(`projects.stage.${s}`) }))}
          style={{ width: 150 }}
          data-testid="filter-stage"
        />
      )}
      {show.status && (
        <Select
          allowClear
          placeholder={t('projects.filters.status')}
          value={query.status}
          onChange={(v) => onChange({ status: v, page: undefined })}
          options={(['draft', 'submitted', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: t(`projects.status.${s}`) }))}
          style={{ width: 150 }}
          data-testid="filter-status"
        />
      )}
      {show.region && (
        <Select
          allowClear
          placeholder={t('projects.filters.region')}
          value={query.regionCode}
          onChange={(v) => onChange({ region: v, page: undefined })}
          options={offered.map((r) => ({ value: r.code, label: regionName(r.code) }))}
          style={{ width: 160 }}
          data-testid="filter-region"
        />
      )}
    </Space>
  );
}
