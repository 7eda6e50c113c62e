import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { CONTRACT_LIMITS, type PerformanceInput, type PerformanceView } from '@bidhall/contracts';
import { Button, Checkbox, DatePicker, Empty, Form, Input, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contractApi } from '../../../api/contract.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { requiredText } from '../../../components/rules.ts';
import { formatBeijing, formatTime } from '../../../format.ts';
import { useServerClock } from '../../../hooks/useServerClock.tsx';

type Values = { day: Dayjs; milestone: string; content: string; attachmentSm3?: string; completed?: boolean };

/**
 * Performance records of both sides (A-185 the tenderer, A-186 the winner): each published as it is
 * recorded, with the day, the milestone, what happened and a supporting file's SM3.
 */
export function PerformancePanel({
  sectionId,
  records,
  canRecord,
  canComplete = false,
  onRecorded,
}: {
  sectionId: string;
  records: PerformanceView[];
  canRecord: boolean;
  /** The tenderer's side may record the contract as performed: the performance bond is then released (decision 0038). */
  canComplete?: boolean;
  onRecorded: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { now } = useServerClock();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const today = dayjs(formatBeijing(now()).slice(0, 10));

  return (
    <>
      {canRecord && (
        <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} className="card-lead" data-testid="performance-record">
          {t('contract.performance.record')}
        </Button>
      )}
      {records.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contract.performance.empty')} />
      ) : (
        <Table<PerformanceView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={records}
          data-testid="performance-table"
          columns={[
            {
              key: 'day',
              title: t('contract.performance.day'),
              dataIndex: 'day',
              width: 110,
              render: (v: string) => <span className="mono">{v}</span>,
            },
            {
              key: 'side',
              title: t('contract.performance.side'),
              width: 220,
              render: (_, r) => (
                <span>
                  <Tag color={r.side === 'winner' ? 'blue' : 'gold'}>{t(`contract.sides.${r.side}`)}</Tag>
                  {r.entityName}
                </span>
              ),
            },
            { key: 'milestone', title: t('contract.performance.milestone'), dataIndex: 'milestone', width: 140 },
            {
              key: 'content',
              title: t('contract.performance.content'),
              render: (_, r) => (
                <div>
                  <div className="pre-wrap">{r.content}</div>
                  {r.attachmentSm3 && <div className="mono small muted">SM3 {r.attachmentSm3}</div>}
                  <div className="muted small">{formatTime(r.recordedAt)}</div>
                </div>
              ),
            },
            {
              key: 'notice',
              title: t('contract.performance.notice'),
              width: 90,
              render: (_, r) =>
                r.publicationId && (
                  <Link to={`/notices/${r.publicationId}`}>
                    <FileTextOutlined />
                  </Link>
                ),
            },
          ]}
        />
      )}
      {open && (
        <FormModal<Values>
          form={form}
          title={t('contract.performance.record')}
          initialValues={{ day: today }}
          okText={t('contract.performance.submit')}
          onClose={() => setOpen(false)}
          onDone={onRecorded}
          fieldOf={(segments) => (segments[0] ? [segments[0]] : undefined)}
          onSubmit={async (v) => {
            const body: PerformanceInput = {
              day: v.day.format('YYYY-MM-DD'),
              milestone: v.milestone.trim(),
              content: v.content.trim(),
              attachmentSm3: v.attachmentSm3?.trim() ? v.attachmentSm3.trim().toLowerCase() : null,
              ...(canComplete && v.completed ? { completed: true } : {}),
            };
            await contractApi.record(sectionId, body);
            return t('contract.performance.recorded');
          }}
          data-testid="performance-modal"
        >
          <Form.Item
            name="day"
            label={t('contract.performance.day')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} data-testid="performance-day" />
          </Form.Item>
          <Form.Item
            name="milestone"
            label={t('contract.performance.milestone')}
            extra={t('contract.performance.milestoneHint')}
            rules={requiredText(t, CONTRACT_LIMITS.milestoneChars)}
          >
            <Input maxLength={CONTRACT_LIMITS.milestoneChars} data-testid="performance-milestone" />
          </Form.Item>
          <Form.Item
            name="content"
            label={t('contract.performance.content')}
            rules={requiredText(t, CONTRACT_LIMITS.performanceChars)}
          >
            <Input.TextArea rows={4} maxLength={CONTRACT_LIMITS.performanceChars} data-testid="performance-content" />
          </Form.Item>
          <Form.Item
            name="attachmentSm3"
            label={t('contract.performance.attachment')}
            extra={t('contract.performance.attachmentHint')}
            rules={[{ pattern: /^\s*([0-9a-fA-F]{64})?\s*$/, message: 'SM3' }]}
          >
            <Input className="mono" maxLength={64} />
          </Form.Item>
          {canComplete && (
            <Form.Item name="completed" valuePropName="checked" extra={t('performanceBond.completedHint')}>
              <Checkbox data-testid="performance-completed">{t('performanceBond.completed')}</Checkbox>
            </Form.Item>
          )}
        </FormModal>
      )}
    </>
  );
}
