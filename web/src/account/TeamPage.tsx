import { useState } from "react";
import { ShowMore } from "../components/ShowMore";
import type { SyntheticEvent } from "react";
import { fieldErrors, ROLE_LABELS } from "../api/client";
import type { TInvite, TUser, TUserRole } from "../api/client";
import { readForm } from "../components/form-data";
import { ErrorBanner, Notice, SelectField, TextField } from "../components/form";
import { PageTitle } from "../components/Layout";
import { useCurrentUser } from "../session";
import {
  useCreateInvite,
  usePendingInvites,
  useRevokeInvite,
  useUpdateUser,
  useUsers,
} from "./queries";

const ROLES = Object.keys(ROLE_LABELS) as TUserRole[];

export function TeamPage() {
  const me = useCurrentUser();
  const usersQuery = useUsers();
  const invitesQuery = usePendingInvites();
  const createInvite = useCreateInvite();
  const updateUser = useUpdateUser();
  const revokeInvite = useRevokeInvite();
  const [inviteLink, setInviteLink] = useState<{ email: string; url: string }>();
  const [status, setStatus] = useState<string>();
  const users = usersQuery.data?.pages.flatMap((page) => page.users) ?? [];
  const invites = invitesQuery.data?.pages.flatMap((page) => page.invites) ?? [];
  const error = updateUser.error ?? revokeInvite.error ?? usersQuery.error;
  const inviteError = createInvite.error;

  function invite(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const field = readForm(event);
    createInvite.mutate(
      { email: field("email"), name: field("name"), role: field("role") as TUserRole },
      {
        onSuccess: (data) => {
          setInviteLink({ email: data.invite.email, url: data.inviteUrl });
          formElement.reset();
        },
      },
    );
  }

  function update(user: TUser, patch: { role?: TUserRole; disabled?: boolean }) {
    updateUser.mutate(
      { userId: user.id, patch },
      {
        onSuccess: (data) => {
          const what =
            patch.disabled === true
              ? "disabled"
              : patch.disabled === false
                ? "enabled"
                : `now ${ROLE_LABELS[data.user.role]}`;
          setStatus(`${data.user.name} is ${what}.`);
        },
      },
    );
  }

  function revoke(invite: TInvite) {
    revokeInvite.mutate(invite.id, {
      onSuccess: () => setStatus(`The invite for ${invite.email} was withdrawn.`),
    });
  }

  return (
    <>
      <PageTitle>Team</PageTitle>
      <p className="muted">Who can use Shortlist, and what each person may do.</p>
      <ErrorBanner error={error} />
      {status && <Notice tone="success">{status}</Notice>}

      <section className="card" aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite someone</h2>
        <ErrorBanner error={inviteError} />
        <form className="inline-form" onSubmit={invite} noValidate>
          <TextField label="Name" name="name" required error={fieldErrors(inviteError).name} />
          <TextField
            label="E-mail"
            name="email"
            type="email"
            required
            error={fieldErrors(inviteError).email}
          />
          <SelectField label="Role" name="role" defaultValue="interviewer">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button-primary">
            Create invite link
          </button>
        </form>
        {inviteLink && (
          <Notice tone="success">
            <p>
              Send this link to <strong>{inviteLink.email}</strong>. It works once and expires in 7
              days.
            </p>
            <div className="copy-row">
              <input
                aria-label="Invite link"
                readOnly
                value={inviteLink.url}
                data-testid="invite-link"
                onFocus={(e) => e.currentTarget.select()}
              />
              <button
                type="button"
                onClick={() => void navigator.clipboard.writeText(inviteLink.url)}
              >
                Copy
              </button>
            </div>
          </Notice>
        )}
      </section>

      <section className="card" aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} data-testid={`member-${user.email}`}>
                <td>{user.name}</td>
                <td>{user.email}</td>
                <td>
                  <select
                    aria-label={`Role of ${user.name}`}
                    value={user.role}
                    disabled={user.id === me.id}
                    onChange={(e) => update(user, { role: e.target.value as TUserRole })}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {user.disabled ? (
                    <span className="badge badge-muted">Disabled</span>
                  ) : (
                    <span className="badge badge-ok">Active</span>
                  )}
                </td>
                <td className="actions">
                  {user.id !== me.id && (
                    <button
                      type="button"
                      onClick={() => update(user, { disabled: !user.disabled })}
                    >
                      {user.disabled ? `Enable ${user.name}` : `Disable ${user.name}`}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ShowMore
          shown={users.length}
          total={usersQuery.data?.pages[0]?.total ?? 0}
          noun="members"
          query={usersQuery}
          testId="members-count"
        />
      </section>

      {invites.length > 0 && (
        <section className="card" aria-labelledby="pending-heading">
          <h2 id="pending-heading">Pending invites</h2>
          <ul className="plain-list">
            {invites.map((invite) => (
              <li key={invite.id}>
                <span>
                  {invite.name} &lt;{invite.email}&gt; · {ROLE_LABELS[invite.role]} · expires{" "}
                  {new Date(invite.expiresAt).toLocaleDateString()}
                </span>
                <button type="button" onClick={() => revoke(invite)}>
                  Withdraw
                </button>
              </li>
            ))}
          </ul>
          <ShowMore
            shown={invites.length}
            total={invitesQuery.data?.pages[0]?.total ?? 0}
            noun="pending invites"
            query={invitesQuery}
          />
        </section>
      )}
    </>
  );
}
