import type { ExpertDetailView } from '@bidhall/contracts';
import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../format.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { RatingText } from './RatingText.tsx';
import { SpecialtyTags } from './tags.tsx';

/** The expert's facts; the ID number only as its hint (****123X), never in full. */
export function ProfileTab({ expert: e }: { expert: ExpertDetailView }) {
  const { t } = useTranslation();
  const { regionName } = useCatalog();
  const employers = e.conflicts.employers;
  const relatives = e.conflicts.relativesEmployers;
  return (
    <div data-testid="expert-profile">
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          { key: 'name', label: t('experts.fields.name'), children: e.name },
          { key: 'id', label: t('experts.fields.idHint'), children: <span className="mono" data-testid="expert-id-hint">{e.idHint}</span> },
          { key: 'phone', label: t('experts.fields.phone'), children: <span className="mono">{e.phone}</span> },
          { key: 'region', label: t('experts.fields.regionCode'), children: regionName(e.regionCode) },
          {
            key: 'employer',
            label: t('experts.fields.employer'),
            span: 2,
            children: (
              <>
                {e.employer.name}
                {e.employer.creditCode && <span className="mono muted small"> {e.employer.creditCode}</span>}
              </>
            ),
          },
          { key: 'title', label: t('experts.fields.title'), children: e.title },
          { key: 'level', label: t('experts.fields.level'), children: t(`experts.levels.${e.level}`) },
          { key: 'specialties', label: t('experts.fields.specialties'), span: 2, children: <SpecialtyTags codes={e.specialties} /> },
          { key: 'source', label: t('experts.fields.source'), children: t(`experts.sources.${e.source}`) },
          { key: 'shared', label: t('experts.fields.shared'), children: t(e.shared ? 'experts.detail.sharedYes' : 'experts.detail.sharedNo') },
          { key: 'username', label: t('experts.fields.username'), children: e.username ? <span className="mono">{e.username}</span> : <span className="muted">{t('experts.detail.noAccount')}</span> },
          { key: 'rating', label: t('experts.fields.rating'), children: <RatingText rating={e.rating} count={e.ratings} /> },
          { key: 'applied', label: t('experts.fields.appliedAt'), children: formatTime(e.appliedAt, true) },
          { key: 'decided', label: t('experts.fields.decidedAt'), children: formatTime(e.decidedAt, true) },
          ...(e.duplicateOf ? [{ key: 'dup', label: t('experts.fields.duplicateOf'), span: 2, children: <Typography.Text className="mono small" copyable>{e.duplicateOf}</Typography.Text> }] : []),
        ]}
      />
      <div className="card-subheading">{t('experts.conflicts.employers')}</div>
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => `${r.name}/${r.from}`}
        dataSource={employers}
        locale={{ emptyText: t('experts.conflicts.none') }}
        columns={[
          { title: t('experts.conflicts.unitName'), dataIndex: 'name' },
          { title: t('experts.conflicts.creditCodeLabel'), dataIndex: 'creditCode', render: (v?: string) => (v ? <span className="mono small">{v}</span> : '—') },
          { title: t('experts.conflicts.from'), dataIndex: 'from', width: 120 },
          { title: t('experts.conflicts.until'), dataIndex: 'until', width: 120, render: (v: string | null) => v ?? t('experts.conflicts.untilNow') },
        ]}
      />
      <div className="card-subheading">{t('experts.conflicts.relatives')}</div>
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => `${r.relation}/${r.name}`}
        dataSource={relatives}
        locale={{ emptyText: t('experts.conflicts.none') }}
        columns={[
          { title: t('experts.conflicts.relation'), dataIndex: 'relation', width: 140 },
          { title: t('experts.conflicts.unitName'), dataIndex: 'name' },
        ]}
      />
    </div>
  );
}
