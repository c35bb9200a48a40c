import { Link } from "react-router";
import { LEVEL_LABELS, TEAM_ROLE_LABELS } from "../api/hiring-types";
import { ErrorBanner } from "../components/form";
import { PageTitle } from "../components/Layout";
import { ShowMore } from "../components/ShowMore";
import { useCurrentUser } from "../session";
import { useRoles } from "./queries";

export function RolesPage() {
  const me = useCurrentUser();
  const query = useRoles();
  const { data, error } = query;
  const roles = data?.pages.flatMap((page) => page.roles) ?? [];
  const total = data?.pages[0]?.total ?? 0;
  return (
    <>
      <div className="section-head">
        <PageTitle>Roles</PageTitle>
        {me.role !== "interviewer" && (
          <Link className="button-link button-link-primary" to="/roles/new">
            New role
          </Link>
        )}
      </div>
      <ErrorBanner error={error} />
      {data && roles.length === 0 && <p className="muted">No roles you are part of yet.</p>}
      {roles.length > 0 && (
        <section className="card">
          <table>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Level</th>
                <th scope="col">Active</th>
                <th scope="col">Hired</th>
                <th scope="col">Your part</th>
              </tr>
            </thead>
            <tbody>
              {roles.map((role) => (
                <tr key={role.id}>
                  <td>
                    <Link to={`/roles/${role.id}`}>{role.title}</Link>
                    {role.status === "closed" && <span className="badge badge-muted"> Closed</span>}
                    <div className="muted small">{role.stackTags.join(" · ")}</div>
                  </td>
                  <td>{LEVEL_LABELS[role.level]}</td>
                  <td>{role.counts.active}</td>
                  <td>{role.counts.hired}</td>
                  <td>{role.myTeamRole ? TEAM_ROLE_LABELS[role.myTeamRole] : "Admin"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ShowMore
            shown={roles.length}
            total={total}
            noun="roles"
            query={query}
            testId="roles-count"
          />
        </section>
      )}
    </>
  );
}
