import type { TSaveState } from "./use-scorecard-draft";

const TEXT: Record<TSaveState, string> = {
  idle: "Drafts save automatically",
  saving: "Saving…",
  saved: "Saved",
  conflict: "Not saved — a newer version exists",
  error: "Not saved — will retry on your next change",
};

export function SaveStatus({ state }: { state: TSaveState }) {
  return (
    <p className={`save-status save-${state}`} role="status" aria-live="polite">
      {TEXT[state]}
    </p>
  );
}
