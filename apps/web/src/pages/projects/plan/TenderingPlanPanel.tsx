import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { SectionView, TenderingPlanView } from '@bidhall/contracts';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Form, Input, Modal, Row, Select, Skeleton, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { applyProblemToForm } from '../../../api/problem.ts';
import { projectsApi } from '../../../api/projects.ts';
import { LoadError } from '../../../components/LoadError.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useLoader } from '../../../hooks/useLoader.ts';
import { ReviewHistory } from '../ReviewHistory.tsx';
import { SubmissionTag } from '../tags.tsx';

interface Values {
  description: string;
  items: { milestone: string; plannedDate: Dayjs | null; sectionId?: string; note?: string }[];
  team: { name: string; role: string; duties: string; phone?: string }[];
}

interface Props {
  tenderingProjectId: string;
  planId: string | undefined;
  onPlanId: (id: string) => void;
  sections: SectionView[];
  /** The tenderer or its agency: may edit and submit. */
  canEdit: boolean;
}

function valuesOf(plan: TenderingPlanView | undefined): Values {
  if (!plan) return { description: '', items: [{ milestone: '', plannedDate: null }], team: [{ name: '', role: '', duties: '' }] };
  return {
    description: plan.description,
    items: plan.items.map((i) => ({ milestone: i.milestone, plannedDate: dayjs(i.plannedDate), sectionId: i.sectionId ?? undefined, note: i.note })),
    team: plan.team.map((m) => ({ ...m })),
  };
}

/** The tendering plan with its milestones and the tendering team (A-47…A-49): edited, submitted, reviewed. */
export function TenderingPlanPanel({ tenderingProjectId, planId, onPlanId, sections, canEdit }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const plan = useLoader(() => (planId ? projectsApi.tenderingPlan(planId) : Promise.resolve(undefined)), [planId]);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<'save' | 'submit'>();
  const [error, setError] = useState<unknown>();
  const [creating, setCreating] = useState(false);
  const p = plan.data;
  const editable = canEdit && (!p || p.status === 'draft' || p.status === 'rejected');

  useEffect(() => {
    form.setFieldsValue(valuesOf(p));
  }, [form, p]);

  if (plan.error && !p) return <LoadError error={plan.error} onRetry={() => void plan.reload()} />;
  if (planId && !p) return <Skeleton active />;
  if (!p && !creating) {
    return (
      <Empty description={t('projects.plan.none')}>
        {canEdit && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="plan-create">
            {t('projects.plan.create')}
          </Button>
        )}
      </Empty>
    );
  }

  const save = async (submit: boolean) => {
    const values = await form.validateFields();
    const body = {
      description: values.description ?? '',
      items: values.items.map((i) => ({
        milestone: i.milestone,
        plannedDate: i.plannedDate ? i.plannedDate.format('YYYY-MM-DD') : '',
        ...(i.sectionId ? { sectionId: i.sectionId } : {}),
        note: i.note ?? '',
      })),
      team: values.team.map((m) => ({ name: m.name, role: m.role, duties: m.duties, phone: m.phone ?? '' })),
    };
    setBusy(submit ? 'submit' : 'save');
    setError(undefined);
    try {
      const saved = p ? await projectsApi.updateTenderingPlan(p.id, { ...body, submit }) : await projectsApi.createTenderingPlan({ ...body, tenderingProjectId, submit });
      message.success(t(submit ? 'projects.plan.submitted' : 'projects.plan.saved'));
      setCreating(false);
      if (saved.id !== planId) onPlanId(saved.id);
      else void plan.reload();
    } catch (err) {
      // The tendering project has a plan already: open it.
      if (err instanceof ApiError && err.code === 'TENDERING_PLAN_EXISTS' && typeof err.details.id === 'string') onPlanId(err.details.id);
      setError(err);
      applyProblemToForm(t, form, err, (s) => s.map((x) => (/^\d+$/.test(x) ? Number(x) : x)));
    } finally {
      setBusy(undefined);
    }
  };

  const confirmSubmit = () =>
    Modal.confirm({
      title: t('projects.plan.submit'),
      content: t('projects.plan.submitConfirm'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => save(true),
    });

  const required = { required: true, whitespace: true, message: t('projects.entry.required') };
  const sectionOptions = sections.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }));

  return (
    <div data-testid="tendering-plan">
      {p && (
        <Space className="contract-actions">
          <SubmissionTag status={p.status} />
          {p.effective && <Tag color="success">{t('projects.plan.effective')}</Tag>}
        </Space>
      )}
      {p && !editable && canEdit && <Alert type="info" showIcon className="form-alert" title={t('projects.plan.notEditable')} />}
      <ProblemAlert error={error} />
      <Row gutter={16}>
        <Col xs={24} xl={p ? 17 : 24}>
          <Form form={form} layout="vertical" disabled={!editable}>
            <Form.Item name="description" label={t('projects.plan.description')} rules={[{ max: 20000 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Card size="small" title={t('projects.plan.items')} className="section-card">
              <Form.List name="items">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      <Row gutter={8} key={f.key} align="top">
                        <Col xs={24} md={7}>
                          <Form.Item name={[f.name, 'milestone']} label={t('projects.plan.milestone')} rules={[required, { max: 200 }]}>
                            <Input maxLength={200} />
                          </Form.Item>
                        </Col>
                        <Col xs={12} md={5}>
                          <Form.Item name={[f.name, 'plannedDate']} label={t('projects.plan.plannedDate')} rules={[{ required: true, message: t('projects.entry.required') }]}>
                            <DatePicker style={{ width: '100%' }} />
                          </Form.Item>
                        </Col>
                        <Col xs={12} md={5}>
                          <Form.Item name={[f.name, 'sectionId']} label={t('projects.plan.section')}>
                            <Select allowClear placeholder={t('projects.plan.allSections')} options={sectionOptions} />
                          </Form.Item>
                        </Col>
                        <Col xs={20} md={6}>
                          <Form.Item name={[f.name, 'note']} label={t('projects.plan.note')} rules={[{ max: 2000 }]}>
                            <Input />
                          </Form.Item>
                        </Col>
                        <Col xs={4} md={1}>
                          {editable && fields.length > 1 && (
                            <Button type="text" danger icon={<DeleteOutlined />} className="row-remove" onClick={() => remove(f.name)} aria-label={t('projects.plan.remove')} />
                          )}
                        </Col>
                      </Row>
                    ))}
                    {editable && (
                      <Button icon={<PlusOutlined />} onClick={() => add({ milestone: '', plannedDate: null })}>
                        {t('projects.plan.addItem')}
                      </Button>
                    )}
                  </>
                )}
              </Form.List>
            </Card>
            <Card size="small" title={t('projects.plan.team')} className="section-card">
              <Form.List name="team">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      <Row gutter={8} key={f.key} align="top">
                        <Col xs={12} md={4}>
                          <Form.Item name={[f.name, 'name']} label={t('projects.plan.memberName')} rules={[required, { max: 60 }]}>
                            <Input maxLength={60} />
                          </Form.Item>
                        </Col>
                        <Col xs={12} md={4}>
                          <Form.Item name={[f.name, 'role']} label={t('projects.plan.memberRole')} rules={[required, { max: 60 }]}>
                            <Input maxLength={60} />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={10}>
                          <Form.Item name={[f.name, 'duties']} label={t('projects.plan.memberDuties')} rules={[required, { max: 2000 }]}>
                            <Input />
                          </Form.Item>
                        </Col>
                        <Col xs={20} md={5}>
                          <Form.Item name={[f.name, 'phone']} label={t('projects.plan.memberPhone')} rules={[{ max: 30 }]}>
                            <Input maxLength={30} />
                          </Form.Item>
                        </Col>
                        <Col xs={4} md={1}>
                          {editable && fields.length > 1 && (
                            <Button type="text" danger icon={<DeleteOutlined />} className="row-remove" onClick={() => remove(f.name)} aria-label={t('projects.plan.remove')} />
                          )}
                        </Col>
                      </Row>
                    ))}
                    {editable && (
                      <Button icon={<PlusOutlined />} onClick={() => add({ name: '', role: '', duties: '' })}>
                        {t('projects.plan.addMember')}
                      </Button>
                    )}
                  </>
                )}
              </Form.List>
            </Card>
          </Form>
          {editable && (
            <Space className="steps-actions">
              <Button loading={busy === 'save'} onClick={() => void save(false)} data-testid="plan-save">
                {t('projects.plan.save')}
              </Button>
              <Button type="primary" loading={busy === 'submit'} onClick={confirmSubmit} data-testid="plan-submit">
                {t('projects.plan.saveSubmit')}
              </Button>
            </Space>
          )}
        </Col>
        {p && (
          <Col xs={24} xl={7}>
            <Card size="small" title={t('projects.reviews.title')}>
              <ReviewHistory reviews={p.reviews} />
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
