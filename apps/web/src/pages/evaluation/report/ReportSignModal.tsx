import { evaluationReportSigningPayload, DISSENT_MAX, type EvaluationReportView } from '@bidhall/contracts';
import { EditOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Input, Modal, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluationReportApi } from '../../../api/evaluationReport.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import type { BidSigner } from '../../bidder/bid/bidKey.ts';
import { reportWords, useEvaluationSitting } from '../sitting.ts';
import { SignerFiles } from './SignerFiles.tsx';

/**
 * A member signs the report: its certificate and key file sign {action: 'signEvaluationReport',
 * sectionId, reportSm3} — with the member's dissent when it disagrees — in this browser; only the
 * signature goes to the platform. A review's report is signed under its own action (decision 0032).
 */
export default function ReportSignModal({ sectionId, reportSm3, onClose, onSigned }: { sectionId: string; reportSm3: string; onClose: () => void; onSigned: (v: EvaluationReportView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sitting = useEvaluationSitting();
  const w = reportWords(sitting);
  const [signer, setSigner] = useState<BidSigner>();
  const [dissenting, setDissenting] = useState(false);
  const [dissent, setDissent] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const onSigner = useCallback((s: BidSigner | undefined) => setSigner(s), []);
  const text = dissenting ? dissent.trim() : '';

  const sign = async () => {
    if (!signer) return;
    setBusy(true);
    setError(undefined);
    try {
      const signature = signer.sign(evaluationReportSigningPayload(sectionId, reportSm3, text || null, sitting));
      const v = await evaluationReportApi.sign(sectionId, { certificatePem: signer.certificatePem, signature, ...(text ? { dissent: text } : {}) }, sitting);
      message.success(t(`${w}.sign.done`));
      onSigned(v);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(`${w}.sign.title`)}
      onCancel={busy ? undefined : onClose}
      maskClosable={false}
      width={620}
      data-testid="report-sign-modal"
      footer={
        <Button type="primary" icon={<EditOutlined />} loading={busy} disabled={!signer || (dissenting && !text)} onClick={() => void sign()} data-testid="report-sign-submit">
          {t('evaluationReport.sign.submit')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('evaluationReport.sign.lead')}</Typography.Paragraph>
      <Typography.Paragraph className="mono small">SM3: {reportSm3}</Typography.Paragraph>
      <SignerFiles disabled={busy} onSigner={onSigner} testId="report-sign" />
      <Checkbox checked={dissenting} onChange={(e) => setDissenting(e.target.checked)} disabled={busy} data-testid="report-dissent-toggle">
        {t(`${w}.sign.dissentToggle`)}
      </Checkbox>
      {dissenting && (
        <Input.TextArea
          value={dissent}
          onChange={(e) => setDissent(e.target.value)}
          maxLength={DISSENT_MAX}
          showCount
          rows={4}
          placeholder={t('evaluationReport.sign.dissentPlaceholder')}
          style={{ marginTop: 8 }}
          data-testid="report-dissent"
        />
      )}
      {error !== undefined && <ProblemAlert error={error} testId="report-sign-error" />}
    </Modal>
  );
}
