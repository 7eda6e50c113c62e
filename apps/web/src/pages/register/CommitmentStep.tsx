import { FileProtectOutlined, SolutionOutlined } from '@ant-design/icons';
import { Checkbox, Form, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VersionedText } from '../../api/types.ts';
import { VersionedTextView } from '../../components/VersionedTextView.tsx';

/** ④ Sign the integrity commitment and be admitted at once, or ask staff to review instead. */
export function CommitmentStep({ text }: { text: VersionedText }) {
  const { t } = useTranslation();
  const mode = Form.useWatch('mode');
  return (
    <div className="wizard-step">
      <VersionedTextView text={text} testId="commitment-text" />
      <Form.Item name="mode" rules={[{ required: true, message: t('register.commitment.chooseMode') }]}>
        <Radio.Group className="mode-choice">
          <Radio value="sign" data-testid="mode-sign">
            <div className="mode-option">
              <FileProtectOutlined />
              <div>
                <div className="mode-title">{t('register.commitment.signTitle')}</div>
                <div className="mode-desc">{t('register.commitment.signDesc')}</div>
              </div>
            </div>
          </Radio>
          <Radio value="review" data-testid="mode-review">
            <div className="mode-option">
              <SolutionOutlined />
              <div>
                <div className="mode-title">{t('register.commitment.reviewTitle')}</div>
                <div className="mode-desc">{t('register.commitment.reviewDesc')}</div>
              </div>
            </div>
          </Radio>
        </Radio.Group>
      </Form.Item>
      {mode === 'sign' && (
        <Form.Item
          name="commitmentSigned"
          valuePropName="checked"
          rules={[
            {
              validator: async (_r, v) => {
                if (!v) throw new Error(t('register.commitment.mustSign'));
              },
            },
          ]}
        >
          <Checkbox data-testid="commitment-sign">{t('register.commitment.signCheck', { version: text.version })}</Checkbox>
        </Form.Item>
      )}
    </div>
  );
}
