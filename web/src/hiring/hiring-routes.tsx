import { Route } from "react-router";
import "./hiring.css";
import { ApplicationPage } from "../pages/ApplicationPage";
import { CandidatePage } from "../pages/CandidatePage";
import { CandidatesPage } from "../pages/CandidatesPage";
import { InterviewKitPage } from "../pages/InterviewKitPage";
import { QuestionPage } from "../pages/QuestionPage";
import { QuestionsPage } from "../pages/QuestionsPage";
import { RoleCreatePage } from "../pages/RoleCreatePage";
import { RolePage } from "../pages/RolePage";
import { RolesPage } from "../pages/RolesPage";

/** The hiring pages, as one fragment so App.tsx only names them once. */
export function hiringRoutes(canCreateRoles: boolean) {
  return (
    <>
      <Route path="/roles" element={<RolesPage />} />
      {canCreateRoles && <Route path="/roles/new" element={<RoleCreatePage />} />}
      <Route path="/roles/:roleId" element={<RolePage />} />
      <Route path="/candidates" element={<CandidatesPage />} />
      <Route path="/candidates/:candidateId" element={<CandidatePage />} />
      <Route path="/applications/:applicationId" element={<ApplicationPage />} />
      <Route path="/interviews/:interviewId" element={<InterviewKitPage />} />
      <Route path="/questions" element={<QuestionsPage />} />
      <Route path="/questions/:questionId" element={<QuestionPage />} />
    </>
  );
}
