import type { EvaluationMethod, MethodTemplateView, TemplateScope } from '@bidhall/contracts';
import { App, Button, Col, Drawer, Form, Input, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { methodTemplatesApi } from '../../api/method-templates.ts';
import { problemMessage } from '../../api/problem.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { blanks, methodIssues, MethodFields } from '../desk/documents/method/MethodFields.tsx';
import type { AnyMethod } from '../desk/documents/method/methodModel.ts';

const SCOPES: TemplateScope[] = ['works', 'goods', 'services'];

/**
 * A region's evaluation method template: new from a copy of another (a standard one, most
 * often) or changed in place; checked live as a document's method is, and by the server on save.
 */
export function MethodTemplateDrawer({ editing, regions, onClose, onSaved }: {
  editing: { from: MethodTemplateView; copy: boolean };
  /** The regions the user keeps templates for, with their names. */
  regions: { value: string; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { from, copy } = editing;
  const [name, setName] = useState(copy ? '' : from.name);
  const [regionCode, setRegionCode] = useState<string | undefined>(copy ? regions[0]?.value : (from.regionCode ?? undefined));
  const [scope, setScope] = useState<TemplateScope>(from.scope);
  const [method, setMethod] = useState<AnyMethod>(from.method);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<unknown>();
  const invalid = !name.trim() || !regionCode || methodIssues(method).length > 0 || blanks(method) > 0;

  const save = async () => {
    if (!regionCode) return;
    const body = { name: name.trim(), regionCode, scope, method: method as EvaluationMethod };
    setSaving(true);
    setProblem(undefined);
    try {
      if (copy) await methodTemplatesApi.create(body);
      else await methodTemplatesApi.update(from.id, body);
      message.success(t('desk.method.templates.page.saved'));
      onSaved();
    } catch (err) {
      setProblem(err);
      message.error(problemMessage(t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      width={1200}
      title={copy ? t('desk.method.templates.page.copyTitle', { name: from.name }) : t('desk.method.templates.page.editTitle')}
      onClose={onClose}
      data-testid="method-template-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} disabled={invalid} onClick={() => void save()} data-testid="method-template-save">
            {t('desk.method.templates.page.save')}
          </Button>
        </Space>
      }
    >
      <ProblemAlert error={problem} testId="method-template-problem" />
      <Form layout="vertical" requiredMark>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item label={t('desk.method.templates.page.name')} required validateStatus={name.trim() ? undefined : 'error'}>
              <Input maxLength={120} showCount value={name} onChange={(e) => setName(e.target.value)} data-testid="method-template-name" />
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item label={t('desk.method.templates.page.region')} required>
              <Select value={regionCode} options={regions} onChange={setRegionCode} data-testid="method-template-region" />
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item label={t('desk.method.templates.page.scope')} required>
              <Select value={scope} options={SCOPES.map((s) => ({ value: s, label: t(`desk.method.templates.scopes.${s}`) }))} onChange={setScope} data-testid="method-template-scope" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <MethodFields method={method} types={['scoring', 'lowestEvaluatedPrice']} editable onChange={setMethod} />
    </Drawer>
  );
}
