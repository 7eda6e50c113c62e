import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { UserKind } from '../api/types.ts';
import { ForbiddenPage } from '../pages/errors/ForbiddenPage.tsx';
import { useSession } from './SessionContext.tsx';

/** Guards a page: anonymous users go to login (and come back), the wrong kind of user sees 403. */
export function RequireKind({ kinds, children }: { kinds?: readonly UserKind[]; children: ReactNode }) {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) {
    return (
      <div className="page-loading">
        <Spin size="large" />
      </div>
    );
  }
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (kinds && !kinds.includes(user.kind)) return <ForbiddenPage />;
  return <>{children}</>;
}
