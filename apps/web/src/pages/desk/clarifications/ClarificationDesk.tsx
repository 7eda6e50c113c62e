import { Empty, Segmented, Spin, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { documentsApi, type DocumentKind } from '../../../api/documents.ts';
import { LoadError } from '../../../components/LoadError.tsx';
import { useLoader } from '../../../hooks/useLoader.ts';
import { useDesk } from '../deskContext.ts';
import { DocumentStatusTag } from '../tags.tsx';
import { ClarificationsPanel } from './ClarificationsPanel.tsx';
import { QuestionsPanel } from './QuestionsPanel.tsx';
import { SiteVisitsPanel } from './SiteVisitsPanel.tsx';

/** 澄清答疑 (A-77…A-86, B-011…B-015): questions, numbered clarifications, site visits. */
export default function ClarificationDesk() {
  const { t } = useTranslation();
  const { section, reloadSection } = useDesk();
  const kinds: DocumentKind[] = section.method === 'prequalification' ? ['prequalification', 'tender'] : ['tender'];
  const [kind, setKind] = useState<DocumentKind>(kinds[0]!);
  const [tab, setTab] = useState('questions');
  const [picked, setPicked] = useState<string[]>([]);
  const { data: doc, error, loading, reload } = useLoader(async () => {
    const list = (await documentsApi.list({ sectionId: section.id, kind })).filter((d) => d.round === section.round);
    return list[0] ?? null;
  }, [section.id, section.round, kind]);

  if (error) return <LoadError error={error} onRetry={() => void reload()} />;
  if (loading && doc === undefined) return <Spin />;
  return (
    <div data-testid="clarification-desk">
      {kinds.length > 1 && (
        <Segmented<DocumentKind>
          className="desk-kind-switch"
          value={kind}
          onChange={setKind}
          options={kinds.map((k) => ({ value: k, label: t(`desk.documentKind.${k}`) }))}
        />
      )}
      {!doc ? (
        <Empty description={t('desk.clarify.noDocument')}>
          <Link to="../documents">{t('desk.tabs.documents')}</Link>
        </Empty>
      ) : (
        <>
          <div className="desk-doc-line">
            {t(`desk.documentKind.${doc.kind}`)} <DocumentStatusTag status={doc.status} />
            <Tag>{t('desk.document.version', { version: doc.version })}</Tag>
          </div>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'questions',
                label: <span data-testid="clarify-tab-questions">{t('desk.clarify.questions')}</span>,
                children: (
                  <QuestionsPanel
                    documentId={doc.id}
                    picked={picked}
                    onPick={setPicked}
                    onDraft={() => setTab('clarifications')}
                  />
                ),
              },
              {
                key: 'clarifications',
                label: <span data-testid="clarify-tab-clarifications">{t('desk.clarify.clarifications')}</span>,
                children: (
                  <ClarificationsPanel
                    documentId={doc.id}
                    picked={picked} onUsed={() => setPicked([])}
                    onIssued={() => void Promise.all([reload(), reloadSection()])}
                  />
                ),
              },
              {
                key: 'siteVisits',
                label: <span data-testid="clarify-tab-sitevisits">{t('desk.clarify.siteVisits')}</span>,
                children: <SiteVisitsPanel documentId={doc.id} />,
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
