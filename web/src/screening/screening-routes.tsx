import { lazy } from "react";
import { Route } from "react-router";
import "./screening.css";

const ApplicationScreeningPage = lazy(() =>
  import("./ApplicationScreeningPage").then((m) => ({ default: m.ApplicationScreeningPage })),
);
const RoleScreeningPage = lazy(() =>
  import("./RoleScreeningPage").then((m) => ({ default: m.RoleScreeningPage })),
);
const ScreeningHomePage = lazy(() =>
  import("./ScreeningHomePage").then((m) => ({ default: m.ScreeningHomePage })),
);

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
