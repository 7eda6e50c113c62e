import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { CALENDAR_READERS } from './api/calendar.ts';
import { TIME_READERS } from './api/system.ts';
import { STAFF_READERS } from './auth/homePath.ts';
import { RequireKind } from './auth/RequireKind.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { RequireBidder } from './pages/bidder/RequireBidder.tsx';
import { deskRoutes } from './pages/desk/deskRoutes.tsx';
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
const NoticeListPage = lazy(() => import('./pages/portal/NoticeListPage.tsx'));
const NoticePage = lazy(() => import('./pages/portal/NoticePage.tsx'));
const BidderPage = lazy(() => import('./pages/bidder/BidderPage.tsx'));
const SectionWorkspacePage = lazy(() => import('./pages/bidder/SectionWorkspacePage.tsx'));
const EvaluationClarificationsPage = lazy(() => import('./pages/bidder/EvaluationClarificationsPage.tsx'));
const AwardLettersPage = lazy(() => import('./pages/bidder/AwardLettersPage.tsx'));
const PrequalificationLettersPage = lazy(() => import('./pages/bidder/PrequalificationLettersPage.tsx'));
const ProjectsPage = lazy(() => import('./pages/projects/ProjectsPage.tsx'));
const EntryFormPage = lazy(() => import('./pages/projects/EntryFormPage.tsx'));
const ProjectPage = lazy(() => import('./pages/projects/ProjectPage.tsx'));
const TenderingProjectPage = lazy(() => import('./pages/projects/TenderingProjectPage.tsx'));
const SectionPage = lazy(() => import('./pages/projects/SectionPage.tsx'));
const HallPage = lazy(() => import('./pages/hall/HallPage.tsx'));
const StaffReviewPage = lazy(() => import('./pages/staff-review/StaffReviewPage.tsx'));
const StaffExchangePage = lazy(() => import('./pages/staff-exchange/StaffExchangePage.tsx'));
const StaffFinancePage = lazy(() => import('./pages/staff-finance/StaffFinancePage.tsx'));
const RecordTemplatesPage = lazy(() => import('./pages/record-templates/RecordTemplatesPage.tsx'));
const MethodTemplatesPage = lazy(() => import('./pages/method-templates/MethodTemplatesPage.tsx'));
const TimeSourcePage = lazy(() => import('./pages/system/TimeSourcePage.tsx'));
const CalendarPage = lazy(() => import('./pages/system/CalendarPage.tsx'));
const ExpertApplyPage = lazy(() => import('./pages/experts-public/ExpertApplyPage.tsx'));
const ExpertRecordPage = lazy(() => import('./pages/experts-public/ExpertRecordPage.tsx'));
const AgencyRecordPage = lazy(() => import('./pages/agencies-public/AgencyRecordPage.tsx'));
const ExpertPoolPage = lazy(() => import('./pages/experts/ExpertPoolPage.tsx'));
const ExpertSelfPage = lazy(() => import('./pages/expert-self/ExpertSelfPage.tsx'));
const EvaluationRoomPage = lazy(() => import('./pages/evaluation/room/EvaluationRoomPage.tsx'));
const VenuesPage = lazy(() => import('./pages/evaluation/venues/VenuesPage.tsx'));
const MonitorPage = lazy(() => import('./pages/evaluation/monitor/MonitorPage.tsx'));
const VideoRoomPage = lazy(() => import('./pages/evaluation/video/VideoRoomPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/errors/NotFoundPage.tsx'));

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/verify', element: <VerifyPage /> },
      { path: '/notices', element: <NoticeListPage /> },
      { path: '/notices/:id', element: <NoticePage /> },
      // The expert pool (issue 12): anyone applies and reads the public record; staff keep the pool; a drawn expert answers.
      { path: '/experts/apply', element: <ExpertApplyPage /> },
      { path: '/experts/record', element: <ExpertRecordPage /> },
      // The agencies' public record (task 26, decision 0044): their rating means and behaviour records.
      { path: '/agencies/record', element: <AgencyRecordPage /> },
      { path: '/staff/experts', element: <RequireKind kinds={['staff', 'supervisor']}><ExpertPoolPage /></RequireKind> },
      { path: '/expert/invitations', element: <RequireKind kinds={['expert']}><ExpertSelfPage /></RequireKind> },
      // Remote evaluation (decision 0027): venues and workstations, the monitor, the audio/video room on its own page.
      { path: '/staff/evaluation-venues', element: <RequireKind kinds={['staff', 'supervisor']}><VenuesPage /></RequireKind> },
      { path: '/staff/evaluation-monitor', element: <RequireKind kinds={['staff', 'supervisor']}><MonitorPage /></RequireKind> },
      { path: '/sections/:sectionId/evaluation/video', element: <RequireKind kinds={['expert', 'entity', 'staff', 'supervisor']}><VideoRoomPage key="bid" /></RequireKind> },
      { path: '/sections/:sectionId/application-review/video', element: <RequireKind kinds={['expert', 'entity', 'staff', 'supervisor']}><VideoRoomPage key="application" sitting="application" /></RequireKind> },
      // 评标室: the committee's members, the region's officers and the tenderer (the server decides who sees what).
      // Keyed by sitting, so that going from one room to the other starts the page afresh.
      { path: '/sections/:sectionId/evaluation', element: <RequireKind kinds={['expert', 'entity', 'staff', 'supervisor']}><EvaluationRoomPage key="bid" /></RequireKind> },
      // 资格审查室: a prequalification section's review of the applications, the same room in its own words (decision 0032).
      { path: '/sections/:sectionId/application-review', element: <RequireKind kinds={['expert', 'entity', 'staff', 'supervisor']}><EvaluationRoomPage key="application" sitting="application" /></RequireKind> },
      { path: '/bidder', element: <RequireBidder><BidderPage /></RequireBidder> },
      { path: '/bidder/sections/:sectionId', element: <RequireBidder><SectionWorkspacePage /></RequireBidder> },
      { path: '/bidder/evaluation-clarifications', element: <RequireBidder><EvaluationClarificationsPage /></RequireBidder> },
      // 中标通知书 / 中标结果通知书 issued to the bidder's entity (decision 0035); the award notifications link here.
      { path: '/bidder/award-letters', element: <RequireBidder><AwardLettersPage /></RequireBidder> },
      // 资格预审结果通知书 issued to the applicant's entity (decision 0039); the results' notifications link here.
      { path: '/bidder/prequalification-letters', element: <RequireBidder><PrequalificationLettersPage /></RequireBidder> },
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
          <RequireKind kinds={['securityAdmin', 'auditor']}>
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
      deskRoutes,
      { path: '/projects', element: <RequireKind kinds={['entity']}><ProjectsPage /></RequireKind> },
      { path: '/projects/entry/new', element: <RequireKind kinds={['entity']}><EntryFormPage /></RequireKind> },
      { path: '/projects/entry/:id', element: <RequireKind kinds={['entity', 'staff', 'supervisor']}><EntryFormPage /></RequireKind> },
      { path: '/projects/tendering/:id', element: <RequireKind kinds={['entity', 'staff', 'supervisor']}><TenderingProjectPage /></RequireKind> },
      { path: '/projects/sections/:id', element: <RequireKind><SectionPage /></RequireKind> },
      // The opening hall: its bidders, the tenderer or agency, the region's staff and supervisors (the server decides who).
      // Keyed by sitting, so that going from one hall to the other starts the page afresh.
      { path: '/sections/:sectionId/hall', element: <RequireKind kinds={['entity', 'staff', 'supervisor']}><HallPage key="bid" /></RequireKind> },
      // A prequalification section's applications are opened in a hall of their own (decision 0023, A-116…A-128).
      { path: '/sections/:sectionId/application-hall', element: <RequireKind kinds={['entity', 'staff', 'supervisor']}><HallPage key="application" sitting="application" /></RequireKind> },
      { path: '/projects/:id', element: <RequireKind kinds={['entity', 'staff', 'supervisor']}><ProjectPage /></RequireKind> },
      { path: '/staff/projects', element: <RequireKind kinds={['staff', 'supervisor']}><StaffReviewPage /></RequireKind> },
      { path: '/staff/exchange', element: <RequireKind kinds={['staff', 'admin', 'auditor']}><StaffExchangePage /></RequireKind> },
      { path: '/staff/finance', element: <RequireKind kinds={['staff', 'supervisor', 'auditor']}><StaffFinancePage /></RequireKind> },
      { path: '/staff/opening-record-templates', element: <RequireKind kinds={['staff', 'supervisor', 'auditor', 'admin']}><RecordTemplatesPage /></RequireKind> },
      { path: '/method-templates', element: <MethodTemplatesPage /> },
      { path: '/system/time', element: <RequireKind kinds={TIME_READERS}><TimeSourcePage /></RequireKind> },
      // 工作日历 (B-004): the years with holiday data, staff entry of the next one, and a date check.
      { path: '/system/calendar', element: <RequireKind kinds={CALENDAR_READERS}><CalendarPage /></RequireKind> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
