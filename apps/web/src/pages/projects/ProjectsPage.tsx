import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tabs } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.tsx';
import { EntryFormsTable } from './EntryFormsTable.tsx';
import { SectionsTable } from './SectionsTable.tsx';
import './projects.css';

/** The tenderer's or agency's workspace "项目与标段": my sections with their stages, and my entry forms. */
export default function ProjectsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'entries' ? 'entries' : 'sections';

  return (
    <div data-testid="projects-page">
      <PageHeading
        title={t('projects.title')}
        subtitle={t('projects.subtitle')}
        trail={[{ title: t('nav.workspace'), to: '/workspace' }, { title: t('projects.title') }]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/projects/entry/new')} data-testid="new-entry">
            {t('projects.newEntry')}
          </Button>
        }
      />
      <div className="container page-body">
        <Card className="queue-card">
          <Tabs
            activeKey={tab}
            // Each list has its own filters: switching starts from a clean query.
            onChange={(key) => setParams(key === 'entries' ? { tab: 'entries' } : {})}
            items={[
              { key: 'sections', label: t('projects.tabs.sections'), children: tab === 'sections' && <SectionsTable /> },
              { key: 'entries', label: t('projects.tabs.entries'), children: tab === 'entries' && <EntryFormsTable /> },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
