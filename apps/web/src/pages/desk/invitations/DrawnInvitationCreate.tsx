import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationDrawSource } from '@bidhall/contracts';
import { invitationsApi, type BidderView } from '../../../api/notices.ts';
import { useServerClock } from '../../../hooks/useServerClock.tsx';
import { DeskProblem } from '../DeskProblem.tsx';
import { useDesk } from '../deskContext.ts';
import { BidderPicker } from './BidderPicker.tsx';

const MIN_INVITEES = 3;
/** 政府采购货物和服务招标投标管理办法 第14条: a database or a recommendation names twice the number drawn. */
const FACTOR: Record<InvitationDrawSource, number> = { prequalification: 1, supplierDatabase: 2, recommendation: 2 };
const SOURCES = Object.keys(FACTOR) as InvitationDrawSource[];

/**
 * B-007: government goods and services by invitation. The tenderer names the qualified suppliers with
 * their evidence; the platform fixes the list and draws the invitees among them.
 */
export function DrawnInvitationCreate({ onCreated }: { onCreated: () => Promise<void> }) {
  const { t } = useTranslation();
  const { section } = useDesk();
  const { now } = useServerClock();
  const [source, setSource] = useState<InvitationDrawSource>('prequalification');
  const [count, setCount] = useState(MIN_INVITEES);
  const [qualified, setQualified] = useState<BidderView[]>([]);
  const [evidence, setEvidence] = useState<Record<string, string>>({});
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const minimum = Math.max(count * FACTOR[source], MIN_INVITEES);
  const missingEvidence = qualified.some((q) => !evidence[q.entityId]?.trim());
  const ready = qualified.length >= minimum && !missingEvidence && deadline !== null && section.canManage;

  const create = async () => {
    if (!deadline) return;
    setBusy(true);
    setError(undefined);
    try {
      await invitationsApi.create({
        sectionIds: [section.id],
        replyDeadline: deadline.toISOString(),
        draw: { source, count, qualified: qualified.map((q) => ({ entityId: q.entityId, evidence: evidence[q.entityId]!.trim() })) },
      });
      await onCreated();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('desk.invitation.createTitle')} data-testid="invitation-create">
      <Alert type="info" showIcon className="form-alert" title={t('desk.invitation.draw.rule')} />
      <Form layout="vertical">
        <Form.Item label={t('desk.invitation.draw.source')} required>
          <Radio.Group
            value={source}
            onChange={(e) => setSource(e.target.value as InvitationDrawSource)}
            options={SOURCES.map((s) => ({ value: s, label: t(`desk.invitation.draw.sources.${s}`) }))}
            data-testid="draw-source"
          />
        </Form.Item>
        <Form.Item label={t('desk.invitation.draw.count')} required>
          <InputNumber min={MIN_INVITEES} max={50} value={count} onChange={(v) => setCount(v ?? MIN_INVITEES)} data-testid="draw-count" />
        </Form.Item>
        <Form.Item label={t('desk.invitation.draw.qualified')} extra={t('desk.invitation.draw.minimum', { count: minimum })}>
          <BidderPicker selected={qualified} onChange={setQualified} />
        </Form.Item>
        {qualified.length > 0 && (
          <Table<BidderView>
            size="small"
            rowKey="entityId"
            dataSource={qualified}
            pagination={false}
            data-testid="draw-qualified"
            columns={[
              { key: 'name', title: t('desk.invitation.bidderName'), dataIndex: 'name' },
              {
                key: 'evidence',
                title: t('desk.invitation.draw.evidence'),
                render: (_: unknown, q: BidderView) => (
                  <Input
                    maxLength={500}
                    placeholder={t('desk.invitation.draw.evidenceHint')}
                    value={evidence[q.entityId] ?? ''}
                    onChange={(e) => setEvidence({ ...evidence, [q.entityId]: e.target.value })}
                    status={evidence[q.entityId]?.trim() ? undefined : 'warning'}
                  />
                ),
              },
            ]}
          />
        )}
        <Form.Item label={t('desk.invitation.replyDeadline')} required>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={deadline}
            onChange={setDeadline}
            disabledDate={(d) => d.isBefore(dayjs(now()), 'day')}
            data-testid="invitation-deadline"
          />
        </Form.Item>
        <DeskProblem error={error} testId="invitation-problem" />
        <Space>
          <Button type="primary" disabled={!ready} loading={busy} onClick={() => void create()} data-testid="invitation-create-submit">
            {t('desk.invitation.draw.create')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
