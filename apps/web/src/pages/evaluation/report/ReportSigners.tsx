import type { EvaluationReportView } from '@bidhall/contracts';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../format.ts';

/** Who signed the report, with which certificate, and who stated a dissent. */
export function ReportSigners({ signatures }: { signatures: EvaluationReportView['signatures'] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="memberId"
      pagination={false}
      dataSource={signatures}
      data-testid="report-signers"
      columns={[
        { title: t('evaluationReport.signers.member'), render: (_: unknown, s) => (s.seat === null ? t('evaluationReport.signers.representative') : t('evaluationReport.signers.seat', { seat: s.seat })) },
        { title: t('evaluationReport.signers.name'), render: (_: unknown, s) => s.name ?? '—' },
        {
          title: t('evaluationReport.signers.signed'),
          render: (_: unknown, s) => (s.signedAt ? <Tag color="green">{formatTime(s.signedAt)}</Tag> : <Tag>{t('evaluationReport.signers.waiting')}</Tag>),
        },
        { title: t('evaluationReport.signers.certificate'), render: (_: unknown, s) => (s.certificateFingerprint ? <span className="mono small">{s.certificateFingerprint.slice(0, 16)}…</span> : '—') },
        {
          title: t('evaluationReport.signers.dissent'),
          render: (_: unknown, s) => (s.dissent ? <Typography.Text type="warning" data-testid="report-dissent-text">{s.dissent}</Typography.Text> : '—'),
        },
      ]}
    />
  );
}
