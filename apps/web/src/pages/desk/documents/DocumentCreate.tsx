import { Button, Card, Form, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi, type DocumentKind } from '../../../api/documents.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { DeskProblem } from '../DeskProblem.tsx';
import { useDesk } from '../deskContext.ts';

/** a document from a standard template (omitted: the one for the section's kind). */
export function DocumentCreate({ kind, onCreated }: { kind: DocumentKind; onCreated: () => void }) {
  const { t } = useTranslation();
  const { section } = useDesk();
  const templates = useLoader(() => documentsApi.templates(kind), [kind]);
  const [code, setCode] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await documentsApi.create({ sectionId: section.id, kind, templateCode: code });
      onCreated();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('desk.document.createTitle', { kind: t(`desk.documentKind.${kind}`) })} data-testid="document-create">
      <DeskProblem error={error ?? templates.error} testId="document-create-problem" />
      <Form layout="vertical">
        <Form.Item label={t('desk.document.template')} extra={t('desk.document.templateHint')}>
          <Select
            allowClear
            value={code}
            onChange={setCode}
            loading={templates.loading}
            placeholder={t('desk.document.standardTemplate')}
            data-testid="document-template"
            options={(templates.data ?? []).map((tpl) => ({
              value: tpl.code,
              label: (
                <Space>
                  {tpl.name}
                  <Tag>{t(`desk.scope.${tpl.scope}`)}</Tag>
                  <span className="muted">{tpl.version}</span>
                </Space>
              ),
            }))}
          />
        </Form.Item>
        <Button type="primary" loading={busy} disabled={!section.canManage} onClick={() => void create()} data-testid="document-create-submit">
          {t('desk.document.create')}
        </Button>
      </Form>
    </Card>
  );
}
