import { Badge, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/SessionContext.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useCatalog } from '../../hooks/useCatalog.tsx';
import { ChangeQueue } from './ChangeQueue.tsx';
import { EntityQueue } from './EntityQueue.tsx';

/** Trading-centre staff verify registrations and changes; supervisors and auditors look on. */
export default function StaffVerificationPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { regionName } = useCatalog();
  const [params, setParams] = useSearchParams();
  const [pendingChanges, setPendingChanges] = useState(0);
  const readOnly = user?.kind !== 'staff';
  const tab = params.get('tab') === 'changes' ? 'changes' : 'entities';

  return (
    <div data-testid="staff-verification">
      <PageHeading
        title={t('staff.title')}
        subtitle={t('staff.scope', { region: regionName(user?.regionCode) })}
        trail={[{ title: t('staff.title') }]}
        extra={readOnly ? <Tag color="orange">{t('staff.readOnly')}</Tag> : null}
      />
      <div className="container page-body">
        <Tabs
          className="staff-tabs"
          activeKey={tab}
          onChange={(key) => setParams(key === 'changes' ? { tab: 'changes' } : {})}
          items={[
            { key: 'entities', label: t('staff.tabs.entities'), children: <EntityQueue readOnly={readOnly} /> },
            {
              key: 'changes',
              label: (
                <span>
                  {t('staff.tabs.changes')} <Badge count={pendingChanges} size="small" />
                </span>
              ),
              children: <ChangeQueue readOnly={readOnly} onCount={setPendingChanges} />,
              forceRender: true,
            },
          ]}
        />
      </div>
    </div>
  );
}
