import { lazy, Suspense } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { AssessmentResultsPage } from "./assessments/AssessmentResultsPage";
import { PortalPage } from "./assessments/PortalPage";
import { Layout } from "./components/Layout";
import { hiringRoutes } from "./hiring/hiring-routes";
import { ApiTokensPage } from "./pages/ApiTokensPage";
import { AuditPage } from "./pages/AuditPage";
import { HomePage } from "./pages/HomePage";
import { InviteAcceptPage } from "./pages/InviteAcceptPage";
import { LoginPage } from "./pages/LoginPage";
import { SetupPage } from "./pages/SetupPage";
import { screeningRoutes } from "./screening/screening-routes";
import { TeamPage } from "./pages/TeamPage";
import { useSession } from "./session";

const SessionsPage = lazy(() =>
  import("./account/SessionsPage").then((m) => ({ default: m.SessionsPage })),
);

export function App() {
  const { state } = useSession();
  const location = useLocation();
  // The candidate portal needs no account: it renders for anyone holding the link.
  if (location.pathname.startsWith("/assess/")) {
    return (
      <Routes>
        <Route path="/assess/:token" element={<PortalPage />} />
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
  const isAdmin = state.user.role === "admin";
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<HomePage />} />
        {hiringRoutes(state.user.role !== "interviewer")}
        {state.user.role !== "interviewer" && screeningRoutes()}
        {isAdmin && <Route path="/team" element={<TeamPage />} />}
        {isAdmin && <Route path="/audit" element={<AuditPage />} />}
        <Route path="/applications/:applicationId/assessment" element={<AssessmentResultsPage />} />
        <Route path="/settings/api-tokens" element={<ApiTokensPage />} />
        <Route
          path="/settings/sessions"
          element={
            <Suspense fallback={<p>Loading…</p>}>
              <SessionsPage />
            </Suspense>
          }
        />
        <Route path="/invite/:token" element={<InviteAcceptPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Layout>
  );
}
