import { Alert, Badge, Button, Skeleton, Space, Tabs } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/SessionContext.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { DownloadsTab } from './DownloadsTab.tsx';
import { FindTab } from './FindTab.tsx';
import { InvitationsTab } from './InvitationsTab.tsx';
import '../portal/portal.css';

const MyBidsTab = lazy(() => import('./bid/MyBidsTab.tsx'));
const MyContractsTab = lazy(() => import('./MyContractsTab.tsx'));

const TABS = ['find', 'downloads', 'bids', 'invitations', 'contracts'] as const;
type Tab = (typeof TABS)[number];

/** 投标人工作台: find open sections, the entity's downloads and receipts, invitations to reply to. */
export default function BidderPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const [pending, setPending] = useState(0);
  const requested = params.get('tab') as Tab;
  const tab: Tab = TABS.includes(requested) ? requested : 'find';

  return (
    <div data-testid="bidder-page">
      <PageHeading
        title={t('bidder.title')}
        subtitle={user?.entity?.name}
        trail={[{ title: t('bidder.title') }]}
        extra={
          <Space wrap>
            <Link to="/bidder/prequalification-letters" data-testid="bidder-pq-letters-link">
              <Button>{t('prequalificationLetters.title')}</Button>
            </Link>
            <Link to="/bidder/award-letters" data-testid="bidder-award-letters-link">
              <Button>{t('bidder.awardLetters.title')}</Button>
            </Link>
            <Link to="/bidder/evaluation-clarifications" data-testid="bidder-clarifications-link">
              <Button>{t('evaluationClarify.bidder.title')}</Button>
            </Link>
          </Space>
        }
      />
      <div className="container page-body">
        {user?.entity && user.entity.status !== 'active' && (
          <Alert type="warning" showIcon className="form-alert" title={t('bidder.notActive')} />
        )}
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'find' ? {} : { tab: key })}
          items={[
            { key: 'find', label: t('bidder.tabs.find'), children: <FindTab /> },
            { key: 'downloads', label: t('bidder.tabs.downloads'), children: <DownloadsTab /> },
            {
              key: 'bids',
              label: t('bidding.mineTab'),
              children: (
                <Suspense fallback={<Skeleton active />}>
                  <MyBidsTab />
                </Suspense>
              ),
            },
            {
              key: 'invitations',
              label: (
                <span>
                  {t('bidder.tabs.invitations')} <Badge count={pending} size="small" />
                </span>
              ),
              children: <InvitationsTab onPending={setPending} />,
              forceRender: true,
            },
            {
              key: 'contracts',
              label: <span data-testid="bidder-contracts-tab">{t('contract.mine.title')}</span>,
              children: (
                <Suspense fallback={<Skeleton active />}>
                  <MyContractsTab />
                </Suspense>
              ),
            },
          ]}
        />
      </div>
    </div>
  );
}
