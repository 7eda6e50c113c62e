import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RequireKind } from '../../auth/RequireKind.tsx';
import { useSession } from '../../auth/SessionContext.tsx';

function BidderOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const entity = user?.entity;
  if (!entity?.roles.includes('bidder')) {
    return (
      <div className="container page-body" data-testid="forbidden">
        <Result
          status="403"
          title="403"
          subTitle={t('bidder.notBidder')}
          extra={
            <Link to="/workspace">
              <Button type="primary">{t('errors.pages.toWorkspace')}</Button>
            </Link>
          }
        />
      </div>
    );
  }
  return <>{children}</>;
}

/**
 * The bidder workspace is for users of an entity with the bidder role (the server checks the same:
 * `roles: ['bidder']`). Anonymous visitors log in and come back; others see why they cannot enter.
 */
export function RequireBidder({ children }: { children: ReactNode }) {
  return (
    <RequireKind kinds={['entity']}>
      <BidderOnly>{children}</BidderOnly>
    </RequireKind>
  );
}
