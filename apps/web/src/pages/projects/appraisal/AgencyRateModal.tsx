import { AGENCY_RATING_ITEMS } from '@bidhall/contracts';
import { Form, Input, Rate } from 'antd';
import { useTranslation } from 'react-i18next';
import { appraisalApi } from '../../../api/appraisal.ts';
import { FormModal } from '../../../components/FormModal.tsx';

interface Values {
  compliance: number;
  service: number;
  efficiency: number;
  comment?: string;
}

/** 评价代理机构: the three items of 1–5 and a comment, given once (decision 0044). */
export function AgencyRateModal({
  sectionId,
  agencyName,
  onClose,
  onDone,
}: {
  sectionId: string;
  agencyName: string;
  onClose: () => void;
  /** After the rating is given and the modal closed: reload the ratings. */
  onDone: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const starRule = {
    validator: async (_r: unknown, v: unknown) => {
      if (typeof v !== 'number' || v < 1) throw new Error(t('validation.required'));
    },
  };
  return (
    <FormModal
      form={form}
      title={t('appraisal.rateModal.title')}
      lead={t('appraisal.rateModal.lead', { name: agencyName })}
      destroyOnHidden
      fieldOf={(s) => s}
      onClose={onClose}
      onDone={onDone}
      onSubmit={async (v) => {
        await appraisalApi.rate(sectionId, {
          compliance: v.compliance,
          service: v.service,
          efficiency: v.efficiency,
          comment: (v.comment ?? '').trim(),
        });
        return t('appraisal.rateModal.done');
      }}
      data-testid="agency-rate-modal"
    >
      {AGENCY_RATING_ITEMS.map((item) => (
        <Form.Item key={item} name={item} label={t(`appraisal.items.${item}`)} rules={[starRule]}>
          <Rate data-testid={`agency-rate-${item}`} />
        </Form.Item>
      ))}
      <Form.Item
        name="comment"
        label={t('appraisal.rateModal.comment')}
        rules={[{ max: 500, message: t('validation.max', { max: 500 }) }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          placeholder={t('appraisal.rateModal.commentPlaceholder')}
          data-testid="agency-rate-comment"
        />
      </Form.Item>
    </FormModal>
  );
}
