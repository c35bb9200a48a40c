import type { SyntheticEvent } from "react";

/** Reads a submitted form's text fields; file inputs and missing fields read as "". */
export function readForm(event: SyntheticEvent<HTMLFormElement>): (name: string) => string {
  const data = new FormData(event.currentTarget);
  return (name) => {
    const value = data.get(name);
    return typeof value === "string" ? value : "";
  };
}
