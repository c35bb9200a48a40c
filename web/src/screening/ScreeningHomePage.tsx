import { Link } from "react-router";
import { ErrorBanner } from "../components/form";
import { PageTitle } from "../components/Layout";
import { ShowMore } from "../components/ShowMore";
import { useRoles } from "../roles/queries";

/** Entry point from the navigation: the open roles whose résumés the caller screens. */
export function ScreeningHomePage() {
  const query = useRoles({ status: "open" });
  const { data, error } = query;
  const roles = data?.pages.flatMap((page) => page.roles) ?? [];
  return (
    <>
      <PageTitle>Résumé screening</PageTitle>
      <ErrorBanner error={error} />
      {data && roles.length === 0 && <p className="muted">No open roles you screen for.</p>}
      {roles.length > 0 && (
        <section className="card">
          <ul className="plain-list waiting-list">
            {roles.map((role) => (
              <li key={role.id}>
                <Link to={`/roles/${role.id}/screening`}>{role.title}</Link>{" "}
                <span className="muted small">{role.stackTags.join(" · ")}</span>
              </li>
            ))}
          </ul>
          <ShowMore
            shown={roles.length}
            total={data?.pages[0]?.total ?? 0}
            noun="open roles"
            query={query}
          />
        </section>
      )}
    </>
  );
}
