import type { Criterion, EffectiveManifest, ScoringFactor, Sitting } from '@bidhall/contracts';
import { Alert, Card, Collapse, Descriptions, Empty, Skeleton, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { evaluationApi } from '../../../api/evaluation.ts';
import { LoadError } from '../../../components/LoadError.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { CheckList } from '../../verify/CheckList.tsx';
import { readEffectiveDocuments } from './effectiveDocuments.ts';

type Method = EffectiveManifest['method'];

function CriteriaTable({ rows, testId, caption }: { rows: Criterion[]; testId: string; caption: string }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Criterion> = [
    { title: t('evaluation.documents.clause'), dataIndex: 'number', width: 90 },
    { title: t('evaluation.documents.criterion'), dataIndex: 'title', width: 220 },
    { title: t('evaluation.documents.requirement'), dataIndex: 'requirement' },
  ];
  return (
    <Table
      size="small"
      rowKey="number"
      pagination={false}
      columns={columns}
      dataSource={rows}
      title={() => <strong>{caption}</strong>}
      data-testid={testId}
    />
  );
}

function FactorsTable({ rows }: { rows: ScoringFactor[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ScoringFactor> = [
    { title: t('evaluation.documents.clause'), dataIndex: 'number', width: 90 },
    { title: t('evaluation.documents.factor'), dataIndex: 'name', width: 180 },
    { title: t('evaluation.documents.weight'), dataIndex: 'weight', width: 80 },
    {
      title: t('evaluation.documents.range'),
      key: 'range',
      width: 100,
      render: (_, f) => `${f.scoreRange.min}–${f.scoreRange.max}`,
    },
    {
      title: t('evaluation.documents.standards'),
      key: 'points',
      render: (_, f) =>
        f.category === 'price' ? (
          <span className="muted">{t('evaluation.documents.priceByFormula')}</span>
        ) : (
          <ol className="documents-points">
            {f.points.map((p) => (
              <li key={p.number}>
                <span className="mono">{p.number}</span> {p.description}（{t('evaluation.documents.upTo', { score: p.maxScore })}
                ）
              </li>
            ))}
          </ol>
        ),
    },
  ];
  return (
    <Table
      size="small"
      rowKey="number"
      pagination={false}
      columns={columns}
      dataSource={rows}
      title={() => <strong>{t('evaluation.documents.factorsCaption')}</strong>}
      data-testid="documents-factors"
    />
  );
}

function MethodView({ method }: { method: Method }) {
  const { t } = useTranslation();
  const factors = method.type === 'scoring' || method.type === 'limitedNumber' ? method.factors : [];
  return (
    <Space direction="vertical" size={12} className="room-stack">
      <Tag color="blue">{t(`evaluation.methods.${method.type}`)}</Tag>
      {method.qualification.length > 0 && (
        <CriteriaTable
          rows={method.qualification}
          testId="documents-qualification"
          caption={t('evaluation.documents.qualificationCaption')}
        />
      )}
      {method.compliance.length > 0 && (
        <CriteriaTable
          rows={method.compliance}
          testId="documents-compliance"
          caption={t('evaluation.documents.complianceCaption')}
        />
      )}
      {method.type === 'lowestEvaluatedPrice' && method.adjustments.length > 0 && (
        <CriteriaTable
          rows={method.adjustments}
          testId="documents-adjustments"
          caption={t('evaluation.documents.adjustmentsCaption')}
        />
      )}
      {factors.length > 0 && <FactorsTable rows={factors} />}
    </Space>
  );
}

/**
 * 招标文件（含澄清） in the evaluation room: the document the committee evaluates
 * against — its current version with every clarification and modification — checked here against
 * its SM3s and read from those bytes: chapters, the method with its scoring standards, the clarifications.
 */
export function EffectiveDocumentsPanel({ sectionId, sitting }: { sectionId: string; sitting: Sitting }) {
  const { t } = useTranslation();
  const loaded = useLoader(async () => {
    const view = await evaluationApi.documents(sectionId, sitting);
    return { view, read: await readEffectiveDocuments(view) };
  }, [sectionId, sitting]);
  if (loaded.error) return <LoadError error={loaded.error} onRetry={() => void loaded.reload()} />;
  if (!loaded.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { view, read } = loaded.data;
  const m = read.manifest;
  const methodOk = read.checks.find((c) => c.id === 'documentMethod')?.status === 'ok';

  const items = m
    ? [
        {
          key: 'method',
          label: t('evaluation.documents.method'),
          children: <MethodView method={m.method} />,
        },
        {
          key: 'clarifications',
          label: t('evaluation.documents.clarifications', { count: read.clarifications.length }),
          children: read.clarifications.length ? (
            <Space direction="vertical" size={12} className="room-stack" data-testid="documents-clarifications">
              {read.clarifications.map((c) => (
                <Card
                  key={c.number}
                  size="small"
                  title={`${c.label} · ${c.title}`}
                  extra={formatTime(c.issuedAt)}
                  data-testid="documents-clarification"
                >
                  <div className="notice-body" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
                </Card>
              ))}
            </Space>
          ) : (
            <Empty description={t('evaluation.documents.noClarifications')} />
          ),
        },
        ...m.chapters.map((ch) => ({
          key: `chapter-${ch.key}`,
          label: t('evaluation.documents.chapter', { n: ch.number, title: ch.title }),
          children: ch.fields.length ? (
            <Descriptions
              size="small"
              column={1}
              bordered
              items={ch.fields.map((f) => ({ key: f.key, label: f.label, children: f.value ?? '—' }))}
            />
          ) : (
            <span className="muted">{t('evaluation.documents.standardText')}</span>
          ),
        })),
      ]
    : [];

  return (
    <Space direction="vertical" size={16} className="room-stack" data-testid="evaluation-documents" data-ok={read.ok}>
      <Card
        title={t(view.kind === 'tender' ? 'evaluation.documents.title' : 'evaluation.documents.titlePrequalification', {
          version: view.version,
        })}
        extra={
          <Tag color={read.ok ? 'success' : 'error'}>
            {t(read.ok ? 'evaluation.documents.intact' : 'evaluation.documents.broken')}
          </Tag>
        }
      >
        {m && (
          <Descriptions
            size="small"
            column={2}
            items={[
              {
                key: 'section',
                label: t('evaluation.documents.section'),
                children: `${m.section.projectName} · ${m.section.name}`,
              },
              { key: 'tenderer', label: t('evaluation.documents.tenderer'), children: m.tenderer.name },
              { key: 'sm3', label: 'SM3', children: <span className="mono">{view.versionSm3}</span> },
              { key: 'packaged', label: t('evaluation.documents.packagedAt'), children: formatTime(m.packagedAt) },
            ]}
          />
        )}
        <Alert
          className="card-lead"
          type={methodOk ? 'success' : 'warning'}
          showIcon
          title={t(methodOk ? 'evaluation.documents.formsFromMethod' : 'evaluation.documents.formsNotChecked', {
            version: view.version,
          })}
          data-testid="documents-method-match"
        />
        <CheckList checks={read.checks} testId="documents-checks" />
      </Card>
      {m && <Collapse items={items} defaultActiveKey={['method', 'clarifications']} />}
    </Space>
  );
}
