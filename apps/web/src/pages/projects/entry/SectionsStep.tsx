import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen, sumFen, yuanToFen } from '../money.ts';
import { moneyRule } from './ProjectStep.tsx';
import type { EntryValues } from './formModel.ts';

const CODE = /^[\w.\-/（）()]{1,60}$/u;

/** Step 3: the sections (标段/包) as an editable list; budgets in yuan, added up in integer fen. */
export function SectionsStep({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const sections = (Form.useWatch('sections') as EntryValues['sections'] | undefined) ?? [];
  const total = sumFen(sections.map((s) => (s?.budgetYuan ? yuanToFen(s.budgetYuan) : undefined)));
  const required = { required: true, whitespace: true, message: t('projects.entry.required') };

  return (
    <Form.List name="sections">
      {(fields, { add, remove }) => (
        <div data-testid="sections-list">
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              className="section-card"
              title={`${t('projects.entry.sections')} ${index + 1}`}
              extra={
                editable &&
                fields.length > 1 && (
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                    {t('projects.entry.removeSection')}
                  </Button>
                )
              }
            >
              <Row gutter={12}>
                <Col xs={24} md={5}>
                  <Form.Item
                    name={[field.name, 'code']}
                    label={t('projects.entry.sectionCode')}
                    rules={[required, { pattern: CODE, message: t('projects.entry.required') }]}
                  >
                    <Input className="mono" maxLength={60} data-testid={`section-code-${index}`} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={[field.name, 'name']} label={t('projects.entry.sectionName')} rules={[required, { max: 200 }]}>
                    <Input maxLength={200} data-testid={`section-name-${index}`} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={7}>
                  <Form.Item
                    name={[field.name, 'budgetYuan']}
                    label={t('projects.entry.budget')}
                    rules={[required, moneyRule(t('projects.entry.moneyInvalid'))]}
                  >
                    <Input className="mono" suffix={t('projects.yuan')} inputMode="decimal" data-testid={`section-budget-${index}`} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item name={[field.name, 'content']} label={t('projects.entry.content')} rules={[{ max: 20000 }]}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <div className="sections-footer">
            {editable && (
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ code: String(fields.length + 1).padStart(2, '0'), name: '', budgetYuan: '', content: '' })}
                data-testid="add-section"
              >
                {t('projects.entry.addSection')}
              </Button>
            )}
            <Typography.Text strong data-testid="sections-total">
              {t('projects.entry.total', { amount: formatFen(total) })}
            </Typography.Text>
          </div>
        </div>
      )}
    </Form.List>
  );
}
