import { useEffect, useRef, useState } from "react";
import type { SyntheticEvent } from "react";
import { TextAreaField } from "./TextAreaField";

/** A modal asking why (reject, withdraw); the native dialog traps focus and closes on Escape. */
export function ReasonDialog({
  title,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  confirmLabel: string;
  onConfirm: (reason: string) => Promise<string | undefined>;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string>();
  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  async function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = new FormData(event.currentTarget).get("reason");
    const failure = await onConfirm(typeof reason === "string" ? reason : "");
    if (failure) setError(failure);
    else onClose();
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="reason-dialog-title" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} className="stack-form" noValidate>
        <h2 id="reason-dialog-title">{title}</h2>
        <TextAreaField
          label="Reason"
          name="reason"
          required
          minLength={3}
          error={error}
          autoFocus
        />
        <div className="button-row">
          <button type="submit" className="button-danger">
            {confirmLabel}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
