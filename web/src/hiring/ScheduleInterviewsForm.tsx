import { useState } from "react";
import type { SyntheticEvent } from "react";
import { fieldErrors } from "../api/client";
import type { TApiError } from "../api/client";
import type { TApplication, TRole } from "../api/hiring-types";
import { useScheduleInterviews } from "../applications/queries";
import { readForm } from "../components/form-data";
import { ErrorBanner, Notice, SelectField } from "../components/form";
import { InterviewTimeFields, readTimeFields } from "../interviews/InterviewTimeFields";
import { browserTimeZone, zonedInputToIso } from "../interviews/zoned-time";

/** Assign one or more of the role's team to a stage at a time; each gets their own interview. */
export function ScheduleInterviewsForm({
  application,
  role,
}: {
  application: TApplication;
  role: TRole;
}) {
  const schedule = useScheduleInterviews(application.id);
  const [localError, setError] = useState<TApiError>();
  const error = localError ?? schedule.error;
  const [done, setDone] = useState<string>();
  const interviewStages = role.stages.filter((s) => s.questions.length > 0 || s.kind === "custom");

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const field = readForm(event);
    const interviewerIds = data.getAll("interviewer").map(String);
    const stageId = field("stageId");
    const time = readTimeFields(data, zonedInputToIso);
    if (!time.ok)
      return setError({
        code: "VALIDATION_FAILED",
        message: time.message,
        requestId: "",
        fields: [{ field: time.field, message: time.message }],
      });
    if (interviewerIds.length === 0)
      return setError({
        code: "VALIDATION_FAILED",
        message: "Choose at least one interviewer.",
        requestId: "",
        fields: [{ field: "interviewerIds", message: "Choose at least one interviewer." }],
      });
    setError(undefined);
    schedule.mutate(
      { stageId, interviewerIds, ...time.value },
      {
        onSuccess: (result) => {
          setDone(
            `Scheduled ${result.interviews.map((i) => i.interviewer.name).join(" and ")}. ` +
              "Each of them and the candidate get a calendar invite by e-mail.",
          );
          form.reset();
        },
      },
    );
  }

  const errors = fieldErrors(error);
  const defaultStage = interviewStages.some((s) => s.id === application.currentStage.id)
    ? application.currentStage.id
    : interviewStages[0]?.id;
  const stageMinutes = Math.min(
    480,
    Math.max(5, interviewStages.find((s) => s.id === defaultStage)?.durationMinutes ?? 60),
  );
  return (
    <form className="stack-form" onSubmit={submit} noValidate aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">Schedule interviews</h2>
      <ErrorBanner error={error} />
      {done && <Notice tone="success">{done}</Notice>}
      <div className="form-grid">
        <SelectField label="Stage" name="stageId" defaultValue={defaultStage}>
          {interviewStages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
      </div>
      <InterviewTimeFields
        defaults={{ timeZone: browserTimeZone(), durationMinutes: stageMinutes }}
        errors={errors}
      />
      <fieldset className="checkbox-list">
        <legend>Interviewers</legend>
        {role.team
          .filter((m) => m.teamRole !== "recruiter")
          .map((m) => (
            <label key={m.userId}>
              <input type="checkbox" name="interviewer" value={m.userId} /> {m.name}
            </label>
          ))}
        {errors.interviewerIds && <p className="field-error">{errors.interviewerIds}</p>}
      </fieldset>
      <div>
        <button type="submit" className="button-primary">
          Schedule
        </button>
      </div>
    </form>
  );
}
