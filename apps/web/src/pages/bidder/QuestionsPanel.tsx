import { QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Form, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bidderApi, type QuestionView } from '../../api/bidder.ts';
import { applyProblemToForm } from '../../api/problem.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { Countdown, useRemaining } from '../portal/Countdown.tsx';

/**
 * Questions on a document (A-80, A-81, B-011): asked until the questions deadline (on server time), by
 * those who obtained the documents. The bidder sees its own questions and every answered one, without
 * the askers' names.
 */
export function QuestionsPanel({
  documentId,
  deadline,
  obtained,
}: {
  documentId: string;
  deadline: string | null;
  obtained: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useLoader(() => bidderApi.questions(documentId), [documentId]);
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const { left } = useRemaining(deadline);
  const closed = left !== null && left <= 0;
  const reason = !obtained
    ? t('bidder.questions.downloadFirst')
    : closed
      ? t('bidder.questions.closed', { time: formatTime(deadline) })
      : undefined;

  const ask = async ({ text }: { text: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await bidderApi.ask(documentId, text.trim());
      message.success(t('bidder.questions.sent'));
      form.resetFields();
      void list.reload();
    } catch (err) {
      if (!applyProblemToForm(t, form, err)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  const items: QuestionView[] = list.data ?? [];
  return (
    <div data-testid="questions-panel">
      <div className="section-countdown">
        <span className="muted">{t('bidder.questions.deadline', { time: formatTime(deadline) })}</span>
        <Countdown deadline={deadline} testId="questions-countdown" />
      </div>
      {reason && <Alert type="info" showIcon className="form-alert" title={reason} data-testid="questions-disabled" />}
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => void ask(v)} disabled={!!reason}>
        <Form.Item
          name="text"
          label={t('bidder.questions.ask')}
          rules={[{ required: true, whitespace: true, message: t('bidder.questions.required') }, { max: 4000 }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={4000}
            showCount
            placeholder={t('bidder.questions.placeholder')}
            data-testid="question-text"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} icon={<QuestionCircleOutlined />} data-testid="question-submit">
          {t('bidder.questions.submit')}
        </Button>
      </Form>
      <div className="card-subheading">{t('bidder.questions.list')}</div>
      {list.error ? (
        <LoadError error={list.error} onRetry={() => void list.reload()} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bidder.questions.none')} />
      ) : (
        <ol className="message-list" data-testid="questions-list">
          {items.map((q) => (
            <li key={q.id} className="message" data-testid="question">
              <Space size={6} wrap>
                <strong>{t('bidder.questions.number', { n: q.number })}</strong>
                {q.mine && <Tag color="blue">{t('bidder.questions.mine')}</Tag>}
                <Tag color={q.answer ? 'success' : 'processing'}>
                  {q.answer ? t('bidder.questions.answered') : t('bidder.questions.waiting')}
                </Tag>
                <span className="muted small">{formatTime(q.askedAt)}</span>
              </Space>
              <div className="question-text">{q.text}</div>
              {q.answer && (
                <div className="answer-text">
                  <span className="muted small">{t('bidder.questions.answerAt', { time: formatTime(q.answeredAt) })}</span>
                  <div>{q.answer}</div>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
