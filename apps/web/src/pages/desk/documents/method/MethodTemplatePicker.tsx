import { ImportOutlined } from '@ant-design/icons';
import type { TemplateScope } from '@bidhall/contracts';
import { App, Button, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi, type DocumentView } from '../../../../api/documents.ts';
import { methodTemplatesApi, type MethodTemplateView } from '../../../../api/method-templates.ts';

/**
 * Starts a tender document's method from a template of its project type (A-147): the platform's
 * standard ones and the regions' own. Applying replaces the method on the server; the editor reloads.
 */
export function MethodTemplatePicker({ doc, editable, onApplied, onError }: { doc: DocumentView; editable: boolean; onApplied: () => Promise<void>; onError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [templates, setTemplates] = useState<MethodTemplateView[]>([]);
  const [chosen, setChosen] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void (async () => {
      const scope: TemplateScope | undefined = (await documentsApi.templates('tender')).find((x) => x.code === doc.templateCode)?.scope;
      const list = await methodTemplatesApi.list(scope ? { scope } : {});
      if (live) setTemplates(list);
    })().catch(onError);
    return () => {
      live = false;
    };
  }, [doc.templateCode]);

  const started = useMemo(() => (doc.methodTemplate ? templates.find((x) => x.id === doc.methodTemplate!.id) : undefined), [templates, doc.methodTemplate]);
  const options = [
    { label: t('desk.method.templates.standard'), options: templates.filter((x) => x.regionCode === null).map((x) => ({ value: x.id, label: x.name })) },
    { label: t('desk.method.templates.regional'), options: templates.filter((x) => x.regionCode !== null).map((x) => ({ value: x.id, label: `${x.name}（${x.regionCode}）` })) },
  ].filter((g) => g.options.length);

  const apply = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      await methodTemplatesApi.apply(doc.id, chosen);
      void message.success(t('desk.method.templates.applied'));
      setChosen(undefined);
      await onApplied();
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space wrap className="desk-method-templates" data-testid="method-templates">
      {doc.methodTemplate && (
        <Typography.Text type="secondary" data-testid="method-template-origin">
          {t('desk.method.templates.origin')}
          <Tag color="blue">{started?.name ?? doc.methodTemplate.id}</Tag>
          {t('desk.method.templates.version', { version: doc.methodTemplate.version })}
        </Typography.Text>
      )}
      {editable && (
        <>
          <Select
            style={{ minWidth: 360 }}
            placeholder={t('desk.method.templates.placeholder')}
            value={chosen}
            onChange={setChosen}
            options={options}
            showSearch
            optionFilterProp="label"
            data-testid="method-template-select"
          />
          <Popconfirm title={t('desk.method.templates.confirm')} onConfirm={() => void apply()} disabled={!chosen}>
            <Button icon={<ImportOutlined />} disabled={!chosen} loading={busy} data-testid="method-template-apply">
              {t('desk.method.templates.apply')}
            </Button>
          </Popconfirm>
        </>
      )}
    </Space>
  );
}
