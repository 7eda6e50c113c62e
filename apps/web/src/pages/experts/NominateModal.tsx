import type { ExpertView } from '@bidhall/contracts';
import { Col, Divider, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { expertsApi } from '../../api/experts.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { requiredText, residentIdRule } from '../../components/rules.ts';
import { ConflictsEditor } from './ConflictsEditor.tsx';
import { ExpertFactsFields } from './ExpertFactsFields.tsx';
import { toApplication, type ExpertFormValues } from './expertForm.ts';
import { formPath, reasonRules } from './fieldRules.ts';

/** 推荐入库: staff enter a person with the same facts as an application, and why; it is then reviewed. */
export function NominateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (e: ExpertView) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ExpertFormValues & { reason: string }>();
  return (
    <FormModal
      form={form}
      title={t('experts.nominate.title')}
      width={860}
      destroyOnHidden
      initialValues={{ conflicts: { employers: [], relativesEmployers: [] } }}
      fieldOf={formPath}
      onClose={onClose}
      onSubmit={async (v) => {
        onCreated(await expertsApi.nominate({ ...toApplication(v), reason: v.reason.trim() }));
        return t('experts.actions.done');
      }}
      data-testid="expert-nominate-modal"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('experts.fields.name')} name="name" rules={requiredText(t, 50)}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('experts.fields.idNumber')} name="idNumber" required rules={[residentIdRule(t, true)]} normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')} extra={t('experts.idNumberHint')}>
            <Input maxLength={18} className="mono" autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <ExpertFactsFields />
      <Divider titlePlacement="start">{t('experts.fields.conflicts')}</Divider>
      <ConflictsEditor />
      <Divider />
      <Form.Item name="reason" label={t('experts.nominate.reason')} rules={reasonRules(t)}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
