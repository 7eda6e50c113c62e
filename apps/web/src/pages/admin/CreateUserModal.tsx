import { Alert, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { adminApi, type CreateUserInput } from '../../api/admin.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { passwordRules, requiredText, usernameRules } from '../../components/rules.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';

const KINDS: CreateUserInput['kind'][] = ['staff', 'supervisor', 'expert', 'auditor', 'admin'];

/** Creates a platform account; entity accounts come from registration instead. */
export function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const { regions, categories, regionName, categoryName } = useCatalog();
  const [form] = Form.useForm<CreateUserInput>();

  return (
    <FormModal
      form={form}
      open={open}
      initialValues={{ kind: 'staff', regionCode: '150600', categories: [] }}
      onSubmit={async (values) => {
        await adminApi.createUser({
          ...values,
          username: values.username.trim().toLowerCase(),
          displayName: values.displayName.trim(),
          department: values.department?.trim() || undefined,
          categories: values.categories ?? [],
        });
        return t('admin.created', { username: values.username });
      }}
      onClose={onClose}
      onDone={onCreated}
      fieldOf={(s) => (s[0] === 'account' ? s.slice(1) : s)}
      title={t('admin.create')}
      width={720}
      okText={t('common.create')}
      destroyOnHidden
      lead={<Alert type="info" showIcon title={t('admin.createLead')} className="form-alert" />}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="username" label={t('fields.username')} rules={usernameRules(t)}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="displayName" label={t('fields.displayName')} rules={requiredText(t, 50)}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('fields.kind')} rules={[{ required: true }]}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="regionCode" label={t('fields.regionCode')} rules={[{ required: true }]}>
            <Select options={regions.map((r) => ({ value: r.code, label: regionName(r.code) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="department" label={t('fields.department')} rules={[{ max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="categories" label={t('fields.categories')}>
            <Select mode="multiple" options={categories.map((c) => ({ value: c.code, label: categoryName(c.code) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="password" label={t('admin.initialPassword')} rules={passwordRules(t)} extra={t('fields.passwordHint')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
