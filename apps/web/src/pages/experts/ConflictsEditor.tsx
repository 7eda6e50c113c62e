import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { requiredText } from '../../components/rules.ts';
import { optionalCreditCode } from './fieldRules.ts';

/**
 * The declared conflicts (回避信息): employers within the last three years, each from … until (blank:
 * now), and relatives' employers. The draw leaves the expert out of sections where any of them takes part.
 */
export function ConflictsEditor() {
  const { t } = useTranslation();
  return (
    <div className="expert-conflicts" data-testid="conflicts-editor">
      <Typography.Paragraph type="secondary">{t('experts.conflicts.lead')}</Typography.Paragraph>
      <Typography.Text strong>{t('experts.conflicts.employers')}</Typography.Text>
      <Form.List name={['conflicts', 'employers']}>
        {(fields, { add, remove }) => (
          <div className="expert-list">
            {fields.map(({ key, name }) => (
              <Space key={key} align="start" wrap className="expert-list-row" data-testid="conflict-employer">
                <Form.Item name={[name, 'name']} rules={requiredText(t, 200)}>
                  <Input placeholder={t('experts.conflicts.unitName')} style={{ width: 220 }} maxLength={200} data-testid="conflict-employer-name" />
                </Form.Item>
                <Form.Item name={[name, 'creditCode']} rules={[optionalCreditCode(t)]} normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}>
                  <Input placeholder={t('experts.conflicts.creditCode')} className="mono" style={{ width: 210 }} maxLength={18} />
                </Form.Item>
                <Form.Item name={[name, 'from']} rules={[{ required: true, message: t('validation.required') }]}>
                  <DatePicker placeholder={t('experts.conflicts.from')} data-testid="conflict-employer-from" />
                </Form.Item>
                <Form.Item
                  name={[name, 'until']}
                  dependencies={[['conflicts', 'employers', name, 'from']]}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: async (_r, until: Dayjs | null | undefined) => {
                        const from = getFieldValue(['conflicts', 'employers', name, 'from']) as Dayjs | undefined;
                        if (until && from && until.isBefore(from, 'day')) throw new Error(t('experts.validation.untilBeforeFrom'));
                      },
                    }),
                  ]}
                >
                  <DatePicker placeholder={t('experts.conflicts.untilNow')} data-testid="conflict-employer-until" />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('experts.conflicts.remove')} onClick={() => remove(name)} />
              </Space>
            ))}
            {fields.length < 20 && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-conflict-employer">
                {t('experts.conflicts.addEmployer')}
              </Button>
            )}
          </div>
        )}
      </Form.List>
      <Typography.Text strong>{t('experts.conflicts.relatives')}</Typography.Text>
      <Form.List name={['conflicts', 'relativesEmployers']}>
        {(fields, { add, remove }) => (
          <div className="expert-list">
            {fields.map(({ key, name }) => (
              <Space key={key} align="start" wrap className="expert-list-row" data-testid="conflict-relative">
                <Form.Item name={[name, 'relation']} rules={requiredText(t, 20)}>
                  <Input placeholder={t('experts.conflicts.relationPlaceholder')} style={{ width: 140 }} maxLength={20} data-testid="conflict-relative-relation" />
                </Form.Item>
                <Form.Item name={[name, 'name']} rules={requiredText(t, 200)}>
                  <Input placeholder={t('experts.conflicts.unitName')} style={{ width: 300 }} maxLength={200} data-testid="conflict-relative-name" />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('experts.conflicts.remove')} onClick={() => remove(name)} />
              </Space>
            ))}
            {fields.length < 20 && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-conflict-relative">
                {t('experts.conflicts.addRelative')}
              </Button>
            )}
          </div>
        )}
      </Form.List>
    </div>
  );
}
