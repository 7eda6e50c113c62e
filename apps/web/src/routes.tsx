import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { STAFF_READERS } from './auth/homePath.ts';
import { RequireKind } from './auth/RequireKind.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import HomePage from './pages/home/HomePage.tsx';

// The portal's home is in the first bundle; every other page loads when first opened.
const LoginPage = lazy(() => import('./pages/login/LoginPage.tsx'));
const RegisterPage = lazy(() => import('./pages/register/RegisterPage.tsx'));
const WorkspacePage = lazy(() => import('./pages/workspace/WorkspacePage.tsx'));
const StaffVerificationPage = lazy(() => import('./pages/staff/StaffVerificationPage.tsx'));
const UsersPage = lazy(() => import('./pages/admin/UsersPage.tsx'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx'));
// Public verification brings the crypto code: it loads only here.
const VerifyPage = lazy(() => import('./pages/verify/VerifyPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/errors/NotFoundPage.tsx'));

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/verify', element: <VerifyPage /> },
      {
        path: '/workspace',
        element: (
          <RequireKind>
            <WorkspacePage />
          </RequireKind>
        ),
      },
      {
        path: '/staff/verification',
        element: (
          <RequireKind kinds={STAFF_READERS}>
            <StaffVerificationPage />
          </RequireKind>
        ),
      },
      {
        path: '/admin/users',
        element: (
          <RequireKind kinds={['admin']}>
            <UsersPage />
          </RequireKind>
        ),
      },
      {
        path: '/audit',
        element: (
          <RequireKind kinds={['auditor']}>
            <AuditPage />
          </RequireKind>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
