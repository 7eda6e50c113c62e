import { platformKinds, type PlatformKind } from '@bidhall/contracts';
import { Alert, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin.ts';
import type { UserView } from '../../api/types.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { passwordRules, requiredText, residentIdRule, usernameRules } from '../../components/rules.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';

interface Values {
  username: string;
  displayName: string;
  kind: PlatformKind;
  regionCode: string;
  department?: string;
  categories: string[];
  personIdNumber?: string;
  password: string;
  reason: string;
}

/**
 * Proposes a grant: a new account, or new terms for `account`. A privileged grant waits for another
 * security administrator's approval; an expert's applies at once.
 */
export function GrantModal({ account, onClose, onDone }: { account?: UserView; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { regions, categories, regionName, categoryName } = useCatalog();
  const [form] = Form.useForm<Values>();
  const change = account !== undefined;

  return (
    <FormModal
      form={form}
      initialValues={
        account
          ? { kind: account.kind, regionCode: account.regionCode, department: account.department ?? undefined, categories: account.categories }
          : { kind: 'staff', regionCode: '150600', categories: [] }
      }
      onSubmit={async (v) => {
        const terms = {
          kind: v.kind,
          regionCode: v.regionCode,
          department: v.department?.trim() || undefined,
          categories: v.categories ?? [],
          reason: v.reason.trim(),
        };
        const personIdNumber = v.personIdNumber?.trim().toUpperCase() || undefined;
        const grant = account
          ? await adminApi.proposeGrant({ action: 'change', userId: account.id, ...terms, personIdNumber })
          : await adminApi.proposeGrant({
              action: 'create',
              username: v.username.trim().toLowerCase(),
              displayName: v.displayName.trim(),
              ...terms,
              personIdNumber: personIdNumber ?? '',
              password: v.password,
            });
        return t(grant.status === 'approved' ? 'admin.applied' : 'admin.proposed');
      }}
      onClose={onClose}
      onDone={onDone}
      fieldOf={(s) => s}
      title={change ? `${t('admin.proposeChange')} · ${account.username}` : t('admin.propose')}
      width={760}
      okText={t('common.confirm')}
      destroyOnHidden
      lead={<Alert type="info" showIcon title={t(change ? 'admin.changeLead' : 'admin.proposeLead')} className="form-alert" />}
      data-testid="grant-modal"
    >
      <Row gutter={16}>
        {!change && (
          <>
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
          </>
        )}
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('fields.kind')} rules={[{ required: true }]}>
            <Select options={platformKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} data-testid="grant-kind" />
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
          <Form.Item
            name="personIdNumber"
            label={t('admin.personIdNumber')}
            required={!change}
            rules={[residentIdRule(t, !change)]}
            extra={change ? t('admin.personIdChangeHint') : t('admin.personIdHint')}
          >
            <Input autoComplete="off" maxLength={18} className="mono" />
          </Form.Item>
        </Col>
        {!change && (
          <Col xs={24} md={12}>
            <Form.Item name="password" label={t('admin.initialPassword')} rules={passwordRules(t)} extra={t('fields.passwordHint')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24}>
          <Form.Item name="reason" label={t('admin.reason')} rules={requiredText(t, 500)}>
            <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('admin.reasonPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
