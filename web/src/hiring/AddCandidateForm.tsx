import { useState } from "react";
import type { SyntheticEvent } from "react";
import { Link } from "react-router";
import { fieldErrors } from "../api/client";
import type { TApiError } from "../api/client";
import { useCreateApplication } from "../applications/queries";
import { useCreateCandidate, useUploadResume } from "../candidates/queries";
import { readForm } from "../components/form-data";
import { candidateDetailsOf } from "../candidates/candidate-details";
import { ErrorBanner, Notice, SelectField, TextField } from "../components/form";
import { TextAreaField } from "./TextAreaField";

/** Creates a candidate and applies them to the role; a known e-mail offers the existing record. */
export function AddCandidateForm({ roleId }: { roleId: string }) {
  const createCandidate = useCreateCandidate();
  const createApplication = useCreateApplication();
  const uploadResume = useUploadResume();
  const [error, setError] = useState<TApiError>();
  const [existingId, setExistingId] = useState<string>();
  const [added, setAdded] = useState<string>();
  // Records with the same name the server found: the candidate was created, but may be a repeat.
  const [sameName, setSameName] = useState<{ id: string; name: string }[]>([]);
  const busy = createCandidate.isPending || createApplication.isPending || uploadResume.isPending;

  async function apply(candidateId: string, name: string): Promise<boolean> {
    try {
      await createApplication.mutateAsync({ candidateId, roleId });
    } catch (failure) {
      setError(failure as TApiError);
      return false;
    }
    setError(undefined);
    setExistingId(undefined);
    setAdded(`${name} was added to the first stage.`);
    return true;
  }

  async function create(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const field = readForm(event);
    const resume = new FormData(form).get("resume");
    const resumeFile = resume instanceof File && resume.size > 0 ? resume : undefined;
    setAdded(undefined);
    setSameName([]);
    let candidate;
    try {
      candidate = (
        await createCandidate.mutateAsync({
          ...candidateDetailsOf(field),
          lawfulBasis: lawfulBasisOf(field("lawfulBasis")),
        })
      ).candidate;
    } catch (failure) {
      const apiError = failure as TApiError;
      setError(apiError);
      const existing = apiError.details?.existingCandidateId;
      setExistingId(typeof existing === "string" && existing ? existing : undefined);
      return;
    }
    setSameName(
      candidate.possibleDuplicates.flatMap((d) => (d.reason === "same-name" && d.of ? [d.of] : [])),
    );
    await apply(candidate.id, candidate.name);
    form.reset();
    if (!resumeFile) return;
    // The candidate is kept whatever happens to the file; a bad resume is reported, not fatal.
    try {
      await uploadResume.mutateAsync({ candidateId: candidate.id, file: resumeFile });
    } catch (failure) {
      const problem = failure as TApiError;
      setError({
        ...problem,
        message: `${candidate.name} was added, but the résumé was not stored: ${problem.message}`,
      });
    }
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
      {sameName.length > 0 && (
        <Notice>
          <p>
            Possibly added before: the same name is already on file as{" "}
            {sameName.map((other, index) => (
              <span key={other.id}>
                {index > 0 && ", "}
                <Link to={`/candidates/${other.id}`}>{other.name}</Link>
              </span>
            ))}
            . If it is the same person, an admin can merge the records.
          </p>
        </Notice>
      )}
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
        <label htmlFor="add-candidate-resume">Résumé (optional)</label>
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
      <SelectField label="Lawful basis for holding their data" name="lawfulBasis">
        <option value="legitimate_interest">
          Legitimate interest (they applied or were sourced)
        </option>
        <option value="consent">Consent (they agreed to be considered)</option>
        <option value="contract">Contract (steps before a contract they asked for)</option>
      </SelectField>
      <div>
        <button type="submit" className="button-primary" disabled={busy}>
          Add candidate to this role
        </button>
      </div>
    </form>
  );
}

const LAWFUL_BASES = ["legitimate_interest", "consent", "contract"] as const;
function lawfulBasisOf(value: string): (typeof LAWFUL_BASES)[number] {
  return LAWFUL_BASES.find((basis) => basis === value) ?? "legitimate_interest";
}
