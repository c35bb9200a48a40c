import { useState } from "react";
import { fieldErrors } from "../api/client";
import { ErrorBanner, Notice, SelectField, TextField } from "../components/form";
import { useSaveScreeningSettings } from "./queries";
import { KIND_LABELS } from "./screening-types";
import type { TChecklistItem, TScreeningSettings } from "./screening-types";
import { ScrollRegion } from "../components/ScrollRegion";

type TKind = TChecklistItem["kind"];
const KINDS = Object.keys(KIND_LABELS) as TKind[];

/** The role's checklist: change each item's weight, remove items, add the role's own, blind on/off. */
export function ChecklistEditor({ settings }: { settings: TScreeningSettings }) {
  const saveSettings = useSaveScreeningSettings(settings.roleId);
  const error = saveSettings.error;
  const [items, setItems] = useState(settings.checklist);
  const [blind, setBlind] = useState(settings.blind);
  const [custom, setCustom] = useState({ label: "", terms: "", kind: "nice-to-have" as TKind });
  const [saved, setSaved] = useState(false);

  function save(addCustom: boolean) {
    setSaved(false);
    const terms = custom.terms
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
    saveSettings.mutate(
      {
        checklist: items,
        blind,
        ...(addCustom
          ? { addCustomItems: [{ label: custom.label, terms, kind: custom.kind }] }
          : {}),
      },
      {
        onSuccess: (data) => {
          setItems(data.settings.checklist);
          if (addCustom) setCustom({ label: "", terms: "", kind: "nice-to-have" });
          setSaved(true);
        },
      },
    );
  }

  const errors = fieldErrors(error);
  return (
    <section className="card" aria-labelledby="checklist-title">
      <h2 id="checklist-title">Screening checklist</h2>
      {settings.proposed && (
        <p className="muted">
          Proposed from the role’s level and stack. Adjust it and save; screens use the saved list.
        </p>
      )}
      <ScrollRegion label="Checklist items">
        <table>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Weight</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{item.label}</td>
                <td>
                  <select
                    aria-label={`Weight of ${item.label}`}
                    value={item.kind}
                    onChange={(event) =>
                      setItems(
                        items.map((i) =>
                          i.id === item.id ? { ...i, kind: event.target.value as TKind } : i,
                        ),
                      )
                    }
                  >
                    {KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {KIND_LABELS[kind]}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="actions">
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={`Remove ${item.label}`}
                    onClick={() => setItems(items.filter((i) => i.id !== item.id))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <label className="checkbox-row">
        <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} />
        Blind review: screeners see the résumé with name, contact details, links, address and dates
        of birth or graduation masked until they record the screen
      </label>
      <div className="actions-row">
        <button type="button" className="button-primary" onClick={() => save(false)}>
          Save checklist
        </button>
      </div>
      <form
        className="custom-item"
        onSubmit={(event) => {
          event.preventDefault();
          save(true);
        }}
      >
        <h3>Add the role’s own item</h3>
        <div className="custom-item-fields">
          <TextField
            label="Label"
            value={custom.label}
            error={errors.label}
            onChange={(e) => setCustom({ ...custom, label: e.target.value })}
            required
          />
          <TextField
            label="Words that evidence it"
            hint="Comma-separated, e.g. Wagtail, StreamField"
            value={custom.terms}
            error={errors.terms}
            onChange={(e) => setCustom({ ...custom, terms: e.target.value })}
            required
          />
          <SelectField
            label="Weight"
            value={custom.kind}
            onChange={(e) => setCustom({ ...custom, kind: e.target.value as TKind })}
          >
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </SelectField>
        </div>
        <button type="submit">Add item</button>
      </form>
      <ErrorBanner error={error} />
      {saved && <Notice tone="success">Checklist saved.</Notice>}
    </section>
  );
}
