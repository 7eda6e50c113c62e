import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Tabs, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/SessionContext.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { AccountsPanel } from './AccountsPanel.tsx';
import { GrantModal } from './GrantModal.tsx';
import { GrantsPanel } from './GrantsPanel.tsx';

/**
 * Platform accounts and their grants (三员分立, decision 0012): security administrators propose,
 * approve or reject grants and disable accounts; auditors read both tabs.
 */
export default function UsersPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const [proposing, setProposing] = useState(false);
  const [pending, setPending] = useState(0);
  // Bumped after any change, so that both tabs read again.
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const canGrant = user?.kind === 'securityAdmin';
  const tab = params.get('tab') === 'grants' ? 'grants' : 'accounts';
  const me = user?.id ?? '';

  return (
    <div data-testid="admin-users">
      <PageHeading
        title={t('admin.title')}
        subtitle={t('admin.subtitle')}
        trail={[{ title: t('admin.title') }]}
        extra={
          canGrant ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setProposing(true)} data-testid="propose-grant">
              {t('admin.propose')}
            </Button>
          ) : (
            <Tag color="orange">{t('admin.readOnly')}</Tag>
          )
        }
      />
      <div className="container page-body">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'grants' ? { tab: 'grants' } : {})}
          items={[
            { key: 'accounts', label: t('admin.tabs.accounts'), children: <AccountsPanel me={me} canGrant={canGrant} version={version} onChanged={changed} /> },
            {
              key: 'grants',
              label: (
                <span data-testid="grants-tab">
                  {t('admin.tabs.grants')} <Badge count={pending} size="small" />
                </span>
              ),
              children: <GrantsPanel me={me} canDecide={canGrant} version={version} onPending={setPending} onChanged={changed} />,
              forceRender: true,
            },
          ]}
        />
      </div>
      {proposing && <GrantModal onClose={() => setProposing(false)} onDone={changed} />}
    </div>
  );
}
