import { useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { setUnauthenticatedHandler } from './api';
import { AuthCallbackRoute } from './auth/HostedSignIn';
import { CampaignCalendar } from './pages/CampaignCalendar';
import { CapabilityHeatmap } from './pages/CapabilityHeatmap';
import { PipRecordPage, PipSignOff } from './pages/Pip';
import { PipPipeline, Reports } from './pages/Reports';
import { SecondmentFlows } from './pages/SecondmentFlows';
import { CoursePage, CourseNew, Courses, MyCourseBookings } from './pages/Courses';
import { Layout } from './components/layout';
import { AlertPage } from './pages/Alert';
import { AlertsInbox } from './pages/AlertsInbox';
import { BaselineEdit, Baselines } from './pages/Baselines';
import { CampaignCaps } from './pages/CampaignCaps';
import { CampaignEdit } from './pages/CampaignEdit';
import { CampaignNew } from './pages/CampaignNew';
import { CampaignPage } from './pages/Campaign';
import { CampaignApplication, CampaignApplications, CampaignEnd } from './pages/CampaignApplications';
import { Campaigns } from './pages/Campaigns';
import { ConfirmApplicationAction, ConfirmComplete, ConfirmPublish, ConfirmSecondmentComplete, ConfirmSecondmentWithdraw } from './pages/Confirm';
import { Escalations } from './pages/Escalations';
import { ForecastChooser, ForecastPage } from './pages/Forecast';
import { Forbidden, Home, NotFound } from './pages/Misc';
import { MyApplications } from './pages/MyApplications';
import { OfficersImport } from './pages/OfficersImport';
import { Officers } from './pages/Officers';
import { ExtendPosting } from './pages/OfficerPosting';
import { OfficerEdit, OfficerPage } from './pages/OfficerRecord';
import { AdminCapabilities, AdminContactEdit, AdminContacts, AdminOrganisations, AdminRoles } from './pages/Admin';
import { Roster } from './pages/Roster';
import { PlacementNew, PlacementPage, Placements } from './pages/Placements';
import { HomeSecondments, SecondmentApplicationPage } from './pages/Secondments';
import { SignIn } from './pages/SignIn';
import { Vacancies, Vacancy } from './pages/Vacancies';
import { ReferenceProvider } from './reference';
import { useSession } from './session';
import type { Role } from './types';

/** A page for signed-in users with one of `roles`: others sign in first (and come back), or are told it is not theirs. */
function Protected({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { session, hasRole } = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (roles && !hasRole(...roles)) return <Forbidden />;
  return <>{children}</>;
}

/** A 401 from the API (the token expired): sign out and ask to sign in again, coming back here after. */
function SignOutWhenTokenExpires() {
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      signOut();
      navigate(`/sign-in?expired=1&next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    });
    return () => setUnauthenticatedHandler(undefined);
  }, [signOut, navigate, location.pathname, location.search]);
  return null;
}

const HR: Role[] = ['hr-lead'];
const HEAD: Role[] = ['rocu-head'];
const OFFICER: Role[] = ['officer'];
const ADMIN: Role[] = ['admin'];

export function App() {
  return (
    <ReferenceProvider>
      <SignOutWhenTokenExpires />
      <Layout>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/sign-in" element={<SignIn />} />
          <Route path="/auth/callback" element={<AuthCallbackRoute />} />
          <Route path="/campaigns" element={<Protected roles={['hr-lead', 'rocu-head', 'rocc', 'admin']}><Campaigns /></Protected>} />
          <Route path="/campaigns/new" element={<Protected roles={HR}><CampaignNew /></Protected>} />
          <Route path="/campaigns/:id" element={<Protected><CampaignPage /></Protected>} />
          <Route path="/campaigns/:id/edit" element={<Protected roles={HR}><CampaignEdit /></Protected>} />
          <Route path="/campaigns/:id/caps" element={<Protected roles={HR}><CampaignCaps /></Protected>} />
          <Route path="/campaigns/:id/applications" element={<Protected roles={HR}><CampaignApplications /></Protected>} />
          <Route path="/campaigns/:id/applications/:applicationId" element={<Protected roles={HR}><CampaignApplication /></Protected>} />
          <Route path="/campaigns/:id/close" element={<Protected roles={HR}><CampaignEnd action="close" /></Protected>} />
          <Route path="/campaigns/:id/cancel" element={<Protected roles={HR}><CampaignEnd action="cancel" /></Protected>} />
          <Route path="/campaigns/:id/publish" element={<Protected roles={HR}><ConfirmPublish /></Protected>} />
          <Route path="/campaigns/:id/complete" element={<Protected roles={HR}><ConfirmComplete /></Protected>} />
          <Route path="/placements" element={<Protected roles={[...OFFICER, ...HR]}><Placements /></Protected>} />
          <Route path="/placements/new" element={<Protected roles={HR}><PlacementNew /></Protected>} />
          <Route path="/placements/:id" element={<Protected roles={[...OFFICER, ...HR]}><PlacementPage /></Protected>} />
          <Route path="/secondments/home" element={<Protected roles={[...HEAD, ...HR]}><HomeSecondments /></Protected>} />
          <Route path="/secondment-applications/:id" element={<Protected roles={[...OFFICER, ...HEAD, ...HR]}><SecondmentApplicationPage /></Protected>} />
          <Route path="/secondment-applications/:id/withdraw" element={<Protected roles={OFFICER}><ConfirmSecondmentWithdraw /></Protected>} />
          <Route path="/secondment-applications/:id/complete" element={<Protected roles={HR}><ConfirmSecondmentComplete /></Protected>} />
          <Route path="/officers" element={<Protected roles={[...HR, ...HEAD]}><Officers /></Protected>} />
          <Route path="/officers/import" element={<Protected roles={HR}><OfficersImport /></Protected>} />
          <Route path="/officers/:officerId" element={<Protected roles={[...HR, ...HEAD]}><OfficerPage /></Protected>} />
          <Route path="/officers/:officerId/accreditations" element={<Protected roles={HR}><OfficerEdit part="accreditations" /></Protected>} />
          <Route path="/officers/:officerId/vetting" element={<Protected roles={HR}><OfficerEdit part="vetting" /></Protected>} />
          <Route path="/officers/:officerId/posting/extend" element={<Protected roles={[...HR, ...HEAD]}><ExtendPosting /></Protected>} />
          <Route path="/alerts" element={<Protected roles={[...HEAD, ...HR]}><AlertsInbox /></Protected>} />
          <Route path="/alerts/:id" element={<Protected roles={['rocu-head', 'hr-lead', 'rocc']}><AlertPage /></Protected>} />
          <Route path="/escalations" element={<Protected roles={['rocc']}><Escalations /></Protected>} />
          <Route path="/baselines" element={<Protected roles={[...HEAD, ...HR]}><Baselines /></Protected>} />
          <Route path="/baselines/:capabilityId" element={<Protected roles={[...HEAD, ...HR]}><BaselineEdit /></Protected>} />
          <Route path="/vacancies" element={<Protected roles={OFFICER}><Vacancies /></Protected>} />
          <Route path="/vacancies/:id" element={<Protected roles={OFFICER}><Vacancy /></Protected>} />
          <Route path="/applications" element={<Protected roles={OFFICER}><MyApplications /></Protected>} />
          <Route path="/applications/:id/accept" element={<Protected roles={OFFICER}><ConfirmApplicationAction action="accept" /></Protected>} />
          <Route path="/applications/:id/withdraw" element={<Protected roles={OFFICER}><ConfirmApplicationAction action="withdraw" /></Protected>} />
          <Route path="/reports" element={<Protected><Reports /></Protected>} />
          <Route path="/reports/campaign-calendar" element={<Protected><CampaignCalendar /></Protected>} />
          <Route path="/reports/secondment-flows" element={<Protected roles={['hr-lead', 'rocc']}><SecondmentFlows /></Protected>} />
          <Route path="/reports/pip-pipeline" element={<Protected roles={['rocu-head', 'hr-lead', 'rocc']}><PipPipeline /></Protected>} />
          <Route path="/pip" element={<Protected roles={OFFICER}><PipRecordPage /></Protected>} />
          <Route path="/officers/:officerId/pip" element={<Protected roles={[...OFFICER, ...HR]}><PipRecordPage /></Protected>} />
          <Route path="/officers/:officerId/pip/sign-off" element={<Protected roles={[...OFFICER, ...HR]}><PipSignOff /></Protected>} />
          <Route path="/reports/capability-heatmap" element={<Protected roles={['rocu-head', 'hr-lead', 'rocc']}><CapabilityHeatmap /></Protected>} />
          <Route path="/forecast" element={<Protected roles={['rocu-head', 'hr-lead', 'rocc']}><ForecastChooser /></Protected>} />
          <Route path="/forecast/:orgId" element={<Protected roles={['rocu-head', 'hr-lead', 'rocc']}><ForecastPage /></Protected>} />
          <Route path="/roster/:orgId" element={<Protected roles={[...HEAD, ...HR]}><Roster /></Protected>} />
          <Route path="/courses" element={<Protected roles={[...OFFICER, ...HR, ...HEAD, 'rocc']}><Courses /></Protected>} />
          <Route path="/courses/new" element={<Protected roles={HR}><CourseNew /></Protected>} />
          <Route path="/courses/:id" element={<Protected><CoursePage /></Protected>} />
          <Route path="/course-bookings" element={<Protected roles={OFFICER}><MyCourseBookings /></Protected>} />
          <Route path="/admin/organisations" element={<Protected roles={ADMIN}><AdminOrganisations /></Protected>} />
          <Route path="/admin/capabilities" element={<Protected roles={ADMIN}><AdminCapabilities /></Protected>} />
          <Route path="/admin/contacts" element={<Protected roles={ADMIN}><AdminContacts /></Protected>} />
          <Route path="/admin/contacts/:audience" element={<Protected roles={ADMIN}><AdminContactEdit /></Protected>} />
          <Route path="/admin/roles" element={<Protected roles={ADMIN}><AdminRoles /></Protected>} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Layout>
    </ReferenceProvider>
  );
}
