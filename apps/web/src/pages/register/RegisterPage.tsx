import { App, Button, Card, Form, Skeleton, Space, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogApi } from '../../api/catalog.ts';
import { ApiError } from '../../api/client.ts';
import { problemFields, problemMessage, type FieldProblem } from '../../api/problem.ts';
import { registrationApi } from '../../api/registration.ts';
import type { EntityView } from '../../api/types.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useLoader } from '../../hooks/useLoader.ts';
import { AccountStep } from './AccountStep.tsx';
import { AgreementStep } from './AgreementStep.tsx';
import { buildRequest, STEP_FIELDS, stepOfField, type WizardValues } from './buildRequest.ts';
import { CommitmentStep } from './CommitmentStep.tsx';
import { EntityStep } from './EntityStep.tsx';
import { ResultStep } from './ResultStep.tsx';

/** Market entity registration in five steps, ending in instant admission, review, or a saved draft. */
export default function RegisterPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<WizardValues>();
  const texts = useLoader(() => catalogApi.registrationTexts(), []);
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState<'submit' | 'draft'>();
  const [result, setResult] = useState<{ entity: EntityView; username: string }>();
  // Errors the server found in fields of an earlier step: shown once that step is back on screen.
  const [refused, setRefused] = useState<FieldProblem[]>([]);

  useEffect(() => {
    if (refused.length === 0) return;
    // After the step's fields have registered (twice, under StrictMode in development).
    const timer = window.setTimeout(() => {
      form.setFields(refused as Parameters<typeof form.setFields>[0]);
      setRefused([]);
    }, 0);
    return () => window.clearTimeout(timer);
  }, [refused, step, form]);

  const next = async () => {
    try {
      await form.validateFields(STEP_FIELDS[step]);
      setStep(step + 1);
    } catch {
      // the form shows what is missing
    }
  };

  const send = async (draft: boolean) => {
    if (!texts.data) return;
    const fields = draft ? STEP_FIELDS.slice(0, 3).flat() : STEP_FIELDS.flat();
    try {
      await form.validateFields(fields);
    } catch {
      return;
    }
    const values = form.getFieldsValue(true) as WizardValues;
    setBusy(draft ? 'draft' : 'submit');
    try {
      const body = buildRequest(values, texts.data, draft);
      const created = await registrationApi.register(body);
      setResult({ entity: created.entity, username: body.account.username });
      setStep(4);
      message.success(t(draft ? 'register.draftSaved' : 'register.submitted'));
    } catch (err) {
      const fields = problemFields(t, err);
      if (fields[0]) {
        setStep(Math.min(...fields.map((f) => stepOfField(f.name))));
        setRefused(fields);
      }
      if (err instanceof ApiError && (err.code === 'AGREEMENT_OUTDATED' || err.code === 'COMMITMENT_OUTDATED')) {
        await texts.reload();
        form.setFieldsValue({ agreementAccepted: false, commitmentSigned: false });
        setStep(err.code === 'AGREEMENT_OUTDATED' ? 0 : 3);
      }
      message.error(problemMessage(t, err));
    } finally {
      setBusy(undefined);
    }
  };

  const steps = [
    t('register.steps.agreement'),
    t('register.steps.entity'),
    t('register.steps.account'),
    t('register.steps.commitment'),
    t('register.steps.result'),
  ];
  const mode = Form.useWatch('mode', form);

  return (
    <div data-testid="register-page">
      <PageHeading title={t('register.title')} subtitle={t('register.subtitle')} trail={[{ title: t('register.title') }]} />
      <div className="container page-body">
        <Card className="wizard-card">
          <Steps current={step} items={steps.map((title) => ({ title }))} className="wizard-steps" data-testid="register-steps" />
          {texts.error ? (
            <LoadError error={texts.error} onRetry={() => void texts.reload()} />
          ) : !texts.data ? (
            <Skeleton active paragraph={{ rows: 8 }} />
          ) : step === 4 && result ? (
            <ResultStep entity={result.entity} username={result.username} />
          ) : (
            <Form
              form={form}
              layout="vertical"
              requiredMark
              initialValues={{ entity: { roles: [] }, mode: 'sign' }}
              scrollToFirstError
            >
              {step === 0 && <AgreementStep text={texts.data.agreement} />}
              {step === 1 && <EntityStep />}
              {step === 2 && <AccountStep />}
              {step === 3 && <CommitmentStep text={texts.data.commitment} />}
              <div className="wizard-actions">
                <Space>
                  {step > 0 && (
                    <Button onClick={() => setStep(step - 1)} data-testid="wizard-prev">
                      {t('common.previous')}
                    </Button>
                  )}
                </Space>
                <Space>
                  {step >= 2 && (
                    <Button
                      onClick={() => void send(true)}
                      loading={busy === 'draft'}
                      disabled={busy === 'submit'}
                      data-testid="wizard-draft"
                    >
                      {t('register.saveDraft')}
                    </Button>
                  )}
                  {step < 3 ? (
                    <Button type="primary" onClick={() => void next()} data-testid="wizard-next">
                      {t('common.next')}
                    </Button>
                  ) : (
                    <Button
                      type="primary"
                      onClick={() => void send(false)}
                      loading={busy === 'submit'}
                      disabled={busy === 'draft'}
                      data-testid="wizard-submit"
                    >
                      {mode === 'review' ? t('register.submitForReview') : t('register.signAndSubmit')}
                    </Button>
                  )}
                </Space>
              </div>
            </Form>
          )}
        </Card>
      </div>
    </div>
  );
}
