import { Link } from "react-router";
import { PageTitle } from "./Layout";

/**
 * Shown at the address of an area the signed-in person may not open, so a shared link says why
 * instead of quietly landing on the dashboard. The server refuses the data regardless.
 */
export function NoAccess({ area, who }: { area: string; who: string }) {
  return (
    <>
      <PageTitle>{area}</PageTitle>
      <div className="card" role="status">
        <p>
          You do not have access to {area.toLowerCase()}. It is for {who}; ask an admin if you need
          it.
        </p>
        <p>
          <Link to="/">Back to your dashboard</Link>
        </p>
      </div>
    </>
  );
}
