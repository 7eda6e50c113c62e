import { QuestionCircleOutlined } from '@ant-design/icons';
import type { EvaluationClarificationStatus, EvaluationClarificationView } from '@bidhall/contracts';
import { App, Button, Card, Popconfirm, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clarificationsApi } from '../../../api/evaluationClarifications.ts';
import { LoadError } from '../../../components/LoadError.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { ClarificationAnswer } from './ClarificationAnswer.tsx';
import { RequestModal } from './RequestModal.tsx';
import './clarify.css';

const COLORS: Record<EvaluationClarificationStatus, string> = { awaiting: 'processing', answered: 'success', withdrawn: 'default', expired: 'warning' };

/**
 * The committee's clarifications (评标澄清, decision 0029) for the evaluation room: every request with its
 * status, the answers with their files; the chair composes and withdraws (`chair`, inside the window).
 * Members and officers see the same list; the server refuses anyone else.
 */
export function ClarificationsPanel({ sectionId, bids, windowEndsAt, chair, windowOpen }: {
  sectionId: string;
  bids: { bidId: string; entityName: string }[];
  windowEndsAt: string | null;
  /** The caller chairs the committee (the only one who sends and withdraws). */
  chair: boolean;
  windowOpen: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useLoader(() => clarificationsApi.list(sectionId), [sectionId]);
  const [composing, setComposing] = useState(false);
  const mayAct = chair && windowOpen && windowEndsAt !== null;

  const withdraw = async (id: string) => {
    try {
      await clarificationsApi.withdraw(sectionId, id);
      message.success(t('evaluationClarify.withdrawn'));
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
    await reload();
  };

  const action = mayAct ? (
    <Button type="primary" onClick={() => setComposing(true)} data-testid="clarify-compose">
      {t('evaluationClarify.request')}
    </Button>
  ) : (
    <Tooltip title={t('evaluationClarify.onlyChair')}>
      <QuestionCircleOutlined />
    </Tooltip>
  );

  return (
    <Card title={t('evaluationClarify.title')} extra={action} data-testid="clarify-panel">
      {error !== undefined && <LoadError error={error} onRetry={() => void reload()} />}
      <Table<EvaluationClarificationView>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data ?? []}
        pagination={false}
        locale={{ emptyText: t('evaluationClarify.empty') }}
        expandable={{ expandedRowRender: (r) => <ClarificationAnswer request={r} /> }}
        columns={[
          { title: t('evaluationClarify.bid'), dataIndex: 'entityName' },
          { title: t('evaluationClarify.items'), render: (_, r) => r.items.length },
          { title: t('evaluationClarify.requestedAt'), render: (_, r) => formatTime(r.requestedAt) },
          { title: t('evaluationClarify.deadline'), render: (_, r) => formatTime(r.deadline) },
          {
            title: t('evaluationClarify.status'),
            render: (_, r) => (
              <Tag color={COLORS[r.status]} data-testid={`clarify-status-${r.id}`}>
                {t(`evaluationClarify.statuses.${r.status}`)}
              </Tag>
            ),
          },
          {
            key: 'actions',
            render: (_, r) =>
              mayAct && r.status === 'awaiting' ? (
                <Popconfirm title={t('evaluationClarify.withdrawConfirm')} onConfirm={() => withdraw(r.id)}>
                  <Button size="small" danger>
                    {t('evaluationClarify.withdraw')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      {composing && windowEndsAt && <RequestModal sectionId={sectionId} bids={bids} windowEndsAt={windowEndsAt} onClose={() => setComposing(false)} onSent={() => void reload()} />}
    </Card>
  );
}
