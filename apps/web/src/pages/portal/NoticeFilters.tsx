import { DatePicker, Input, Select, Space, Switch } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { NoticeFilter } from '../../api/portal.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { PUBLICATION_TYPES } from './noticeParams.ts';

interface Props {
  filter: NoticeFilter;
  onChange: (changes: Record<string, string | undefined>) => void;
}

const ORDOS = '150600';

/** Full-text search (Chinese), region (Ordos and its banners and districts), category, type and dates. */
export function NoticeFilters({ filter, onChange }: Props) {
  const { t } = useTranslation();
  const { regionsWithin, regionName, categories, categoryName } = useCatalog();
  const regions = regionsWithin(ORDOS);
  return (
    <div className="portal-filters" data-testid="notice-filters">
      <Input.Search
        key={filter.q ?? ''}
        allowClear
        enterButton={t('common.search')}
        size="large"
        defaultValue={filter.q}
        maxLength={100}
        placeholder={t('portal.filters.search')}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        className="portal-search"
        data-testid="notice-search"
      />
      <Space wrap className="portal-filter-row">
        <Select
          allowClear
          placeholder={t('portal.filters.region')}
          value={filter.regionCode}
          onChange={(v) => onChange({ region: v })}
          options={regions.map((r) => ({ value: r.code, label: regionName(r.code) }))}
          style={{ width: 160 }}
          data-testid="filter-region"
        />
        <Select
          allowClear
          placeholder={t('portal.filters.category')}
          value={filter.category}
          onChange={(v) => onChange({ category: v })}
          options={categories.map((c) => ({ value: c.code, label: categoryName(c.code) }))}
          style={{ width: 180 }}
          data-testid="filter-category"
        />
        <Select
          allowClear
          placeholder={t('portal.filters.type')}
          value={filter.type}
          onChange={(v) => onChange({ type: v })}
          options={PUBLICATION_TYPES.map((type) => ({ value: type, label: t(`portal.types.${type}`) }))}
          style={{ width: 160 }}
          data-testid="filter-type"
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
          placeholder={[t('portal.filters.from'), t('portal.filters.to')]}
          onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          data-testid="filter-dates"
        />
        <span className="portal-switch">
          <Switch
            size="small"
            checked={filter.prominent === 'true'}
            onChange={(on) => onChange({ prominent: on ? 'true' : undefined })}
          />{' '}
          {t('portal.filters.prominentOnly')}
        </span>
      </Space>
    </div>
  );
}
