import { useMemo, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Provider } from 'urql';
import { AppHeader } from './components/AppHeader';
import { Layout } from './components/Layout';
import { PublicLayout } from './components/PublicLayout';
import { ErrorAlert, Loading } from './components/Status';
import { createGraphqlClient } from './graphql';
import { ApplicationPage } from './pages/ApplicationPage';
import { ApplicationQueuePage } from './pages/ApplicationQueuePage';
import { ComplaintPage } from './pages/ComplaintPage';
import { ComplaintQueuePage } from './pages/ComplaintQueuePage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PeoplePage } from './pages/PeoplePage';
import { PoliciesPage } from './pages/admin/PoliciesPage';
import { AuditPage } from './pages/audit/AuditPage';
import { CommandsPage } from './pages/commands/CommandsPage';
import { ImportPage } from './pages/import/ImportPage';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { WorkQueuesPage } from './pages/queues/WorkQueuesPage';
import { PersonPage } from './pages/person/PersonPage';
import { ApplyPage } from './pages/apply/ApplyPage';
import { RecertificationPage } from './pages/apply/RecertificationPage';
import { CoursePage } from './pages/courses/CoursePage';
import { CourseReviewPage } from './pages/courses/CourseReviewPage';
import { CourseReviewQueuePage } from './pages/courses/CourseReviewQueuePage';
import { CoursesPage } from './pages/courses/CoursesPage';
import { NewCoursePage } from './pages/courses/NewCoursePage';
import { NewComplaintPage } from './pages/NewComplaintPage';
import { NewSessionPage } from './pages/sessions/NewSessionPage';
import { SessionPage } from './pages/sessions/SessionPage';
import { SessionsPage } from './pages/sessions/SessionsPage';
import { FileComplaintPage } from './pages/public/FileComplaintPage';
import { RegistryPage } from './pages/public/RegistryPage';
import { TrainingCatalogPage } from './pages/public/TrainingCatalogPage';
import { VerifyCertificatePage } from './pages/public/VerifyCertificatePage';
import { SignInPage, type SignInLocationState } from './pages/SignInPage';
import {
  APPLICANT_ROLES,
  APPLICATION_REVIEWER_ROLES,
  AUDIT_ADMIN_ROLES,
  COMMAND_ADMIN_ROLES,
  COURSE_AUTHOR_ROLES,
  COURSE_READER_ROLES,
  DASHBOARD_ROLES,
  ETHICS_STAFF_ROLES,
  IMPORT_ADMIN_ROLES,
  POLICY_ADMIN_ROLES,
  SESSION_READER_ROLES,
  TRAINER_ROLES,
  TRAINING_REVIEWER_ROLES,
  WORK_QUEUE_ROLES,
  hasAnyRole, isStaff, roleLabels, type Role } from './roles';
import { useSession, useUser } from './session';

export function App() {
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
      {/* Public: no sign-in, an anonymous GraphQL client. */}
      <Route element={<PublicLayout />}>
        <Route path="registry" element={<RegistryPage />} />
        <Route path="training" element={<TrainingCatalogPage />} />
        <Route path="verify" element={<VerifyCertificatePage />} />
        <Route path="complaint" element={<FileComplaintPage />} />
      </Route>
      <Route
        element={
          <RequireAuth>
            <GraphqlProvider>
              <Layout />
            </GraphqlProvider>
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route
          path="people"
          element={
            <RequireStaff what="The people directory">
              <PeoplePage />
            </RequireStaff>
          }
        />
        <Route
          path="people/:id"
          element={
            <RequireStaff what="A person's record">
              <PersonPage />
            </RequireStaff>
          }
        />
        <Route
          path="applications"
          element={
            <RequireRoles what="The application queue" roles={APPLICATION_REVIEWER_ROLES}>
              <ApplicationQueuePage />
            </RequireRoles>
          }
        />
        <Route
          path="applications/:id"
          element={
            <RequireRoles what="Reviewing applications" roles={APPLICATION_REVIEWER_ROLES}>
              <ApplicationPage />
            </RequireRoles>
          }
        />
        <Route
          path="complaints"
          element={
            <RequireRoles what="The complaint queue" roles={ETHICS_STAFF_ROLES}>
              <ComplaintQueuePage />
            </RequireRoles>
          }
        />
        <Route
          path="complaints/:id"
          element={
            <RequireRoles what="Complaint cases" roles={ETHICS_STAFF_ROLES}>
              <ComplaintPage />
            </RequireRoles>
          }
        />
        <Route
          path="complaints/new"
          element={
            <RequireRoles what="Recording a complaint" roles={ETHICS_STAFF_ROLES}>
              <NewComplaintPage />
            </RequireRoles>
          }
        />
        <Route
          path="courses"
          element={
            <RequireRoles what="Courses" roles={COURSE_READER_ROLES}>
              <CoursesPage />
            </RequireRoles>
          }
        />
        <Route
          path="courses/new"
          element={
            <RequireRoles what="Creating a course" roles={COURSE_AUTHOR_ROLES}>
              <NewCoursePage />
            </RequireRoles>
          }
        />
        <Route
          path="courses/:id"
          element={
            <RequireRoles what="Courses" roles={COURSE_READER_ROLES}>
              <CoursePage />
            </RequireRoles>
          }
        />
        <Route
          path="course-reviews"
          element={
            <RequireRoles what="The course review queue" roles={TRAINING_REVIEWER_ROLES}>
              <CourseReviewQueuePage />
            </RequireRoles>
          }
        />
        <Route
          path="course-reviews/:id"
          element={
            <RequireRoles what="Reviewing a course submission" roles={TRAINING_REVIEWER_ROLES}>
              <CourseReviewPage />
            </RequireRoles>
          }
        />
        <Route
          path="sessions"
          element={
            <RequireRoles what="Sessions" roles={SESSION_READER_ROLES}>
              <SessionsPage />
            </RequireRoles>
          }
        />
        <Route
          path="sessions/new"
          element={
            <RequireRoles what="Scheduling a session" roles={TRAINER_ROLES}>
              <NewSessionPage />
            </RequireRoles>
          }
        />
        <Route
          path="sessions/:id"
          element={
            <RequireRoles what="Sessions" roles={SESSION_READER_ROLES}>
              <SessionPage />
            </RequireRoles>
          }
        />
        <Route
          path="apply"
          element={
            <RequireRoles what="Applying for certification" roles={APPLICANT_ROLES}>
              <ApplyPage />
            </RequireRoles>
          }
        />
        <Route
          path="recertification"
          element={
            <RequireRoles what="Renewing a certification" roles={APPLICANT_ROLES}>
              <RecertificationPage />
            </RequireRoles>
          }
        />
        <Route
          path="dashboard"
          element={
            <RequireRoles what="The program dashboard" roles={DASHBOARD_ROLES}>
              <DashboardPage />
            </RequireRoles>
          }
        />
        <Route
          path="queues"
          element={
            <RequireRoles what="The work queues" roles={WORK_QUEUE_ROLES}>
              <WorkQueuesPage />
            </RequireRoles>
          }
        />
        <Route
          path="commands"
          element={
            <RequireRoles what="Cross-domain commands" roles={COMMAND_ADMIN_ROLES}>
              <CommandsPage />
            </RequireRoles>
          }
        />
        <Route
          path="audit"
          element={
            <RequireRoles what="The audit trail" roles={AUDIT_ADMIN_ROLES}>
              <AuditPage />
            </RequireRoles>
          }
        />
        <Route
          path="import"
          element={
            <RequireRoles what="Importing records" roles={IMPORT_ADMIN_ROLES}>
              <ImportPage />
            </RequireRoles>
          }
        />
        <Route
          path="policies"
          element={
            <RequireRoles what="Policy versions" roles={POLICY_ADMIN_ROLES}>
              <PoliciesPage />
            </RequireRoles>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** Sends signed-out visitors to /signin, remembering where they were going. */
function RequireAuth({ children }: { children: ReactNode }) {
  const { state, retry } = useSession();
  const location = useLocation();

  if (state.status === 'loading') {
    return (
      <>
        <AppHeader />
        <main id="main" className="main">
          <Loading>Checking your sign-in…</Loading>
        </main>
      </>
    );
  }
  if (state.status === 'error') {
    return (
      <>
        <AppHeader />
        <main id="main" className="main">
          <ErrorAlert title="Could not check your sign-in" messages={[state.message]} onRetry={retry} />
        </main>
      </>
    );
  }
  if (state.status === 'signedOut') {
    // After "Sign out" the next sign-in starts fresh at home; otherwise come back here.
    const from = state.reason === 'signedOut' ? undefined : { pathname: location.pathname, search: location.search, hash: location.hash };
    const next: SignInLocationState = { from };
    return <Navigate to="/signin" replace state={next} />;
  }
  return children;
}

/** One urql client (and so one cache) per account: one user's data never shows for the next. */
function GraphqlProvider({ children }: { children: ReactNode }) {
  const { accountId } = useUser();
  const { expire } = useSession();
  // accountId is unused inside on purpose: a different account must get a new client.
  const client = useMemo(() => createGraphqlClient({ onUnauthenticated: expire }), [accountId, expire]);
  return <Provider value={client}>{children}</Provider>;
}

function RequireStaff({ what, children }: { what: string; children: ReactNode }) {
  const user = useUser();
  if (isStaff(user.roles)) return children;
  return <NotAllowed what={what} who="program staff" />;
}

function RequireRoles({ what, roles, children }: { what: string; roles: readonly Role[]; children: ReactNode }) {
  const user = useUser();
  if (hasAnyRole(user.roles, roles)) return children;
  return <NotAllowed what={what} who={roles.map((r) => roleLabels([r])).join(' or ')} />;
}

function NotAllowed({ what, who }: { what: string; who: string }) {
  const user = useUser();
  return (
    <section aria-labelledby="not-allowed-title">
      <title>Not available · CPSS Platform</title>
      <h1 id="not-allowed-title">Not available</h1>
      <div role="alert" className="alert alert--error">
        <p>
          {what} is for {who}. Your roles: {roleLabels(user.roles)}.
        </p>
      </div>
    </section>
  );
}
