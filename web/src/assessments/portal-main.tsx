import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { PortalPage } from "./PortalPage";
import "../styles.css";

// The candidate's page is its own entry (portal.html): it loads none of the hiring app.
const root = document.getElementById("root");
if (!root) throw new Error("missing #root");
const token = decodeURIComponent(window.location.pathname.split("/")[2] ?? "");
createRoot(root).render(
  <StrictMode>
    <PortalPage token={token} />
  </StrictMode>,
);
