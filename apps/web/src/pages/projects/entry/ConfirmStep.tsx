import { Descriptions, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../../../hooks/useCatalog.tsx';
import { formatFen, yuanToFen } from '../money.ts';
import type { EntryValues } from './formModel.ts';

/** Step 4: everything on one page to check before it is submitted. */
export function ConfirmStep({ values }: { values: Partial<EntryValues> }) {
  const { t } = useTranslation();
  const { regionName, categoryName } = useCatalog();
  const p = values.project;
  const tp = values.tenderingProject;
  const money = (yuan: string | undefined) => (yuan && yuanToFen(yuan) ? formatFen(yuanToFen(yuan)) : '—');
  return (
    <div data-testid="entry-confirm">
      <p className="muted">{t('projects.entry.confirmLead')}</p>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        title={t('projects.entry.steps.project')}
        items={[
          { key: 'code', label: t('projects.entry.approvalCode'), children: <span className="mono">{values.approvalCode}</span> },
          { key: 'name', label: t('projects.entry.projectName'), children: p?.name },
          { key: 'region', label: t('projects.entry.region'), children: regionName(p?.regionCode) },
          { key: 'category', label: t('projects.entry.category'), children: p?.category ? categoryName(p.category) : '—' },
          { key: 'kind', label: t('projects.entry.kind'), children: p?.kind ? t(`projects.kind.${p.kind}`) : '—' },
          { key: 'investment', label: t('projects.entry.investment'), children: money(p?.investmentYuan) },
          { key: 'funding', label: t('projects.entry.fundingSource'), children: p?.fundingSource },
          { key: 'location', label: t('projects.entry.location'), children: p?.location },
        ]}
      />
      <Descriptions
        bordered
        size="small"
        className="confirm-block"
        column={{ xs: 1, md: 2 }}
        title={t('projects.entry.steps.tendering')}
        items={[
          { key: 'name', label: t('projects.entry.tenderingName'), children: tp?.name },
          { key: 'method', label: t('projects.entry.method'), children: tp?.method ? t(`projects.method.${tp.method}`) : '—' },
          {
            key: 'org',
            label: t('projects.entry.organisation'),
            children: tp?.organisation ? t(`projects.organisation.${tp.organisation}`) : '—',
          },
          ...(values.tendererCreditCode
            ? [{ key: 'tenderer', label: t('projects.entry.tendererCreditCode'), children: <span className="mono">{values.tendererCreditCode}</span> }]
            : []),
          ...(tp?.organisation === 'agency' && tp.agencyCreditCode
            ? [{ key: 'agency', label: t('projects.entry.agencyCreditCode'), children: <span className="mono">{tp.agencyCreditCode}</span> }]
            : []),
          ...(tp?.organisation === 'agency' || values.tendererCreditCode
            ? [
                {
                  key: 'duties',
                  label: t('projects.entry.mandate'),
                  span: 2,
                  children: (tp?.duties ?? []).map((d) => t(`projects.duty.${d}`)).join(t('common.listSeparator')),
                },
              ]
            : []),
        ]}
      />
      <Table
        className="confirm-block"
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={values.sections ?? []}
        title={() => <strong>{t('projects.entry.steps.sections')}</strong>}
        columns={[
          { title: t('projects.entry.sectionCode'), dataIndex: 'code', width: 120, render: (v: string) => <span className="mono">{v}</span> },
          { title: t('projects.entry.sectionName'), dataIndex: 'name' },
          {
            title: t('projects.entry.budget'),
            dataIndex: 'budgetYuan',
            align: 'right',
            width: 180,
            render: (v: string) => <span className="mono">{money(v)}</span>,
          },
        ]}
      />
    </div>
  );
}
