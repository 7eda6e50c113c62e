import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { entityRoles } from '@bidhall/contracts';
import { useCatalog } from '../hooks/useCatalog.tsx';
import { creditCodeRule, PHONE, requiredText } from './rules.ts';

interface Props {
  /** Where the profile sits in the form's values, e.g. ['entity'] in the registration wizard. */
  prefix?: string[];
  /** The credit code is fixed once verified: change requests leave it out. */
  withCreditCode?: boolean;
}

/** The market entity's own data, as registered or proposed in a change request. */
export function EntityProfileFields({ prefix = [], withCreditCode = true }: Props) {
  const { t } = useTranslation();
  const { regions, regionName } = useCatalog();
  const name = (field: string) => [...prefix, field];

  return (
    <Row gutter={24}>
      <Col xs={24} md={12}>
        <Form.Item label={t('fields.name')} name={name('name')} rules={requiredText(t, 100)} extra={t('fields.nameHint')}>
          <Input maxLength={100} autoComplete="organization" data-testid="field-name" />
        </Form.Item>
      </Col>
      {withCreditCode && (
        <Col xs={24} md={12}>
          <Form.Item
            label={t('fields.creditCode')}
            name={name('creditCode')}
            rules={[creditCodeRule(t)]}
            normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}
            validateTrigger={['onChange', 'onBlur']}
            hasFeedback
            extra={t('fields.creditCodeHint')}
          >
            <Input maxLength={18} className="mono" showCount data-testid="field-creditCode" />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={12}>
        <Form.Item
          label={t('fields.roles')}
          name={name('roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('validation.roles') }]}
        >
          <Checkbox.Group data-testid="field-roles" options={entityRoles.map((r) => ({ label: t(`roles.${r}`), value: r }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label={t('fields.regionCode')}
          name={name('regionCode')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            data-testid="field-regionCode"
            placeholder={t('fields.regionPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            options={regions.map((r) => ({ value: r.code, label: regionName(r.code) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label={t('fields.legalRepresentative')} name={name('legalRepresentative')} rules={requiredText(t, 50)}>
          <Input maxLength={50} data-testid="field-legalRepresentative" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label={t('fields.contactName')} name={name('contactName')} rules={requiredText(t, 50)}>
          <Input maxLength={50} autoComplete="name" data-testid="field-contactName" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          label={t('fields.contactPhone')}
          name={name('contactPhone')}
          rules={[
            { required: true, message: t('validation.required') },
            { pattern: PHONE, message: t('validation.phone') },
          ]}
        >
          <Input maxLength={20} autoComplete="tel" data-testid="field-contactPhone" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label={t('fields.contactEmail')}
          name={name('contactEmail')}
          rules={[{ type: 'email', message: t('validation.email') }, { max: 120 }]}
        >
          <Input maxLength={120} autoComplete="email" data-testid="field-contactEmail" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('fields.address')} name={name('address')} rules={requiredText(t, 200)}>
          <Input maxLength={200} autoComplete="street-address" data-testid="field-address" />
        </Form.Item>
      </Col>
    </Row>
  );
}
