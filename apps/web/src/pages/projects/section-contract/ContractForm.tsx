import { DeleteOutlined, PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { CONTRACT_LIMITS, type ContractInput, type ContractView } from '@bidhall/contracts';
import { Alert, App, Button, Form, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contractApi } from '../../../api/contract.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { requiredText } from '../../../components/rules.ts';

const blank = (title: string): ContractInput => ({
  title,
  projectManager: '',
  clauses: [{ title: '第一条 工程概况', text: '' }],
});

/**
 * The tenderer's (or its agency's) draft: the title, the project manager and the
 * clauses; the parties, the price, the duration, the quality and the document's terms are not typed.
 * Saved, then submitted for verification; an edit of a verified contract needs verifying again.
 */
export function ContractForm({
  sectionId,
  defaultTitle,
  contract,
  onChanged,
}: {
  sectionId: string;
  defaultTitle: string;
  contract: ContractView | null;
  onChanged: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ContractInput>();
  const initial: ContractInput = contract
    ? { title: contract.content.title, projectManager: contract.content.projectManager, clauses: contract.content.clauses }
    : blank(defaultTitle);
  const [dirty, setDirty] = useState(!contract);
  const [busy, setBusy] = useState<'save' | 'submit'>();
  const [error, setError] = useState<unknown>();

  const save = async () => {
    const values = await form.validateFields();
    setBusy('save');
    setError(undefined);
    try {
      await contractApi.save(sectionId, {
        title: values.title.trim(),
        projectManager: (values.projectManager ?? '').trim(),
        clauses: (values.clauses ?? []).map((c) => ({ title: c.title.trim(), text: c.text.trim() })),
      });
      message.success(t('contract.form.saved'));
      setDirty(false);
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };

  const submit = async () => {
    setBusy('submit');
    setError(undefined);
    try {
      await contractApi.submit(sectionId);
      message.success(t('contract.form.submitted'));
      await onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onValuesChange={() => setDirty(true)}
      data-testid="contract-form"
      requiredMark={false}
    >
      <Alert type="info" showIcon className="form-alert" title={t('contract.form.lead')} />
      {contract?.state === 'verified' && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t('contract.form.editVerified')}
          data-testid="contract-edit-verified"
        />
      )}
      <Form.Item name="title" label={t('contract.form.title')} rules={requiredText(t, CONTRACT_LIMITS.titleChars)}>
        <Input maxLength={CONTRACT_LIMITS.titleChars} data-testid="contract-form-title" />
      </Form.Item>
      <Form.Item name="projectManager" label={t('contract.form.manager')} extra={t('contract.form.managerHint')}>
        <Input maxLength={CONTRACT_LIMITS.managerChars} data-testid="contract-form-manager" />
      </Form.Item>
      <Form.List name="clauses">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <div key={f.key} className="card-lead" data-testid={`contract-clause-${i}`}>
                <Space align="start" style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
                  <Form.Item
                    name={[f.name, 'title']}
                    label={t('contract.form.clauseTitle')}
                    rules={requiredText(t, CONTRACT_LIMITS.clauseTitleChars)}
                  >
                    <Input maxLength={CONTRACT_LIMITS.clauseTitleChars} data-testid={`contract-clause-title-${i}`} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    style={{ marginTop: 30 }}
                    aria-label={t('contract.form.removeClause')}
                  />
                </Space>
                <Form.Item
                  name={[f.name, 'text']}
                  label={t('contract.form.clauseText')}
                  rules={requiredText(t, CONTRACT_LIMITS.clauseChars)}
                >
                  <Input.TextArea rows={4} maxLength={CONTRACT_LIMITS.clauseChars} data-testid={`contract-clause-text-${i}`} />
                </Form.Item>
              </div>
            ))}
            {fields.length < CONTRACT_LIMITS.clauses && (
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ title: '', text: '' })}
                data-testid="contract-add-clause"
                style={{ marginBottom: 16 }}
              >
                {t('contract.form.addClause')}
              </Button>
            )}
          </>
        )}
      </Form.List>
      <Space wrap>
        <Button
          icon={<SaveOutlined />}
          loading={busy === 'save'}
          disabled={busy === 'submit'}
          onClick={() => void save()}
          data-testid="contract-save"
        >
          {t('contract.form.save')}
        </Button>
        {contract?.state === 'draft' && (
          <Popconfirm
            title={t('contract.form.submitConfirm')}
            onConfirm={() => submit()}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            disabled={dirty}
          >
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={busy === 'submit'}
              disabled={dirty || busy === 'save'}
              title={dirty ? t('contract.form.saveFirst') : undefined}
              data-testid="contract-submit"
            >
              {t('contract.form.submit')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <ProblemAlert error={error} testId="contract-form-error" />
    </Form>
  );
}
