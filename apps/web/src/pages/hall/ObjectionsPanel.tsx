import { MessageOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hallApi, type HallRef, type HallView, type ObjectionView } from '../../api/opening.ts';
import { problemMessage } from '../../api/problem.ts';
import { formatTime } from '../../format.ts';

const MAX = 2000;

/** A text and its button: cleared once the server took it, kept for another try when it did not. */
function TextForm({ placeholder, required, submit, testId, onSubmit }: {
  placeholder: string;
  required: string;
  submit: string;
  testId: string;
  onSubmit: (text: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  const send = async ({ text }: { text: string }) => {
    setBusy(true);
    try {
      await onSubmit(text.trim());
      form.resetFields();
    } catch {
      // the caller showed why; the text stays for another try
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} onFinish={(v) => void send(v)} className="hall-text-form">
      <Form.Item name="text" rules={[{ required: true, whitespace: true, message: required }]}>
        <Input.TextArea rows={3} maxLength={MAX} showCount placeholder={placeholder} data-testid={`${testId}-text`} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid={`${testId}-submit`}>
        {submit}
      </Button>
    </Form>
  );
}

function Objection({ o, canAnswer, onAnswer }: { o: ObjectionView; canAnswer: boolean; onAnswer: (text: string) => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <div className="hall-objection" data-testid="hall-objection" data-answered={String(o.answer !== null)}>
      <div className="hall-objection-head">
        <strong>{o.entityName}</strong>
        <span className="muted small mono">{formatTime(o.raisedAt, true)}</span>
        <Tag color={o.answer ? 'success' : 'warning'}>{t(o.answer ? 'hall.objections.answered' : 'hall.objections.pending')}</Tag>
      </div>
      <div className="hall-objection-text" data-testid="hall-objection-text">
        {o.text}
      </div>
      {o.answer !== null ? (
        <div className="hall-answer" data-testid="hall-objection-answer">
          <div className="small muted">
            {t('hall.objections.answerBy')} · <span className="mono">{formatTime(o.answeredAt, true)}</span>
          </div>
          {o.answer}
        </div>
      ) : (
        canAnswer && (
          <TextForm
            placeholder={t('hall.objections.answerPlaceholder')}
            required={t('hall.objections.answerRequired')}
            submit={t('hall.objections.submitAnswer')}
            testId="hall-answer"
            onSubmit={onAnswer}
          />
        )
      )}
    </div>
  );
}

/**
 * Objections raised on the spot and their answers (Regulations art. 44): a bidder of the hall raises
 * one, the tenderer or agency answers it there, and everyone present sees both.
 */
export function ObjectionsPanel({ at, view, onChanged }: { at: HallRef; view: HallView; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      message.success(done);
    } catch (err) {
      message.error(problemMessage(t, err));
      throw err;
    } finally {
      onChanged();
    }
  };
  return (
    <Card className="hall-card" title={<><MessageOutlined /> {t('hall.objections.title')}</>} data-testid="hall-objections">
      {view.can.object && (
        <TextForm
          placeholder={t('hall.objections.placeholder')}
          required={t('hall.objections.required')}
          submit={t('hall.objections.raise')}
          testId="hall-raise"
          onSubmit={(text) => run(() => hallApi.object(at, text), t('hall.objections.raised'))}
        />
      )}
      {view.objections.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hall.objections.none')} />
      ) : (
        view.objections.map((o) => (
          <Objection
            key={o.id}
            o={o}
            canAnswer={view.can.answer}
            onAnswer={(text) => run(() => hallApi.answer(at, o.id, text), t('hall.objections.answerDone'))}
          />
        ))
      )}
    </Card>
  );
}
