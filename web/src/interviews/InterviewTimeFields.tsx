import { TextField, SelectField } from "../components/form";
import { timeZones } from "./zoned-time";

export type TTimeFieldErrors = Partial<
  Record<"scheduledAt" | "timeZone" | "durationMinutes" | "location" | "meetingUrl", string>
>;

/**
 * When, for how long and where: the fields scheduling and rescheduling share. Uncontrolled, read
 * by name from the form; the time is the chosen zone's wall clock.
 */
export function InterviewTimeFields({
  defaults,
  errors,
  timeLabel = "Date and time",
}: {
  defaults: {
    when?: string;
    timeZone: string;
    durationMinutes: number;
    location?: string | null;
    meetingUrl?: string | null;
  };
  errors: TTimeFieldErrors;
  timeLabel?: string;
}) {
  return (
    <div className="form-grid">
      <TextField
        label={timeLabel}
        name="scheduledAt"
        type="datetime-local"
        required
        defaultValue={defaults.when}
        error={errors.scheduledAt}
      />
      <SelectField
        label="Time zone"
        name="timeZone"
        defaultValue={defaults.timeZone}
        error={errors.timeZone}
        hint="The invite states the time in this zone."
      >
        {timeZones().map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, " ")}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Length (minutes)"
        name="durationMinutes"
        type="number"
        inputMode="numeric"
        min={5}
        max={480}
        step={5}
        defaultValue={defaults.durationMinutes}
        error={errors.durationMinutes}
      />
      <TextField
        label="Room or address"
        name="location"
        maxLength={200}
        defaultValue={defaults.location ?? ""}
        error={errors.location}
        hint="Optional."
      />
      <TextField
        label="Video call link"
        name="meetingUrl"
        type="url"
        maxLength={500}
        placeholder="https://"
        defaultValue={defaults.meetingUrl ?? ""}
        error={errors.meetingUrl}
        hint="Optional; an https:// link."
      />
    </div>
  );
}

/** The shared fields as the API takes them, or a message for the person when the time is missing. */
export function readTimeFields(
  data: FormData,
  toIso: (local: string, zone: string) => string | undefined,
):
  | {
      ok: true;
      value: {
        scheduledAt: string;
        timeZone: string;
        durationMinutes: number;
        location: string | null;
        meetingUrl: string | null;
      };
    }
  | { ok: false; message: string; field: string } {
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === "string" ? value.trim() : "";
  };
  const timeZone = text("timeZone") || "UTC";
  const scheduledAt = toIso(text("scheduledAt"), timeZone);
  if (!scheduledAt) return { ok: false, message: "Choose a date and time.", field: "scheduledAt" };
  const minutes = Number(text("durationMinutes") || "60");
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 480)
    return {
      ok: false,
      message: "The length must be a whole number of minutes from 5 to 480.",
      field: "durationMinutes",
    };
  return {
    ok: true,
    value: {
      scheduledAt,
      timeZone,
      durationMinutes: minutes,
      location: text("location") || null,
      meetingUrl: text("meetingUrl") || null,
    },
  };
}
