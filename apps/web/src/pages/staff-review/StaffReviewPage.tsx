import { Card, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/SessionContext.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { EntryFormsTable } from '../projects/EntryFormsTable.tsx';
import { paramsWith } from '../projects/listParams.ts';
import { EntryFormDrawer } from './EntryFormDrawer.tsx';
import { PlanDrawer } from './PlanDrawer.tsx';
import { PlanQueue } from './PlanQueue.tsx';
import '../projects/projects.css';

/**
 * Staff review queues for entry forms (task 13) and tendering plans: filtered by status and
 * region, sorted on the server, each opened in a drawer to approve or return with a comment; the
 * reviewer and time are recorded and shown. Supervisors and auditors read.
 */
export default function StaffReviewPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { regionName } = useCatalog();
  const [params, setParams] = useSearchParams();
  const [changed, setChanged] = useState(0);
  const tab = params.get('tab') === 'plans' ? 'plans' : 'entries';
  const readOnly = user?.kind !== 'staff';
  const open = params.get('open');
  const setOpen = (id: string | undefined) => setParams(paramsWith(params, { open: id }));

  return (
    <div data-testid="staff-review">
      <PageHeading
        title={t('projects.staff.title')}
        subtitle={t('projects.staff.scope', { region: regionName(user?.regionCode) })}
        trail={[{ title: t('projects.staff.title') }]}
        extra={readOnly ? <Tag color="orange">{t('staff.readOnly')}</Tag> : null}
      />
      <div className="container page-body">
        <Card className="queue-card">
          <Tabs
            activeKey={tab}
            // Each queue has its own filters: switching starts from its default view.
            onChange={(key) => setParams(key === 'plans' ? { tab: 'plans', status: 'submitted' } : { status: 'submitted' })}
            items={[
              {
                key: 'entries',
                label: t('projects.staff.tabs.entries'),
                children: tab === 'entries' && (
                  <EntryFormsTable onOpen={setOpen} regionScope={user?.regionCode} defaultSort="submittedAt" refreshKey={changed} />
                ),
              },
              {
                key: 'plans',
                label: t('projects.staff.tabs.plans'),
                children: tab === 'plans' && <PlanQueue onOpen={setOpen} regionScope={user?.regionCode} refreshKey={changed} />,
              },
            ]}
          />
        </Card>
      </div>
      {tab === 'entries' ? (
        <EntryFormDrawer id={open} readOnly={readOnly} onClose={() => setOpen(undefined)} onChanged={() => setChanged((n) => n + 1)} />
      ) : (
        <PlanDrawer id={open} readOnly={readOnly} onClose={() => setOpen(undefined)} onChanged={() => setChanged((n) => n + 1)} />
      )}
    </div>
  );
}
