import { EXPERT_LEVELS } from '@bidhall/contracts';
import { Col, Form, Input, Row, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { requiredText } from '../../components/rules.ts';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { MOBILE, optionalCreditCode } from './fieldRules.ts';
import { specialtyTree } from './specialties.ts';

/** Phone, employer, title, level, region and specialties: what an application, a nomination and an edit share. */
export function ExpertFactsFields() {
  const { t } = useTranslation();
  const { lang } = useLocale();
  const { regions, regionName } = useCatalog();
  const tree = useMemo(() => specialtyTree(lang), [lang]);
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item label={t('experts.fields.phone')} name="phone" rules={[{ required: true, message: t('validation.required') }, { pattern: MOBILE, message: t('experts.validation.mobile') }]}>
          <Input maxLength={11} inputMode="numeric" autoComplete="tel" data-testid="expert-phone" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('experts.fields.regionCode')} name="regionCode" rules={[{ required: true, message: t('validation.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={regions.map((r) => ({ value: r.code, label: regionName(r.code) }))} data-testid="expert-region" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('experts.fields.employerName')} name={['employer', 'name']} rules={requiredText(t, 200)}>
          <Input maxLength={200} data-testid="expert-employer" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('experts.fields.employerCreditCode')} name={['employer', 'creditCode']} rules={[optionalCreditCode(t)]} normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}>
          <Input maxLength={18} className="mono" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('experts.fields.title')} name="title" rules={requiredText(t, 50)}>
          <Input maxLength={50} data-testid="expert-title" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('experts.fields.level')} name="level" rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={EXPERT_LEVELS.map((l) => ({ value: l, label: t(`experts.levels.${l}`) }))} data-testid="expert-level" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          label={t('experts.fields.specialties')}
          name="specialties"
          rules={[
            { required: true, type: 'array', min: 1, message: t('validation.required') },
            { type: 'array', max: 10, message: t('experts.validation.specialtiesMax') },
          ]}
        >
          <TreeSelect
            multiple
            treeData={tree}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('experts.specialtiesPlaceholder')}
            data-testid="expert-specialties"
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
