import { AGENCY_DUTIES, TENDER_METHODS } from '@bidhall/contracts';
import { Checkbox, Col, Form, Input, Radio, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** Step 2: the tendering project: method, organised by the tenderer or an agency, and the mandate. */
export function TenderingStep({ isAgency, canTender }: { isAgency: boolean; canTender: boolean }) {
  const { t } = useTranslation();
  const organisation = Form.useWatch(['tenderingProject', 'organisation']) as string | undefined;
  const tendererCode = Form.useWatch('tendererCreditCode') as string | undefined;
  const actingAsAgency = isAgency && (!canTender || Boolean(tendererCode?.trim()));
  const entrusted = actingAsAgency || organisation === 'agency';
  const required = { required: true, whitespace: true, message: t('projects.entry.required') };
  const creditCode = { pattern: CREDIT_CODE, message: t('projects.entry.creditCodeInvalid') };

  return (
    <Row gutter={16}>
      {isAgency && (
        <Col xs={24} md={12}>
          <Form.Item
            name="tendererCreditCode"
            label={t('projects.entry.tendererCreditCode')}
            extra={t('projects.entry.tendererCreditCodeHint')}
            rules={[...(canTender ? [] : [required]), creditCode]}
            normalize={(v: string) => v.toUpperCase()}
          >
            <Input className="mono" maxLength={18} data-testid="tenderer-credit-code" />
          </Form.Item>
        </Col>
      )}
      <Col xs={24}>
        <Form.Item name={['tenderingProject', 'name']} label={t('projects.entry.tenderingName')} rules={[required, { max: 200 }]}>
          <Input maxLength={200} data-testid="tendering-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['tenderingProject', 'method']} label={t('projects.entry.method')} rules={[required]}>
          <Select options={TENDER_METHODS.map((m) => ({ value: m, label: t(`projects.method.${m}`) }))} data-testid="tender-method" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['tenderingProject', 'organisation']} label={t('projects.entry.organisation')} rules={[required]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            disabled={actingAsAgency}
            options={(['self', 'agency'] as const).map((o) => ({ value: o, label: t(`projects.organisation.${o}`) }))}
          />
        </Form.Item>
      </Col>
      {organisation === 'agency' && !actingAsAgency && (
        <Col xs={24} md={12}>
          <Form.Item
            name={['tenderingProject', 'agencyCreditCode']}
            label={t('projects.entry.agencyCreditCode')}
            rules={[required, creditCode]}
            normalize={(v: string) => v.toUpperCase()}
          >
            <Input className="mono" maxLength={18} data-testid="agency-credit-code" />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={12}>
        <Form.Item
          name={['tenderingProject', 'internationalMechanicalElectrical']}
          label={t('projects.entry.internationalME')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
      </Col>
      {entrusted && (
        <>
          <Col xs={24}>
            <Form.Item
              name={['tenderingProject', 'duties']}
              label={t('projects.entry.mandate')}
              extra={t('projects.entry.mandateHint')}
              rules={[{ required: true, type: 'array', min: 1, message: t('projects.entry.required') }]}
            >
              <Checkbox.Group
                className="duty-checklist"
                options={AGENCY_DUTIES.map((d) => ({ value: d, label: t(`projects.duty.${d}`) }))}
                data-testid="mandate-duties"
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name={['tenderingProject', 'other']} label={t('projects.entry.mandateOther')} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
        </>
      )}
    </Row>
  );
}
