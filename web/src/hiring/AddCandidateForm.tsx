import { useState } from "react";
import type { SyntheticEvent } from "react";
import { Link } from "react-router";
import { api, fieldErrors, toApiError } from "../api/client";
import type { TApiError } from "../api/client";
import { readForm } from "../components/form-data";
import { ErrorBanner, Notice, TextField } from "../components/form";
import { uploadResume } from "../screening/upload";
import { TextAreaField } from "./TextAreaField";

/** Creates a candidate and applies them to the role; a known e-mail offers the existing record. */
export function AddCandidateForm({ roleId, onAdded }: { roleId: string; onAdded: () => void }) {
  const [error, setError] = useState<TApiError>();
  const [existingId, setExistingId] = useState<string>();
  const [added, setAdded] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function apply(candidateId: string, name: string) {
    const { data, error: failure } = await api.POST("/api/applications", {
      body: { candidateId, roleId },
    });
    if (!data) return setError(toApiError(failure));
    setError(undefined);
    setExistingId(undefined);
    setAdded(`${name} was added to the first stage.`);
    onAdded();
  }

  async function create(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const field = readForm(event);
    const optional = (name: string) => field(name).trim() || null;
    const resume = new FormData(form).get("resume");
    const resumeFile = resume instanceof File && resume.size > 0 ? resume : undefined;
    setBusy(true);
    setAdded(undefined);
    const { data, error: failure } = await api.POST("/api/candidates", {
      body: {
        name: field("name"),
        email: field("email"),
        phone: optional("phone"),
        links: {
          github: optional("github"),
          portfolio: optional("portfolio"),
          linkedin: optional("linkedin"),
        },
        notes: optional("notes"),
      },
    });
    if (data) {
      await apply(data.candidate.id, data.candidate.name);
      form.reset();
      if (resumeFile) {
        // The candidate is kept whatever happens to the file; a bad resume is reported, not fatal.
        const upload = await uploadResume(data.candidate.id, resumeFile);
        if (upload.error) {
          const problem = toApiError(upload.error);
          setError({
            ...problem,
            message: `${data.candidate.name} was added, but the resume was not stored: ${problem.message}`,
          });
        }
      }
    } else {
      const apiError = toApiError(failure);
      setError(apiError);
      const existing = apiError.details?.existingCandidateId;
      setExistingId(typeof existing === "string" && existing ? existing : undefined);
    }
    setBusy(false);
  }

  const errors = fieldErrors(error);
  return (
    <form
      className="stack-form"
      onSubmit={(e) => void create(e)}
      noValidate
      aria-label="Add a candidate"
    >
      {existingId ? (
        <div className="banner banner-info" role="alert">
          <p>{error?.message}</p>
          <p>
            <button
              type="button"
              className="button-primary"
              onClick={() => void apply(existingId, "The candidate")}
            >
              Use the existing candidate
            </button>{" "}
            <Link to={`/candidates/${existingId}`}>View their profile</Link>
          </p>
        </div>
      ) : error?.details?.askAdmin ? (
        <div className="banner banner-info" role="alert">
          <p>{error.message}</p>
          <p className="muted">
            Admins can see every candidate and add them to your role, or merge records that belong
            to one person.
          </p>
        </div>
      ) : (
        <ErrorBanner error={error} />
      )}
      {added && <Notice tone="success">{added}</Notice>}
      <div className="form-grid">
        <TextField label="Name" name="name" required autoComplete="off" error={errors.name} />
        <TextField
          label="E-mail"
          name="email"
          type="email"
          required
          autoComplete="off"
          error={errors.email}
        />
        <TextField label="Phone" name="phone" type="tel" error={errors.phone} />
        <TextField
          label="GitHub"
          name="github"
          type="url"
          placeholder="https://github.com/…"
          error={errors.github}
        />
        <TextField label="Portfolio" name="portfolio" type="url" error={errors.portfolio} />
        <TextField label="LinkedIn" name="linkedin" type="url" error={errors.linkedin} />
      </div>
      <div className="field">
        <label htmlFor="add-candidate-resume">Resume (optional)</label>
        <input
          id="add-candidate-resume"
          name="resume"
          type="file"
          accept=".pdf,.docx,.txt,application/pdf,text/plain"
          aria-describedby="add-candidate-resume-hint"
        />
        <p className="hint" id="add-candidate-resume-hint">
          PDF, DOCX or plain text, up to 10 MB. It is read for the resume screen.
        </p>
      </div>
      <TextAreaField
        label="Notes"
        name="notes"
        rows={3}
        hint="Seen by recruiters and hiring managers only."
        error={errors.notes}
      />
      <div>
        <button type="submit" className="button-primary" disabled={busy}>
          Add candidate to this role
        </button>
      </div>
    </form>
  );
}
