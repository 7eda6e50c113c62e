import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clarificationDeskApi, type SiteVisitView } from '../../../api/documents.ts';
import { applyProblemToForm } from '../../../api/problem.ts';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { useServerClock } from '../../../hooks/useServerClock.tsx';
import { DeskProblem } from '../DeskProblem.tsx';

interface VisitForm {
  visitAt: Dayjs;
  meetingPlace: string;
  contact: string;
  notes?: string;
  remindMinutesBefore: number;
}
interface RecordForm {
  summary: string;
  attendees: string[];
}

/** A-77…A-79: the site-visit notice (sent to everyone who obtained the document, with a reminder) and its records. */
export function SiteVisitsPanel({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { now } = useServerClock();
  const { data, error, reload } = useLoader(() => clarificationDeskApi.siteVisits(documentId), [documentId]);
  const [creating, setCreating] = useState(false);
  const [recording, setRecording] = useState<SiteVisitView>();
  const [visitForm] = Form.useForm<VisitForm>();
  const [recordForm] = Form.useForm<RecordForm>();
  const [actionError, setActionError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const act = async (action: () => Promise<unknown>, form?: Parameters<typeof applyProblemToForm>[1]) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await action();
      void message.success(t('desk.saved'));
      await reload();
      return true;
    } catch (err) {
      if (form) applyProblemToForm(t, form, err);
      setActionError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="site-visits">
      <DeskProblem error={error ?? (!creating && !recording ? actionError : undefined)} />
      <Button type="primary" icon={<PlusOutlined />} className="desk-actions" onClick={() => { visitForm.resetFields(); setActionError(undefined); setCreating(true); }} data-testid="site-visit-new">
        {t('desk.siteVisit.new')}
      </Button>
      {(data ?? []).length === 0 && <Empty description={t('desk.siteVisit.none')} />}
      {(data ?? []).map((v) => (
        <Card
          key={v.id}
          size="small"
          className="desk-method-card"
          title={
            <Space>
              {formatTime(v.visitAt)}
              <Tag color={v.status === 'sent' ? 'green' : 'default'}>{t(`desk.siteVisit.status.${v.status}`)}</Tag>
              {v.remindedAt && <Tag color="blue">{t('desk.siteVisit.reminded', { time: formatTime(v.remindedAt) })}</Tag>}
            </Space>
          }
          extra={
            <Space>
              {v.status === 'draft' && (
                <Popconfirm title={t('desk.siteVisit.sendConfirm')} onConfirm={() => void act(() => clarificationDeskApi.sendSiteVisit(v.id))}>
                  <Button size="small" type="primary" icon={<SendOutlined />}>{t('desk.siteVisit.send')}</Button>
                </Popconfirm>
              )}
              <Button size="small" onClick={() => { recordForm.resetFields(); setActionError(undefined); setRecording(v); }}>{t('desk.siteVisit.addRecord')}</Button>
            </Space>
          }
        >
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'place', label: t('desk.siteVisit.meetingPlace'), children: v.meetingPlace },
              { key: 'contact', label: t('desk.siteVisit.contact'), children: v.contact },
              { key: 'remind', label: t('desk.siteVisit.remind'), children: t('desk.siteVisit.minutesBefore', { minutes: v.remindMinutesBefore }) },
              { key: 'sent', label: t('desk.siteVisit.sentAt'), children: formatTime(v.sentAt) },
              ...(v.notes ? [{ key: 'notes', label: t('desk.siteVisit.notes'), children: v.notes }] : []),
            ]}
          />
          {v.records.map((r) => (
            <Card key={r.id} type="inner" size="small" title={t('desk.siteVisit.record', { time: formatTime(r.createdAt) })} extra={
              r.status === 'draft' ? (
                <Button size="small" icon={<SendOutlined />} onClick={() => void act(() => clarificationDeskApi.sendRecord(r.id))}>{t('desk.siteVisit.send')}</Button>
              ) : (
                <Tag color="green">{t('desk.siteVisit.status.sent')}</Tag>
              )
            }>
              <div className="desk-answer">{r.summary}</div>
              <div className="muted">{t('desk.siteVisit.attendees')}: {r.attendees.join(t('common.listSeparator')) || '—'}</div>
            </Card>
          ))}
        </Card>
      ))}
      <Modal open={creating} title={t('desk.siteVisit.new')} onCancel={() => setCreating(false)} onOk={() => visitForm.submit()} okButtonProps={{ loading: busy }} okText={t('common.save')} cancelText={t('common.cancel')}>
        <DeskProblem error={creating ? actionError : undefined} />
        <Form<VisitForm>
          form={visitForm}
          layout="vertical"
          initialValues={{ remindMinutesBefore: 120 }}
          onFinish={(v) =>
            void act(
              () => clarificationDeskApi.createSiteVisit(documentId, { ...v, visitAt: v.visitAt.toISOString(), notes: v.notes || undefined }),
              visitForm,
            ).then((ok) => ok && setCreating(false))
          }
        >
          <Form.Item name="visitAt" label={t('desk.siteVisit.visitAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isBefore(dayjs(now()), 'day')} />
          </Form.Item>
          <Form.Item name="meetingPlace" label={t('desk.siteVisit.meetingPlace')} rules={[{ required: true, whitespace: true, max: 300 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="contact" label={t('desk.siteVisit.contact')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="remindMinutesBefore" label={t('desk.siteVisit.remind')} rules={[{ required: true }]}>
            <InputNumber min={5} max={7 * 24 * 60} suffix={t('desk.siteVisit.minutes')} />
          </Form.Item>
          <Form.Item name="notes" label={t('desk.siteVisit.notes')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!recording} title={t('desk.siteVisit.addRecord')} onCancel={() => setRecording(undefined)} onOk={() => recordForm.submit()} okButtonProps={{ loading: busy }} okText={t('common.save')} cancelText={t('common.cancel')}>
        <DeskProblem error={recording ? actionError : undefined} />
        <Form<RecordForm>
          form={recordForm}
          layout="vertical"
          initialValues={{ attendees: [] }}
          onFinish={(r) => recording && void act(() => clarificationDeskApi.addRecord(recording.id, r), recordForm).then((ok) => ok && setRecording(undefined))}
        >
          <Form.Item name="summary" label={t('desk.siteVisit.summary')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={5} />
          </Form.Item>
          <Form.Item name="attendees" label={t('desk.siteVisit.attendees')} extra={t('desk.siteVisit.attendeesHint')}>
            <Select mode="tags" open={false} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
