import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequireKind } from '../../auth/RequireKind.tsx';

// The tendering desk of a section (tenderer or its agency); every page loads when first opened.
const DeskLayout = lazy(() => import('./DeskLayout.tsx'));
const NoticePage = lazy(() => import('./notice/NoticePage.tsx'));
const InvitationsPage = lazy(() => import('./invitations/InvitationsPage.tsx'));
const DocumentsPage = lazy(() => import('./documents/DocumentsPage.tsx'));
const ClarificationDesk = lazy(() => import('./clarifications/ClarificationDesk.tsx'));

/** /desk/sections/:id/{notice,invitations,documents,clarifications} */
export const deskRoutes: RouteObject = {
  path: '/desk/sections/:id',
  element: (
    <RequireKind kinds={['entity']}>
      <DeskLayout />
    </RequireKind>
  ),
  children: [
    { index: true, element: <Navigate to="notice" replace /> },
    { path: 'notice', element: <NoticePage /> },
    { path: 'invitations', element: <InvitationsPage /> },
    { path: 'documents', element: <DocumentsPage /> },
    { path: 'clarifications', element: <ClarificationDesk /> },
  ],
};
