import { lazy, Suspense } from "react";
import { Navigate, Route, Routes, useLocation, useParams } from "react-router";
import { Layout } from "./components/Layout";
import { NoAccess } from "./components/NoAccess";
import { hiringRoutes } from "./hiring/hiring-routes";
import { screeningRoutes } from "./screening/screening-routes";
import { useSession } from "./session";

const analyticsNoAccess = <NoAccess area="Analytics" who="admins and hiring managers" />;

// Every page is its own chunk (React.lazy), so a visit downloads the page it shows.
const CalendarFeedPage = lazy(() =>
  import("./calendar/CalendarFeedPage").then((m) => ({ default: m.CalendarFeedPage })),
);
const ApiTokensPage = lazy(() =>
  import("./account/ApiTokensPage").then((m) => ({ default: m.ApiTokensPage })),
);
const AssessmentResultsPage = lazy(() =>
  import("./assessments/AssessmentResultsPage").then((m) => ({
    default: m.AssessmentResultsPage,
  })),
);
const DesignReviewPage = lazy(() =>
  import("./assessments/DesignReviewPage").then((m) => ({ default: m.DesignReviewPage })),
);
const AuditPage = lazy(() => import("./audit/AuditPage").then((m) => ({ default: m.AuditPage })));
const FairnessPage = lazy(() =>
  import("./fairness/FairnessPage").then((m) => ({ default: m.FairnessPage })),
);
const HomePage = lazy(() => import("./dashboard/HomePage").then((m) => ({ default: m.HomePage })));
const WaitingPage = lazy(() =>
  import("./dashboard/WaitingPage").then((m) => ({ default: m.WaitingPage })),
);
const InviteAcceptPage = lazy(() =>
  import("./account/InviteAcceptPage").then((m) => ({ default: m.InviteAcceptPage })),
);
const LoginPage = lazy(() => import("./account/LoginPage").then((m) => ({ default: m.LoginPage })));
const PortalPage = lazy(() =>
  import("./assessments/PortalPage").then((m) => ({ default: m.PortalPage })),
);
const OutboxPage = lazy(() => import("./mail/OutboxPage").then((m) => ({ default: m.OutboxPage })));
const MailTemplatesPage = lazy(() =>
  import("./mail/MailTemplatesPage").then((m) => ({ default: m.MailTemplatesPage })),
);
const BackgroundJobsPage = lazy(() =>
  import("./operations/BackgroundJobsPage").then((m) => ({ default: m.BackgroundJobsPage })),
);
const WebhooksPage = lazy(() =>
  import("./webhooks/WebhooksPage").then((m) => ({ default: m.WebhooksPage })),
);
const PrivacySettingsPage = lazy(() =>
  import("./privacy/PrivacySettingsPage").then((m) => ({ default: m.PrivacySettingsPage })),
);
const SetupPage = lazy(() => import("./account/SetupPage").then((m) => ({ default: m.SetupPage })));
const SessionsPage = lazy(() =>
  import("./account/SessionsPage").then((m) => ({ default: m.SessionsPage })),
);
const NotificationsPage = lazy(() =>
  import("./notifications/NotificationsPage").then((m) => ({ default: m.NotificationsPage })),
);
const NotificationSettingsPage = lazy(() =>
  import("./notifications/NotificationSettingsPage").then((m) => ({
    default: m.NotificationSettingsPage,
  })),
);
const AnalyticsPage = lazy(() =>
  import("./analytics/AnalyticsPage").then((m) => ({ default: m.AnalyticsPage })),
);
const TeamPage = lazy(() => import("./account/TeamPage").then((m) => ({ default: m.TeamPage })));

function PortalRoute() {
  const { token = "" } = useParams();
  return <PortalPage token={token} />;
}

const pageLoading = <p className="loading">Loading…</p>;

export function App() {
  return <Suspense fallback={pageLoading}>{<AppRoutes />}</Suspense>;
}

function AppRoutes() {
  const { state } = useSession();
  const location = useLocation();
  // The server answers /assess/* with portal.html (its own small entry); this route serves the
  // same page when the app itself is asked, as the Vite dev server does.
  if (location.pathname.startsWith("/assess/")) {
    return (
      <Routes>
        <Route path="/assess/:token" element={<PortalRoute />} />
      </Routes>
    );
  }
  if (state.status === "loading") return <p className="loading">Loading Shortlist…</p>;
  if (state.status === "error") {
    return (
      <p className="loading" role="alert">
        {state.message}
      </p>
    );
  }
  if (state.setupNeeded) {
    return (
      <Routes>
        <Route path="/setup" element={<SetupPage />} />
        <Route path="*" element={<Navigate to="/setup" replace />} />
      </Routes>
    );
  }
  if (!state.user) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/invite/:token" element={<InviteAcceptPage />} />
        <Route path="*" element={<Navigate to="/login" replace />} />
      </Routes>
    );
  }
  // An invite link opened while signed in is its own page: it has its own <main>.
  if (location.pathname.startsWith("/invite/")) {
    return (
      <Routes>
        <Route path="/invite/:token" element={<InviteAcceptPage />} />
      </Routes>
    );
  }
  const isAdmin = state.user.role === "admin";
  const leadsAnalytics = isAdmin || state.user.role === "hiring_manager";
  return (
    <Layout>
      <Suspense fallback={pageLoading}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/waiting/:list" element={<WaitingPage />} />
          {hiringRoutes(state.user.role !== "interviewer")}
          {state.user.role !== "interviewer" && screeningRoutes()}
          {leadsAnalytics ? (
            <Route path="/analytics" element={<AnalyticsPage />} />
          ) : (
            <Route path="/analytics/*" element={analyticsNoAccess} />
          )}
          {isAdmin && <Route path="/team" element={<TeamPage />} />}
          {isAdmin && <Route path="/audit" element={<AuditPage />} />}
          {isAdmin && <Route path="/privacy" element={<PrivacySettingsPage />} />}
          {isAdmin && <Route path="/mail/outbox" element={<OutboxPage />} />}
          {isAdmin && <Route path="/mail/templates" element={<MailTemplatesPage />} />}
          {isAdmin && <Route path="/webhooks" element={<WebhooksPage />} />}
          {isAdmin && <Route path="/background-jobs" element={<BackgroundJobsPage />} />}
          {leadsAnalytics && <Route path="/analytics/fairness" element={<FairnessPage />} />}
          <Route
            path="/applications/:applicationId/assessment"
            element={<AssessmentResultsPage />}
          />
          <Route
            path="/assessments/:assessmentId/parts/:part/design-review"
            element={<DesignReviewPage />}
          />
          <Route path="/settings/api-tokens" element={<ApiTokensPage />} />
          <Route path="/settings/calendar" element={<CalendarFeedPage />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="/settings/notifications" element={<NotificationSettingsPage />} />
          <Route path="/settings/sessions" element={<SessionsPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
