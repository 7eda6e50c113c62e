import type { EntryFormView, PrefillView } from '@bidhall/contracts';
import { Alert, App, Button, Card, Col, Form, Modal, Row, Skeleton, Space, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { problemFields } from '../../api/problem.ts';
import { projectsApi } from '../../api/projects.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatTime } from '../../format.ts';
import { useLoader } from '../../hooks/useLoader.ts';
import { ConfirmStep } from './entry/ConfirmStep.tsx';
import { emptyValues, type EntryValues, fieldOfPath, prefillProject, requestFromValues, stepOfField, valuesFromView } from './entry/formModel.ts';
import { ProjectStep } from './entry/ProjectStep.tsx';
import { SectionsStep } from './entry/SectionsStep.tsx';
import { TenderingStep } from './entry/TenderingStep.tsx';
import { ReviewHistory } from './ReviewHistory.tsx';
import { SubmissionTag } from './tags.tsx';
import './projects.css';

/** The fields each step validates before the next one opens. */
const STEP_FIELDS: (string | number)[][][] = [
  [['approvalCode'], ['project']],
  [['tenderingProject'], ['tendererCreditCode']],
  [['sections']],
  [],
];

/**
 * 一表通办 (task 13): one form enters the project, its tendering project and sections, pre-filled from
 * the investment approval platform by the approval code. A draft or a returned form is edited and
 * (re)submitted; a form awaiting review or approved is read only.
 */
export default function EntryFormPage() {
  const { id } = useParams();
  const loaded = useLoader(() => (id ? projectsApi.entryForm(id) : Promise.resolve(undefined)), [id]);
  if (id && loaded.error) {
    return (
      <div className="container page-body">
        <LoadError error={loaded.error} onRetry={() => void loaded.reload()} />
      </div>
    );
  }
  if (id && !loaded.data) {
    return (
      <div className="container page-body">
        <Skeleton active paragraph={{ rows: 12 }} />
      </div>
    );
  }
  return <EntryForm key={id ?? 'new'} view={loaded.data} onSaved={() => void loaded.reload()} />;
}

function EntryForm({ view, onSaved }: { view: EntryFormView | undefined; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { user } = useSession();
  const [form] = Form.useForm<EntryValues>();
  // A form that cannot be edited opens on its summary.
  const [step, setStep] = useState(view && !(view.status === 'draft' || view.status === 'rejected') ? 3 : 0);
  const [busy, setBusy] = useState<'draft' | 'submit' | 'withdraw'>();
  const [error, setError] = useState<unknown>();
  const [prefill, setPrefill] = useState<PrefillView>();
  const [fetching, setFetching] = useState(false);
  const all = (Form.useWatch([], form) as Partial<EntryValues> | undefined) ?? {};

  const roles = user?.entity?.roles ?? [];
  const isAgency = roles.includes('agency');
  const canTender = roles.includes('tenderer');
  const editable = user?.kind === 'entity' && (!view || view.status === 'draft' || view.status === 'rejected');
  const lastReview = view?.reviews.at(-1);

  useEffect(() => {
    form.setFieldsValue((view ? valuesFromView(view) : emptyValues()) as EntryValues);
  }, [form, view]);

  const fetchPrefill = async () => {
    setError(undefined);
    try {
      const { approvalCode } = await form.validateFields(['approvalCode']);
      setFetching(true);
      const p = await projectsApi.prefill(approvalCode.trim());
      setPrefill(p);
      form.setFieldsValue({ project: { ...form.getFieldValue('project'), ...prefillProject(p) } });
      if (!form.getFieldValue(['tenderingProject', 'name'])) form.setFieldValue(['tenderingProject', 'name'], p.name);
    } catch (err) {
      if (err instanceof ApiError) {
        setError(err);
        if (err.code === 'APPROVAL_CODE_UNKNOWN') form.setFields([{ name: 'approvalCode', errors: [err.detail ?? err.code] }]);
      }
    } finally {
      setFetching(false);
    }
  };

  const next = async () => {
    try {
      await form.validateFields(STEP_FIELDS[step], { recursive: true });
      setStep(step + 1);
    } catch {
      // the fields show what is missing
    }
  };

  /** Server field errors marked on their fields, and the first such step opened. */
  const showProblem = (err: unknown) => {
    setError(err);
    const fields = problemFields(t, err, fieldOfPath);
    if (err instanceof ApiError && err.code === 'SECTION_CODE_DUPLICATE') {
      const dup = err.details.code;
      const index = (form.getFieldValue('sections') as EntryValues['sections']).findIndex((s, i, all) => s.code === dup && all.findIndex((x) => x.code === dup) !== i);
      if (index >= 0) fields.push({ name: ['sections', index, 'code'], errors: [err.detail ?? err.code] });
    }
    if (fields.length) {
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      setStep(Math.min(...fields.map((f) => stepOfField(f.name))));
    }
  };

  const save = async (submit: boolean) => {
    setError(undefined);
    let values: EntryValues;
    try {
      values = await form.validateFields(undefined, { recursive: true });
    } catch (err) {
      const first = (err as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) setStep(stepOfField(first.name));
      return;
    }
    const actingAsAgency = isAgency && (!canTender || Boolean(values.tendererCreditCode?.trim()));
    const body = requestFromValues({ ...form.getFieldsValue(true), ...values } as EntryValues, submit, actingAsAgency);
    setBusy(submit ? 'submit' : 'draft');
    try {
      const saved = view ? await projectsApi.updateEntryForm(view.id, body) : await projectsApi.createEntryForm(body);
      message.success(t(submit ? 'projects.entry.submitted' : 'projects.entry.saved'));
      if (view) onSaved();
      else void navigate(`/projects/entry/${saved.id}`, { replace: true });
    } catch (err) {
      showProblem(err);
    } finally {
      setBusy(undefined);
    }
  };

  const confirmSubmit = () =>
    Modal.confirm({
      title: t(view?.status === 'rejected' ? 'projects.entry.resubmit' : 'projects.entry.submit'),
      content: t('projects.entry.submitConfirm'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => save(true),
    });

  const withdraw = () =>
    view &&
    Modal.confirm({
      title: t('projects.entry.withdraw'),
      content: t('projects.entry.withdrawConfirm'),
      okType: 'danger',
      okText: t('projects.entry.withdraw'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setBusy('withdraw');
        try {
          await projectsApi.withdrawEntryForm(view.id);
          message.success(t('projects.entry.withdrawn'));
          void navigate('/projects?tab=entries');
        } catch (err) {
          setError(err);
        } finally {
          setBusy(undefined);
        }
      },
    });

  const title = view ? t('projects.entry.titleEdit', { name: view.project.name }) : t('projects.entry.titleNew');
  const steps = ['project', 'tendering', 'sections', 'confirm'] as const;

  return (
    <div data-testid="entry-form-page">
      <PageHeading
        title={title}
        subtitle={t('projects.entry.lead')}
        trail={[{ title: t('projects.title'), to: '/projects?tab=entries' }, { title: view ? view.project.name : t('projects.entry.titleNew') }]}
        extra={view ? <SubmissionTag status={view.status} /> : null}
      />
      <div className="container page-body">
        {view?.status === 'rejected' && lastReview && (
          <Alert
            type="error"
            showIcon
            className="form-alert"
            data-testid="rejected-comment"
            title={t('projects.entry.rejectedTitle')}
            description={
              <>
                <div className="review-comment">{lastReview.comment}</div>
                <div className="muted small">
                  {t('projects.entry.rejectedBy', { name: lastReview.reviewerName ?? '—', time: formatTime(lastReview.reviewedAt) })}
                </div>
              </>
            }
          />
        )}
        {view?.status === 'submitted' && <Alert type="info" showIcon className="form-alert" title={t('projects.entry.pending')} data-testid="entry-pending" />}
        {view?.status === 'approved' && (
          <Alert
            type="success"
            showIcon
            className="form-alert"
            title={t('projects.entry.approved')}
            description={
              <Link to={`/projects/tendering/${view.tenderingProject.id}`}>{view.tenderingProject.name}</Link>
            }
          />
        )}
        <Row gutter={16}>
          <Col xs={24} xl={view ? 17 : 24}>
            <Card>
              <Steps
                current={step}
                onChange={(s) => (s < step || !editable ? setStep(s) : void next())}
                items={steps.map((s) => ({ title: t(`projects.entry.steps.${s}`) }))}
                className="entry-steps"
                data-testid="entry-steps"
              />
              <ProblemAlert error={error} testId="entry-error" />
              <Form form={form} layout="vertical" disabled={!editable} requiredMark scrollToFirstError>
                {/* Every step stays mounted so its values and validation survive moving between steps. */}
                <div hidden={step !== 0}>
                  <ProjectStep editable={editable} codeFixed={Boolean(view)} prefill={prefill} fetching={fetching} onFetch={() => void fetchPrefill()} />
                </div>
                <div hidden={step !== 1}>
                  <TenderingStep isAgency={isAgency} canTender={canTender} />
                </div>
                <div hidden={step !== 2}>
                  <SectionsStep editable={editable} />
                </div>
                {step === 3 && <ConfirmStep values={all} />}
              </Form>
              <div className="steps-actions">
                <Space wrap>
                  {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('common.previous')}</Button>}
                  {step < 3 && (
                    <Button type={editable ? 'default' : 'primary'} onClick={() => void (editable ? next() : setStep(step + 1))} data-testid="entry-next">
                      {t('common.next')}
                    </Button>
                  )}
                </Space>
                {editable && (
                  <Space wrap>
                    {view && (
                      <Button danger loading={busy === 'withdraw'} onClick={withdraw} data-testid="entry-withdraw">
                        {t('projects.entry.withdraw')}
                      </Button>
                    )}
                    <Button loading={busy === 'draft'} onClick={() => void save(false)} data-testid="entry-save-draft">
                      {t('projects.entry.saveDraft')}
                    </Button>
                    <Button type="primary" loading={busy === 'submit'} onClick={confirmSubmit} data-testid="entry-submit">
                      {t(view?.status === 'rejected' ? 'projects.entry.resubmit' : 'projects.entry.submit')}
                    </Button>
                  </Space>
                )}
              </div>
            </Card>
          </Col>
          {view && (
            <Col xs={24} xl={7}>
              <Card title={t('projects.reviews.title')} size="small">
                <ReviewHistory reviews={view.reviews} />
              </Card>
            </Col>
          )}
        </Row>
      </div>
    </div>
  );
}
