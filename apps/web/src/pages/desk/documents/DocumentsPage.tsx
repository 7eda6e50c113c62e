import { Card, Segmented, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi, type DocumentKind, type DocumentView } from '../../../api/documents.ts';
import { LoadError } from '../../../components/LoadError.tsx';
import { formatTime } from '../../../format.ts';
import { useLoader } from '../../../hooks/useLoader.ts';
import { useDesk } from '../deskContext.ts';
import { DocumentStatusTag } from '../tags.tsx';
import { AttachmentsPanel } from './AttachmentsPanel.tsx';
import { BillOfQuantitiesPanel } from './BillOfQuantitiesPanel.tsx';
import { BidStructureEditor } from './BidStructureEditor.tsx';
import { ChapterForms } from './ChapterForms.tsx';
import { DocumentCreate } from './DocumentCreate.tsx';
import { DownloadsTable } from './DownloadsTable.tsx';
import { MethodEditor } from './method/MethodEditor.tsx';
import { PackageSignPanel } from './PackageSignPanel.tsx';

async function currentDocument(sectionId: string, kind: DocumentKind, round: number): Promise<DocumentView | null> {
  const list = await documentsApi.list({ sectionId, kind });
  const mine = list.filter((d) => d.round === round).sort((a, b) => b.version - a.version);
  return mine[0] ? documentsApi.get(mine[0].id) : null;
}

/** The document builder (A-59…A-70): chapters, evaluation method, bid parts, attachments, signing, downloads. */
export default function DocumentsPage() {
  const { t } = useTranslation();
  const { section } = useDesk();
  const kinds: DocumentKind[] = section.method === 'prequalification' ? ['prequalification', 'tender'] : ['tender'];
  const [kind, setKind] = useState<DocumentKind>(kinds[0]!);
  const [tab, setTab] = useState('chapters');
  const { data: doc, error, loading, reload } = useLoader(() => currentDocument(section.id, kind, section.round), [section.id, kind, section.round]);

  const header = kinds.length > 1 && (
    <Segmented<DocumentKind>
      className="desk-kind-switch"
      value={kind}
      onChange={setKind}
      options={kinds.map((k) => ({ value: k, label: t(`desk.documentKind.${k}`) }))}
    />
  );
  if (error) return <LoadError error={error} onRetry={() => void reload()} />;
  if (loading && doc === undefined) return <Spin />;
  if (!doc) {
    return (
      <>
        {header}
        <DocumentCreate kind={kind} onCreated={() => void reload()} />
      </>
    );
  }
  const editable = doc.canManage && doc.status === 'draft';
  const onSaved = async () => {
    await reload();
  };

  return (
    <div data-testid="documents-page">
      {header}
      <Card
        size="small"
        className="desk-doc-head"
        title={
          <Space wrap>
            {t(`desk.documentKind.${doc.kind}`)}
            <DocumentStatusTag status={doc.status} />
            <Tag>{t('desk.document.version', { version: doc.version })}</Tag>
            <Typography.Text type="secondary" className="mono">
              {doc.templateCode}
            </Typography.Text>
          </Space>
        }
        extra={
          <Typography.Text type="secondary">
            {t('desk.document.issuePeriod', { from: formatTime(doc.issueStart), to: formatTime(doc.issueEnd) })}
          </Typography.Text>
        }
      >
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'chapters', label: t('desk.document.tabs.chapters'), children: <ChapterForms doc={doc} editable={editable} onSaved={onSaved} /> },
            { key: 'method', label: t('desk.document.tabs.method'), children: <MethodEditor doc={doc} editable={editable} onSaved={onSaved} /> },
            { key: 'structure', label: t('desk.document.tabs.structure'), children: <BidStructureEditor doc={doc} editable={editable} onSaved={onSaved} /> },
            ...(doc.requiresBillOfQuantities
              ? [{ key: 'boq', label: t('desk.document.tabs.boq'), children: <BillOfQuantitiesPanel doc={doc} editable={editable} onChanged={onSaved} /> }]
              : []),
            { key: 'attachments', label: t('desk.document.tabs.attachments'), children: <AttachmentsPanel doc={doc} editable={editable} onChanged={onSaved} /> },
            { key: 'sign', label: t('desk.document.tabs.sign'), children: <PackageSignPanel doc={doc} onChanged={onSaved} /> },
            { key: 'downloads', label: t('desk.document.tabs.downloads'), children: <DownloadsTable doc={doc} /> },
          ].map((item) => ({ ...item, label: <span data-testid={`doc-tab-${item.key}`}>{item.label}</span> }))}
        />
      </Card>
    </div>
  );
}
