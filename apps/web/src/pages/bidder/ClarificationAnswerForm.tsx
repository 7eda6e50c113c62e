import { CheckCircleFilled, EditOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import {
  EVALUATION_CLARIFICATION_LIMITS,
  evaluationClarificationAnswerPayload,
  evaluationClarificationAnswersForHash,
  type BidderEvaluationClarificationView,
  type EvaluationClarificationAttachment,
} from '@bidhall/contracts';
import { canonicalJson, sm3, toHex } from '@bidhall/crypto/browser';
import { App, Button, Checkbox, Form, Input, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clarificationsApi } from '../../api/evaluationClarifications.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSignerFiles } from './bid/useSignerFiles.ts';

const MB = EVALUATION_CLARIFICATION_LIMITS.attachmentBytes / 1024 / 1024;

/**
 * The bidder's answer: one text per item, files uploaded with progress, and a signature made in
 * this browser with the entity's bound certificate and key file over
 * {action: 'answerEvaluationClarification', requestId, answersSm3, attachments}. Only the signature leaves.
 */
export function ClarificationAnswerForm({ request, onAnswered }: { request: BidderEvaluationClarificationView; onAnswered: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [texts, setTexts] = useState<Record<number, string>>({});
  const [files, setFiles] = useState<EvaluationClarificationAttachment[]>(request.uploads);
  const [kept, setKept] = useState<Set<string>>(new Set(request.uploads.map((u) => u.sm3)));
  const [progress, setProgress] = useState<number>();
  const { certFile, keyFile, signer, problem, pickCert, pickKey } = useSignerFiles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();


  const upload = async (file: File) => {
    setError(undefined);
    setProgress(0);
    try {
      const stored = await clarificationsApi.upload(request.id, file, setProgress);
      setFiles((fs) => [...fs.filter((f) => f.sm3 !== stored.sm3), stored]);
      setKept((k) => new Set(k).add(stored.sm3));
    } catch (err) {
      setError(err);
    } finally {
      setProgress(undefined);
    }
  };

  const answers = request.items.map((i) => ({ number: i.number, text: (texts[i.number] ?? '').trim() }));
  const complete = answers.every((a) => a.text.length > 0);
  const attachments = files.filter((f) => kept.has(f.sm3)).map((f) => f.sm3);

  const submit = async () => {
    if (!signer || !complete) return;
    setBusy(true);
    setError(undefined);
    try {
      const answersSm3 = toHex(sm3(canonicalJson(evaluationClarificationAnswersForHash(answers))));
      const signature = signer.sign(evaluationClarificationAnswerPayload(request.id, answersSm3, attachments));
      await clarificationsApi.answer(request.id, { answers, attachments, certificatePem: signer.certificatePem, signature });
      message.success(t('evaluationClarify.bidder.done'));
      onAnswered();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };


  return (
    <Form layout="vertical" requiredMark={false} data-testid={`clarify-answer-form-${request.id}`}>
      {request.items.map((item) => (
        <Form.Item key={item.number} label={t('evaluationClarify.bidder.answerFor', { n: item.number })} required>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 10 }}
            maxLength={EVALUATION_CLARIFICATION_LIMITS.answerChars}
            showCount
            placeholder={t('evaluationClarify.bidder.answerPlaceholder')}
            value={texts[item.number] ?? ''}
            onChange={(e) => setTexts((x) => ({ ...x, [item.number]: e.target.value }))}
            disabled={busy}
            data-testid={`clarify-answer-text-${item.number}`}
          />
        </Form.Item>
      ))}
      <Form.Item label={t('evaluationClarify.bidder.files', { mb: MB })}>
        <Upload
          accept=".pdf,.jpg,.jpeg,.png"
          showUploadList={false}
          disabled={busy || progress !== undefined || files.length >= EVALUATION_CLARIFICATION_LIMITS.attachments}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="clarify-upload">
            {t('evaluationClarify.bidder.upload')}
          </Button>
        </Upload>
        {progress !== undefined && <Progress percent={progress} size="small" status="active" data-testid="clarify-upload-progress" />}
        {files.map((f) => (
          <div key={f.sm3} className="clarify-file">
            <Checkbox checked={kept.has(f.sm3)} onChange={(e) => setKept((k) => { const n = new Set(k); if (e.target.checked) n.add(f.sm3); else n.delete(f.sm3); return n; })}>
              {t('evaluationClarify.bidder.keep')}
            </Checkbox>
            <a href={clarificationsApi.ownFileUrl(request.id, f.sm3)} target="_blank" rel="noreferrer">
              {f.name}
            </a>{' '}
            <Typography.Text type="secondary" className="small">
              {(f.size / 1024).toFixed(0)} KB
            </Typography.Text>
          </div>
        ))}
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('evaluationClarify.bidder.signLead')}</Typography.Paragraph>
      <Form.Item label={t('evaluationClarify.bidder.certFile')}>
        <Upload accept=".pem,.crt,.cer" maxCount={1} showUploadList={false} beforeUpload={pickCert} disabled={busy}>
          <Button icon={<SafetyCertificateOutlined />} data-testid="clarify-cert-file">{certFile?.name ?? t('evaluationClarify.bidder.chooseCert')}</Button>
        </Upload>
      </Form.Item>
      <Form.Item
        label={t('evaluationClarify.bidder.keyFile')}
        validateStatus={problem ? 'error' : undefined}
        help={problem ? t(`login.cert.fileErrors.${problem}`) : undefined}
      >
        <Upload accept=".pem,.key" maxCount={1} showUploadList={false} beforeUpload={pickKey} disabled={busy}>
          <Button icon={signer ? <CheckCircleFilled className="ok-icon" /> : <EditOutlined />} data-testid="clarify-key-file" data-ready={String(!!signer)}>
            {keyFile?.name ?? t('evaluationClarify.bidder.chooseKey')}
          </Button>
        </Upload>
      </Form.Item>
      <Button type="primary" icon={<EditOutlined />} loading={busy} disabled={!signer || !complete || progress !== undefined} onClick={() => void submit()} data-testid="clarify-answer-submit">
        {t('evaluationClarify.bidder.sign')}
      </Button>
      {error !== undefined && <ProblemAlert error={error} testId="clarify-answer-error" />}
    </Form>
  );
}
