import { Checkbox, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionedText } from '../../api/types.ts';
import { VersionedTextView } from '../../components/VersionedTextView.tsx';

/** ① The user agreement, which must be accepted to go on. */
export function AgreementStep({ text }: { text: VersionedText }) {
  const { t } = useTranslation();
  const [readToEnd, setReadToEnd] = useState(false);
  return (
    <div className="wizard-step">
      <VersionedTextView text={text} onReadToEnd={() => setReadToEnd(true)} testId="agreement-text" />
      {!readToEnd && <div className="muted small">{t('register.agreement.scrollHint')}</div>}
      <Form.Item
        name="agreementAccepted"
        valuePropName="checked"
        rules={[
          {
            validator: async (_r, v) => {
              if (!v) throw new Error(t('register.agreement.mustAccept'));
            },
          },
        ]}
      >
        <Checkbox data-testid="agreement-accept">
          {t('register.agreement.accept', { title: text.titleZh, version: text.version })}
        </Checkbox>
      </Form.Item>
    </div>
  );
}
