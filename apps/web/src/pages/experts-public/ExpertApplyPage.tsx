import { Alert, App, Button, Card, Checkbox, Col, Divider, Form, Input, Row, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { expertsApi, type ExpertApplicationReceipt } from '../../api/experts.ts';
import { applyProblemToForm, problemMessage } from '../../api/problem.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { requiredText, residentIdRule } from '../../components/rules.ts';
import { ConflictsEditor } from '../experts/ConflictsEditor.tsx';
import { ExpertFactsFields } from '../experts/ExpertFactsFields.tsx';
import { toApplication, type ExpertFormValues } from '../experts/expertForm.ts';
import { formPath } from '../experts/fieldRules.ts';
import { ApplicationReceipt } from './ApplicationReceipt.tsx';
import { StatusCheckCard } from './StatusCheckCard.tsx';
import '../experts/experts.css';

/** 专家申请入库: anyone applies without an account and follows the application with its number and token. */
export default function ExpertApplyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ExpertFormValues & { agree?: boolean }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [receipt, setReceipt] = useState<ExpertApplicationReceipt>();

  const submit = async (values: ExpertFormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      setReceipt(await expertsApi.apply(toApplication(values)));
      window.scrollTo({ top: 0 });
    } catch (err) {
      applyProblemToForm(t, form, err, formPath);
      setError(err);
      message.error(problemMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="expert-apply">
      <PageHeading
        title={t('experts.apply.title')}
        subtitle={t('experts.apply.subtitle')}
        trail={[{ title: t('experts.apply.title') }]}
        extra={<Link to="/experts/record">{t('experts.record.title')}</Link>}
      />
      <div className="container page-body">
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            {receipt ? (
              <ApplicationReceipt
                receipt={receipt}
                onAnother={() => {
                  form.resetFields();
                  setReceipt(undefined);
                }}
              />
            ) : (
              <Card>
                <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ conflicts: { employers: [], relativesEmployers: [] } }} scrollToFirstError>
                  <Divider titlePlacement="start">{t('experts.apply.basics')}</Divider>
                  <Row gutter={16}>
                    <Col xs={24} md={12}>
                      <Form.Item label={t('experts.fields.name')} name="name" rules={requiredText(t, 50)}>
                        <Input maxLength={50} autoComplete="name" data-testid="expert-name" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item
                        label={t('experts.fields.idNumber')}
                        name="idNumber"
                        required
                        rules={[residentIdRule(t, true)]}
                        normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}
                        extra={t('experts.idNumberHint')}
                      >
                        <Input maxLength={18} className="mono" autoComplete="off" data-testid="expert-id-number" />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Divider titlePlacement="start">{t('experts.apply.professional')}</Divider>
                  <ExpertFactsFields />
                  <Divider titlePlacement="start">{t('experts.fields.conflicts')}</Divider>
                  <ConflictsEditor />
                  <Divider />
                  {error !== undefined && <Alert type="error" showIcon title={problemMessage(t, error)} className="form-alert" />}
                  <Form.Item
                    name="agree"
                    valuePropName="checked"
                    rules={[{ validator: async (_r, v: unknown) => { if (!v) throw new Error(t('experts.apply.agreeRequired')); } }]}
                  >
                    <Checkbox data-testid="expert-agree">{t('experts.apply.agree')}</Checkbox>
                  </Form.Item>
                  <Space>
                    <Button type="primary" htmlType="submit" loading={busy} data-testid="expert-apply-submit">
                      {t('experts.apply.submit')}
                    </Button>
                  </Space>
                </Form>
              </Card>
            )}
          </Col>
          <Col xs={24} xl={8}>
            <StatusCheckCard initial={receipt ? { id: receipt.id, token: receipt.statusToken } : undefined} />
          </Col>
        </Row>
      </div>
    </div>
  );
}
