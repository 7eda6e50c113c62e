import { AGENCY_RECORD_KINDS, type AgencyRecordKind } from '@bidhall/contracts';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { appraisalApi } from '../../../api/appraisal.ts';
import { FormModal } from '../../../components/FormModal.tsx';

interface Values {
  kind: AgencyRecordKind;
  date: Dayjs;
  description: string;
}

/**
 * Staff record an agency's commendation, violation or penalty (decision 0044): in the region of the
 * section it concerns when opened from a section, otherwise in the staff member's own; public once made.
 */
export function AgencyRecordModal({
  agency,
  sectionId,
  onClose,
  onDone,
}: {
  agency: { entityId: string; name: string };
  sectionId?: string;
  onClose: () => void;
  /** After the record is made and the modal closed. */
  onDone?: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <FormModal
      form={form}
      title={t('appraisal.recordModal.title')}
      lead={`${t('appraisal.recordModal.agency')}：${agency.name}`}
      destroyOnHidden
      fieldOf={(s) => (s[0] === 'date' || s[0] === 'kind' || s[0] === 'description' ? [s[0]] : undefined)}
      onClose={onClose}
      onDone={onDone}
      onSubmit={async (v) => {
        await appraisalApi.addRecord(agency.entityId, {
          kind: v.kind,
          date: v.date.format('YYYY-MM-DD'),
          description: v.description.trim(),
          ...(sectionId ? { sectionId } : {}),
        });
        return t('appraisal.recordModal.done');
      }}
      data-testid="agency-record-modal"
    >
      <Form.Item
        name="kind"
        label={t('appraisal.recordModal.kind')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select
          options={AGENCY_RECORD_KINDS.map((k) => ({ value: k, label: t(`appraisal.recordKinds.${k}`) }))}
          data-testid="agency-record-kind"
        />
      </Form.Item>
      <Form.Item
        name="date"
        label={t('appraisal.recordModal.date')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="agency-record-date" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('appraisal.recordModal.description')}
        extra={sectionId ? undefined : t('appraisal.recordModal.sectionHint')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          { max: 2000, message: t('validation.max', { max: 2000 }) },
        ]}
      >
        <Input.TextArea
          rows={4}
          maxLength={2000}
          showCount
          placeholder={t('appraisal.recordModal.descriptionPlaceholder')}
          data-testid="agency-record-description"
        />
      </Form.Item>
    </FormModal>
  );
}
