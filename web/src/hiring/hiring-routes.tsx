import { lazy } from "react";
import { Route } from "react-router";
import "./hiring.css";

// One chunk per page: a visit downloads the page it shows, not the whole hiring app.
const ApplicationPage = lazy(() =>
  import("../applications/ApplicationPage").then((m) => ({ default: m.ApplicationPage })),
);
const CandidatePage = lazy(() =>
  import("../candidates/CandidatePage").then((m) => ({ default: m.CandidatePage })),
);
const CandidatesPage = lazy(() =>
  import("../candidates/CandidatesPage").then((m) => ({ default: m.CandidatesPage })),
);
const InterviewKitPage = lazy(() =>
  import("../interviews/InterviewKitPage").then((m) => ({ default: m.InterviewKitPage })),
);
const QuestionPage = lazy(() =>
  import("../questions/QuestionPage").then((m) => ({ default: m.QuestionPage })),
);
const QuestionsPage = lazy(() =>
  import("../questions/QuestionsPage").then((m) => ({ default: m.QuestionsPage })),
);
const RoleCreatePage = lazy(() =>
  import("../roles/RoleCreatePage").then((m) => ({ default: m.RoleCreatePage })),
);
const RolePage = lazy(() => import("../roles/RolePage").then((m) => ({ default: m.RolePage })));
const ShortlistPage = lazy(() =>
  import("../shortlist/ShortlistPage").then((m) => ({ default: m.ShortlistPage })),
);
const RolesPage = lazy(() => import("../roles/RolesPage").then((m) => ({ default: m.RolesPage })));

/** The hiring pages, as one fragment so App.tsx only names them once. */
export function hiringRoutes(canCreateRoles: boolean) {
  return (
    <>
      <Route path="/roles" element={<RolesPage />} />
      {canCreateRoles && <Route path="/roles/new" element={<RoleCreatePage />} />}
      <Route path="/roles/:roleId" element={<RolePage />} />
      {canCreateRoles && <Route path="/roles/:roleId/shortlist" element={<ShortlistPage />} />}
      <Route path="/candidates" element={<CandidatesPage />} />
      <Route path="/candidates/:candidateId" element={<CandidatePage />} />
      <Route path="/applications/:applicationId" element={<ApplicationPage />} />
      <Route path="/interviews/:interviewId" element={<InterviewKitPage />} />
      <Route path="/questions" element={<QuestionsPage />} />
      <Route path="/questions/:questionId" element={<QuestionPage />} />
    </>
  );
}
