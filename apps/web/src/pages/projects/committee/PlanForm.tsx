import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { EXPERT_LEVELS, type CommitteePlanInput, type CommitteeView, type Sitting } from '@bidhall/contracts';
import {
  App,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { committeeApi } from '../../../api/experts.ts';
import { applyProblemToForm, problemMessage } from '../../../api/problem.ts';
import { requiredText } from '../../../components/rules.ts';
import { useCatalog } from '../../../hooks/useCatalog.tsx';
import { useLocale } from '../../../i18n/LocaleProvider.tsx';
import { formPath, optionalCreditCode } from '../../experts/fieldRules.ts';
import { specialtyTree } from '../../experts/specialties.ts';
import { seatCounts, toPlanForm, toPlanInput, type PlanFormValues } from './planForm.ts';
import { planLabel } from './planLabel.ts';

interface Props {
  sectionId: string;
  sitting: Sitting;
  section: { regionCode: string; mandatory: boolean };
  plan: CommitteePlanInput | null;
  onSaved: (view: CommitteeView) => void;
  /** The composition refusals of the plan sent (none once a plan is saved). */
  onIssues: (refused: { plan: CommitteePlanInput; issues: { rule: string; message: string }[] } | undefined) => void;
}

/** The committee plan, editable until experts are drawn: size, representatives, seats per specialty, levels, regions, time and place. */
export function PlanForm({ sectionId, sitting, section, plan, onSaved, onIssues }: Props) {
  const { t } = useTranslation();
  const { lang } = useLocale();
  const { message } = App.useApp();
  const { regions, regionName } = useCatalog();
  const [form] = Form.useForm<PlanFormValues>();
  const [busy, setBusy] = useState(false);
  const tree = useMemo(() => specialtyTree(lang), [lang]);
  const initial = useMemo(() => toPlanForm(plan, section), [plan, section]);
  const values = Form.useWatch([], form) as PlanFormValues | undefined;
  const counts = seatCounts(values ?? initial);
  const required = { required: true, message: t('validation.required') };

  const save = async (v: PlanFormValues) => {
    setBusy(true);
    const plan = toPlanInput(v);
    try {
      const view = await committeeApi.savePlan(sectionId, plan, sitting);
      onIssues(undefined);
      onSaved(view);
      message.success(t('experts.committee.plan.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'COMMITTEE_PLAN_INVALID')
        onIssues({ plan, issues: (err.details.issues ?? []) as { rule: string; message: string }[] });
      applyProblemToForm(t, form, err, formPath);
      message.error(problemMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)} data-testid="committee-plan-form">
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item name="size" label={t(planLabel(sitting, 'size'))} rules={[required]}>
            <InputNumber min={3} max={25} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="tendererRepresentatives"
            label={t('experts.committee.plan.tendererRepresentatives')}
            rules={[required]}
          >
            <InputNumber min={0} max={8} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="mandatory" label={t('experts.committee.plan.mandatory')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="waterProject" label={t('experts.committee.plan.waterProject')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong>{t('experts.committee.plan.specialties')}</Typography.Text>{' '}
      <Typography.Text type={counts.expertSeats === counts.specialtySeats ? 'secondary' : 'danger'} data-testid="plan-seat-count">
        {t('experts.committee.plan.experts', { count: counts.expertSeats })} ·{' '}
        {t('experts.committee.plan.specialtySeats', { count: counts.specialtySeats })}
      </Typography.Text>
      <Form.List name="specialties">
        {(fields, { add, remove }) => (
          <div className="expert-list">
            {fields.map(({ key, name }) => (
              <Space key={key} align="start" wrap className="expert-list-row">
                <Form.Item name={[name, 'code']} rules={[required]}>
                  <TreeSelect
                    treeData={tree}
                    treeDefaultExpandAll
                    showSearch={{ treeNodeFilterProp: 'title' }}
                    placeholder={t('experts.committee.plan.specialty')}
                    style={{ width: 260 }}
                  />
                </Form.Item>
                <Form.Item name={[name, 'count']} rules={[required]}>
                  <InputNumber min={1} max={25} suffix={t('experts.committee.plan.count')} style={{ width: 130 }} />
                </Form.Item>
                {fields.length > 1 && (
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('experts.conflicts.remove')}
                    onClick={() => remove(name)}
                  />
                )}
              </Space>
            ))}
            {fields.length < 10 && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ count: 1 })}>
                {t('experts.committee.plan.addSpecialty')}
              </Button>
            )}
          </div>
        )}
      </Form.List>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="levels" label={t('experts.committee.plan.levels')} rules={[{ ...required, type: 'array', min: 1 }]}>
            <Checkbox.Group options={EXPERT_LEVELS.map((l) => ({ value: l, label: t(`experts.levels.${l}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="regionCodes"
            label={t('experts.committee.plan.regionCodes')}
            extra={t('experts.committee.plan.regionHint')}
            rules={[{ ...required, type: 'array', min: 1 }]}
          >
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={regions.map((r) => ({ value: r.code, label: regionName(r.code) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="evaluationStartsAt" label={t(planLabel(sitting, 'evaluationStartsAt'))} rules={[required]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="venue" label={t(planLabel(sitting, 'venue'))} rules={requiredText(t, 200)}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="answerWithinMinutes" label={t('experts.committee.plan.answerWithinMinutes')} rules={[required]}>
            <InputNumber min={5} max={1440} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong>{t('experts.committee.plan.avoidUnits')}</Typography.Text>
      <div className="muted small">{t('experts.committee.plan.avoidHint')}</div>
      <Form.List name="avoidUnits">
        {(fields, { add, remove }) => (
          <div className="expert-list">
            {fields.map(({ key, name }) => (
              <Space key={key} align="start" wrap className="expert-list-row">
                <Form.Item name={[name, 'name']} rules={requiredText(t, 200)}>
                  <Input placeholder={t('experts.committee.plan.unitName')} style={{ width: 280 }} maxLength={200} />
                </Form.Item>
                <Form.Item
                  name={[name, 'creditCode']}
                  rules={[optionalCreditCode(t)]}
                  normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}
                >
                  <Input
                    placeholder={t('experts.committee.plan.creditCode')}
                    className="mono"
                    style={{ width: 220 }}
                    maxLength={18}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('experts.conflicts.remove')}
                  onClick={() => remove(name)}
                />
              </Space>
            ))}
            {fields.length < 500 && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('experts.committee.plan.addUnit')}
              </Button>
            )}
          </div>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="committee-plan-save">
        {t('experts.committee.plan.save')}
      </Button>
    </Form>
  );
}
