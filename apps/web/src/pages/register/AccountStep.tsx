import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { passwordRules, requiredText, usernameRules } from '../../components/rules.ts';

/** ③ The first user account of the entity. */
export function AccountStep() {
  const { t } = useTranslation();
  return (
    <div className="wizard-step">
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('fields.username')}
            name={['account', 'username']}
            rules={usernameRules(t)}
            extra={t('fields.usernameHint')}
          >
            <Input autoComplete="username" maxLength={40} data-testid="field-username" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('fields.displayName')}
            name={['account', 'displayName']}
            rules={requiredText(t, 50)}
            extra={t('fields.displayNameHint')}
          >
            <Input maxLength={50} data-testid="field-displayName" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('fields.password')}
            name={['account', 'password']}
            rules={passwordRules(t)}
            extra={t('fields.passwordHint')}
            hasFeedback
          >
            <Input.Password autoComplete="new-password" data-testid="field-password" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('fields.confirmPassword')}
            name={['account', 'confirm']}
            dependencies={[['account', 'password']]}
            hasFeedback
            rules={[
              { required: true, message: t('validation.required') },
              ({ getFieldValue }) => ({
                validator: async (_r, v) => {
                  if (v && v !== getFieldValue(['account', 'password'])) throw new Error(t('validation.confirmMismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="field-confirm" />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
