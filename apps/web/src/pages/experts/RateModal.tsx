import type { ExpertDetailView } from '@bidhall/contracts';
import { Form, Input, Rate } from 'antd';
import { useTranslation } from 'react-i18next';
import { expertsApi } from '../../api/experts.ts';
import { FormModal } from '../../components/FormModal.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ASPECTS = ['punctuality', 'competence', 'fairness'] as const;

interface Values {
  sectionId: string;
  punctuality: number;
  competence: number;
  fairness: number;
  comment?: string;
}

/** A rating after an evaluation the expert sat on: three aspects of 1–5 and a comment. */
export function RateModal({ expertId, onSaved, onClose }: { expertId: string; onSaved: (e: ExpertDetailView) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const starRule = { validator: async (_r: unknown, v: unknown) => { if (typeof v !== 'number' || v < 1) throw new Error(t('validation.required')); } };
  return (
    <FormModal
      form={form}
      title={t('experts.actions.rate')}
      destroyOnHidden
      fieldOf={(s) => s}
      onClose={onClose}
      onSubmit={async (v) => {
        onSaved(
          await expertsApi.rate(expertId, {
            sectionId: v.sectionId.trim(),
            punctuality: v.punctuality,
            competence: v.competence,
            fairness: v.fairness,
            comment: (v.comment ?? '').trim(),
          }),
        );
        return t('experts.actions.done');
      }}
      data-testid="expert-rate-modal"
    >
      <Form.Item
        name="sectionId"
        label={t('experts.ratings.section')}
        extra={t('experts.ratings.sectionHint')}
        rules={[{ required: true, message: t('validation.required') }, { pattern: UUID, message: t('experts.validation.uuid') }]}
      >
        <Input className="mono" placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" />
      </Form.Item>
      {ASPECTS.map((a) => (
        <Form.Item key={a} name={a} label={t(`experts.ratings.${a}`)} rules={[starRule]}>
          <Rate data-testid={`rate-${a}`} />
        </Form.Item>
      ))}
      <Form.Item name="comment" label={t('experts.ratings.comment')} rules={[{ max: 1000, message: t('validation.max', { max: 1000 }) }]}>
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
