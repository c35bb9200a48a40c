import { useEffect, useRef, useState } from "react";
import type { SyntheticEvent } from "react";
import { Link } from "react-router";
import { fieldErrors } from "../api/client";
import type { TApiError } from "../api/client";
import type { TCandidate } from "../api/hiring-types";
import { readForm } from "../components/form-data";
import { TextField } from "../components/form";
import { TextAreaField } from "../hiring/TextAreaField";
import { candidateDetailsOf } from "./candidate-details";
import { useUpdateCandidate } from "./queries";

/**
 * Edits what PATCH /api/candidates/{id} accepts. Every field is sent as shown, so clearing one
 * clears it on file; the server's field errors are shown beside their fields.
 */
export function CandidateEditForm({
  candidate,
  onDone,
}: {
  candidate: TCandidate;
  onDone: (saved: boolean) => void;
}) {
  const update = useUpdateCandidate(candidate.id);
  const [error, setError] = useState<TApiError>();
  const firstField = useRef<HTMLDivElement>(null);
  useEffect(() => {
    firstField.current?.querySelector("input")?.focus();
  }, []);

  async function save(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = readForm(event);
    try {
      await update.mutateAsync(candidateDetailsOf(field));
    } catch (failure) {
      setError(failure as TApiError);
      return;
    }
    onDone(true);
  }

  const errors = fieldErrors(error);
  const existing = error?.details?.existingCandidateId;
  return (
    <form
      className="stack-form"
      aria-labelledby="edit-candidate-heading"
      noValidate
      onSubmit={(e) => void save(e)}
      onKeyDown={(e) => {
        if (e.key === "Escape") onDone(false);
      }}
    >
      <h2 id="edit-candidate-heading">Edit profile</h2>
      {error && (
        <div className="banner banner-error" role="alert">
          <p>{error.message}</p>
          {typeof existing === "string" && existing && (
            <p>
              <Link to={`/candidates/${existing}`}>View the candidate with that e-mail</Link>
            </p>
          )}
          {error.requestId && <p className="muted small">Request id: {error.requestId}</p>}
        </div>
      )}
      <div className="form-grid" ref={firstField}>
        <TextField
          label="Name"
          name="name"
          required
          autoComplete="off"
          defaultValue={candidate.name}
          error={errors.name}
        />
        <TextField
          label="E-mail"
          name="email"
          type="email"
          required
          autoComplete="off"
          defaultValue={candidate.email ?? ""}
          error={errors.email}
        />
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          autoComplete="off"
          defaultValue={candidate.phone ?? ""}
          error={errors.phone}
        />
        <TextField
          label="GitHub"
          name="github"
          type="url"
          placeholder="https://github.com/…"
          defaultValue={candidate.links.github ?? ""}
          error={errors.github}
        />
        <TextField
          label="Portfolio"
          name="portfolio"
          type="url"
          defaultValue={candidate.links.portfolio ?? ""}
          error={errors.portfolio}
        />
        <TextField
          label="LinkedIn"
          name="linkedin"
          type="url"
          defaultValue={candidate.links.linkedin ?? ""}
          error={errors.linkedin}
        />
      </div>
      <TextAreaField
        label="Notes"
        name="notes"
        rows={4}
        hint="Seen by admins and the recruiters and hiring managers of their roles only."
        defaultValue={candidate.notes ?? ""}
        error={errors.notes}
      />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save changes"}
        </button>
        <button type="button" onClick={() => onDone(false)} disabled={update.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
