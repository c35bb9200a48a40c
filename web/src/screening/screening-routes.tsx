import { Route } from "react-router";
import "./screening.css";
import { ApplicationScreeningPage } from "./ApplicationScreeningPage";
import { RoleScreeningPage } from "./RoleScreeningPage";
import { ScreeningHomePage } from "./ScreeningHomePage";

/** The résumé screening pages (recruiters, hiring managers, admins). */
export function screeningRoutes() {
  return (
    <>
      <Route path="/screening" element={<ScreeningHomePage />} />
      <Route path="/roles/:roleId/screening" element={<RoleScreeningPage />} />
      <Route path="/applications/:applicationId/screening" element={<ApplicationScreeningPage />} />
    </>
  );
}
