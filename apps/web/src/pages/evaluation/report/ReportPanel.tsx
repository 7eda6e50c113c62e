import type { EvaluationReportView } from '@bidhall/contracts';
import { EditOutlined, FileDoneOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Divider, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluationReportApi } from '../../../api/evaluationReport.ts';
import { LoadError } from '../../../components/LoadError.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useLoader } from '../../../hooks/useLoader.ts';
import { reportWords, useEvaluationSitting } from '../sitting.ts';
import { ReportPartsForm } from './ReportPartsForm.tsx';
import ReportSignModal from './ReportSignModal.tsx';
import { ReportSigners } from './ReportSigners.tsx';

const STATE_COLOR = { none: 'default', draft: 'blue', generated: 'gold', signing: 'orange', complete: 'green' } as const;

/**
 * 评标报告 (A-151…A-153): the chair drafts the committee's words and generates the report from the
 * summary; every member reads it and signs in the browser with its certificate, a dissent in writing if
 * it disagrees; officers follow the signatures and the push to the supervision platform. The evaluation
 * room mounts it with the section's id; in a review room (decision 0032) it is the 资格审查报告, which the
 * server lays out itself.
 */
export default function ReportPanel({ sectionId }: { sectionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sitting = useEvaluationSitting();
  const w = reportWords(sitting);
  const loaded = useLoader(() => evaluationReportApi.view(sectionId, sitting), [sectionId, sitting]);
  const [view, setView] = useState<EvaluationReportView>();
  const [signing, setSigning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const r = view ?? loaded.data;

  if (loaded.error && !r) return <LoadError error={loaded.error} onRetry={() => void loaded.reload()} />;
  if (!r) return <Skeleton active paragraph={{ rows: 6 }} />;

  const signedBefore = r.signatures.some((s) => s.signedAt !== null);
  const mine = r.signatures.find((s) => s.memberId === r.selfMemberId);
  const generate = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setView(await evaluationReportApi.generate(sectionId, sitting));
      message.success(t(`${w}.generated`));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t(`${w}.title`)}
      extra={<Tag color={STATE_COLOR[r.state]} data-testid="report-state">{t(`evaluationReport.states.${r.state}`)}</Tag>}
      data-testid="report-panel"
    >
      {!r.summarised ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`${w}.notSummarised`)} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {r.state === 'complete' && <Alert type="success" showIcon message={t(`${w}.complete`)} data-testid="report-complete" />}
          {r.chair && !signedBefore && (
            <>
              <ReportPartsForm key={r.generatedAt ?? 'draft'} sectionId={sectionId} parts={r.parts} onSaved={setView} />
              <Button type="primary" icon={<FileDoneOutlined />} loading={busy} onClick={() => void generate()} data-testid="report-generate">
                {r.reportSm3 ? t(`${w}.regenerate`) : t(`${w}.generate`)}
              </Button>
              {error !== undefined && <ProblemAlert error={error} testId="report-generate-error" />}
              <Divider />
            </>
          )}
          {r.reportSm3 && (
            <Typography.Paragraph className="mono small" data-testid="report-sm3">
              SM3: {r.reportSm3}
            </Typography.Paragraph>
          )}
          {r.html ? (
            <div className="notice-body" data-testid="report-html" dangerouslySetInnerHTML={{ __html: r.html }} />
          ) : r.content ? (
            <Typography.Paragraph type="secondary">{t(`${w}.namesWithheld`)}</Typography.Paragraph>
          ) : null}
          {mine && !mine.signedAt && r.reportSm3 && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setSigning(true)} data-testid="report-sign">
              {t(`${w}.sign.open`)}
            </Button>
          )}
          {r.reportSm3 && <ReportSigners signatures={r.signatures} />}
        </Space>
      )}
      {signing && r.reportSm3 && <ReportSignModal sectionId={sectionId} reportSm3={r.reportSm3} onClose={() => setSigning(false)} onSigned={setView} />}
    </Card>
  );
}
