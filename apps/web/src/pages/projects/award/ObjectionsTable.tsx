import { MessageOutlined } from '@ant-design/icons';
import type { ResultObjectionView } from '@bidhall/contracts';
import { Alert, Button, Form, Input, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { awardApi } from '../../../api/award.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { requiredText } from '../../../components/rules.ts';
import { formatTime } from '../../../format.ts';
import { ObjectionTags } from './ObjectionTags.tsx';

/**
 * The objections to the result (B-030): who, what, when, the answer's last day and the answer. The
 * tenderer (or its agency) answers an open one, once (B-031). `showEntity` is false for an objector's own list.
 */
export function ObjectionsTable({
  objections,
  canAnswer = false,
  showEntity = true,
  onAnswered,
  testId = 'objections-table',
}: {
  objections: ResultObjectionView[];
  canAnswer?: boolean;
  showEntity?: boolean;
  onAnswered?: () => Promise<void> | void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [answering, setAnswering] = useState<ResultObjectionView>();
  return (
    <>
      <Table<ResultObjectionView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={objections}
        data-testid={testId}
        locale={{ emptyText: t('award.objections.none') }}
        columns={[
          ...(showEntity
            ? [{ key: 'entity', title: t('award.objections.entityName'), dataIndex: 'entityName', width: 180 }]
            : []),
          {
            key: 'content',
            title: t('award.objections.content'),
            render: (_, o) => <div className="pre-wrap">{o.content}</div>,
          },
          {
            key: 'received',
            title: t('award.objections.receivedAt'),
            width: 150,
            render: (_, o) => <span className="mono">{formatTime(o.receivedAt)}</span>,
          },
          {
            key: 'due',
            title: t('award.objections.answerDue'),
            width: 110,
            render: (_, o) => <span className="mono">{o.answerDue}</span>,
          },
          { key: 'state', title: t('award.objections.state'), width: 150, render: (_, o) => <ObjectionTags objection={o} /> },
          {
            key: 'answer',
            title: t('award.objections.answer'),
            render: (_, o) =>
              o.answer !== null ? (
                <div data-testid="objection-answer">
                  <div className="pre-wrap">{o.answer}</div>
                  <div className="muted small">{t('award.objections.answeredAt', { time: formatTime(o.answeredAt) })}</div>
                </div>
              ) : canAnswer && o.state === 'open' ? (
                <Button size="small" icon={<MessageOutlined />} onClick={() => setAnswering(o)} data-testid="objection-reply">
                  {t('award.objections.reply')}
                </Button>
              ) : (
                <span className="muted">—</span>
              ),
          },
        ]}
      />
      {answering && <AnswerModal objection={answering} onClose={() => setAnswering(undefined)} onDone={onAnswered} />}
    </>
  );
}

function AnswerModal({
  objection,
  onClose,
  onDone,
}: {
  objection: ResultObjectionView;
  onClose: () => void;
  onDone?: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ answer: string }>();
  return (
    <FormModal
      form={form}
      title={t('award.objections.replyTitle')}
      okText={t('award.objections.reply')}
      destroyOnHidden
      onClose={onClose}
      onDone={onDone}
      fieldOf={(s) => (s[0] === 'answer' ? ['answer'] : undefined)}
      onSubmit={async (v) => {
        await awardApi.answer(objection.id, v.answer.trim());
        return t('award.objections.replied');
      }}
      lead={
        <>
          <Alert type="info" showIcon className="form-alert" title={t('award.objections.replyLead')} />
          <div className="muted small">
            {objection.entityName} · {formatTime(objection.receivedAt)}
          </div>
          <div className="pre-wrap card-lead">{objection.content}</div>
        </>
      }
      data-testid="objection-reply-modal"
    >
      <Form.Item name="answer" label={t('award.objections.replyLabel')} rules={requiredText(t, 4000)}>
        <Input.TextArea rows={5} maxLength={4000} showCount data-testid="objection-reply-text" />
      </Form.Item>
    </FormModal>
  );
}
