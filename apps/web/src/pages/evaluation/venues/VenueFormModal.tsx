import type { EvaluationVenueInput, EvaluationVenueView } from '@bidhall/contracts';
import { Form, Input, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { venuesApi } from '../../../api/evaluationVenues.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { useCatalog } from '../../../hooks/useCatalog.tsx';

/** Keeps a new venue, or corrects one (its region stays). */
export function VenueFormModal({ venue, regionCode, onClose, onDone }: { venue?: EvaluationVenueView; regionCode: string; onClose: () => void; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EvaluationVenueInput>();
  const { regionsWithin, regionName } = useCatalog();
  return (
    <FormModal<EvaluationVenueInput>
      form={form}
      title={venue ? `${t('evaluationVenues.venues.edit')}：${venue.name}` : t('evaluationVenues.venues.add')}
      initialValues={venue ? { regionCode: venue.regionCode, name: venue.name, address: venue.address, kind: venue.kind, shared: venue.shared } : { regionCode, kind: 'main', shared: false }}
      onSubmit={async (values) => {
        if (venue) await venuesApi.update(venue.id, values);
        else await venuesApi.create(values);
        return t('evaluationVenues.venues.saved');
      }}
      onClose={onClose}
      onDone={onDone}
      fieldOf={(s) => (s[0] === 'body' ? s.slice(1) : s)}
    >
      <Form.Item name="regionCode" label={t('evaluationVenues.venues.fields.regionCode')} rules={[{ required: true }]}>
        <Select disabled={!!venue} options={regionsWithin(regionCode).map((r) => ({ value: r.code, label: regionName(r.code) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('evaluationVenues.venues.fields.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="address" label={t('evaluationVenues.venues.fields.address')} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="kind" label={t('evaluationVenues.venues.fields.kind')} rules={[{ required: true }]}>
        <Radio.Group options={(['main', 'secondary'] as const).map((k) => ({ value: k, label: t(`evaluationVenues.venues.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="shared" label={t('evaluationVenues.venues.fields.shared')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
