import { EyeInvisibleOutlined, FormOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clarificationDeskApi, type QuestionView } from '../../../api/documents.ts';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { DeskProblem } from '../DeskProblem.tsx';

/**
 * B-011: incoming questions. The asker is shown here to the tenderer only; answers reach
 * bidders through a clarification, which quotes the question without the asker.
 */
export function QuestionsPanel({
  documentId,
  picked,
  onPick,
  onDraft,
}: {
  documentId: string;
  picked: string[];
  onPick: (ids: string[]) => void;
  onDraft: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useLoader(() => clarificationDeskApi.questions(documentId), [documentId]);
  const [answering, setAnswering] = useState<QuestionView>();
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [answerError, setAnswerError] = useState<unknown>();

  const open = (q: QuestionView) => {
    setAnswering(q);
    setAnswer(q.answer ?? '');
    setAnswerError(undefined);
  };
  const save = async () => {
    if (!answering) return;
    setBusy(true);
    setAnswerError(undefined);
    try {
      await clarificationDeskApi.answer(answering.id, answer.trim());
      void message.success(t('desk.saved'));
      setAnswering(undefined);
      await reload();
    } catch (err) {
      setAnswerError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="questions">
      <DeskProblem error={error} />
      <Space className="desk-actions">
        <Button type="primary" disabled={picked.length === 0} onClick={onDraft} data-testid="questions-to-clarification">
          {t('desk.clarify.draftFromQuestions', { count: picked.length })}
        </Button>
        <Tag icon={<EyeInvisibleOutlined />} color="default">
          {t('desk.clarify.askerHidden')}
        </Tag>
      </Space>
      <Table<QuestionView>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        pagination={{ pageSize: 20 }}
        rowSelection={{ selectedRowKeys: picked, onChange: (keys) => onPick(keys.map(String)) }}
        expandable={{ expandedRowRender: (q) => <div className="desk-answer">{q.answer ?? t('desk.clarify.unanswered')}</div> }}
        columns={[
          { key: 'number', title: '#', dataIndex: 'number', width: 60 },
          { key: 'text', title: t('desk.clarify.question'), dataIndex: 'text', ellipsis: true },
          {
            key: 'asker',
            title: (
              <Tooltip title={t('desk.clarify.askerHint')}>
                <span>{t('desk.clarify.asker')}</span>
              </Tooltip>
            ),
            dataIndex: 'askedByEntityName',
            width: 200,
            render: (v: string | null) => v ?? <Tag>{t('desk.clarify.anonymous')}</Tag>,
          },
          { key: 'askedAt', title: t('desk.clarify.askedAt'), dataIndex: 'askedAt', width: 150, render: (v: string) => formatTime(v) },
          {
            key: 'answered',
            title: t('desk.clarify.state'),
            width: 110,
            render: (_, q) => (q.answer ? <Tag color="green">{t('desk.clarify.answered')}</Tag> : <Tag color="gold">{t('desk.clarify.unanswered')}</Tag>),
          },
          {
            key: 'x',
            width: 90,
            render: (_, q) => (
              <Button size="small" icon={<FormOutlined />} onClick={() => open(q)} data-testid={`answer-${q.number}`}>
                {t('desk.clarify.answer')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!answering}
        title={answering && t('desk.clarify.answerTitle', { number: answering.number })}
        onOk={() => void save()}
        okButtonProps={{ disabled: !answer.trim(), loading: busy }}
        onCancel={() => setAnswering(undefined)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        width={720}
      >
        <blockquote className="desk-quote">{answering?.text}</blockquote>
        <DeskProblem error={answerError} />
        <Input.TextArea rows={6} value={answer} onChange={(e) => setAnswer(e.target.value)} data-testid="answer-text" />
      </Modal>
    </div>
  );
}
