import { useCallback, useEffect, useRef, useState } from "react";
import type { TApiError } from "../api/client";
import type { TKit, TScorecard } from "../api/hiring-types";
import { saveScorecardDraft } from "../interviews/queries";
import { draftFromScorecard, scorecardBody } from "./scorecard-content";
import type { TScorecardDraft } from "./scorecard-content";

export type TSaveState = "idle" | "saving" | "saved" | "conflict" | "error";
const AUTOSAVE_DELAY_MS = 800;

/**
 * Autosaves a scorecard draft with optimistic concurrency. Saves run one after another; a 409
 * stops autosaving and keeps both versions until the interviewer chooses, so nothing is lost.
 */
export function useScorecardDraft(
  interviewId: string,
  kit: TKit | undefined,
  initial: TScorecard | null,
) {
  const [draft, setDraftState] = useState<TScorecardDraft>(() => draftFromScorecard(initial));
  const [saveState, setSaveState] = useState<TSaveState>("idle");
  const [newer, setNewer] = useState<TScorecard>();
  const [error, setError] = useState<TApiError>();
  const draftRef = useRef(draft);
  const revisionRef = useRef(initial?.revision ?? 0);
  const dirtyRef = useRef(false);
  const conflictRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout>>(undefined);
  const chainRef = useRef<Promise<boolean>>(Promise.resolve(true));

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (!kit || conflictRef.current) return !dirtyRef.current;
    if (!dirtyRef.current) return true;
    dirtyRef.current = false;
    setSaveState("saving");
    let apiError: TApiError;
    try {
      const data = await saveScorecardDraft(interviewId, {
        ...scorecardBody(kit, draftRef.current),
        revision: revisionRef.current,
      });
      revisionRef.current = data.scorecard.revision;
      setError(undefined);
      setSaveState(dirtyRef.current ? "saving" : "saved");
      return true;
    } catch (failure) {
      apiError = failure as TApiError;
    }
    dirtyRef.current = true;
    setError(apiError);
    const stale = apiError.details?.draft as TScorecard | undefined;
    if (stale) {
      conflictRef.current = true;
      setNewer(stale);
      setSaveState("conflict");
    } else setSaveState("error");
    return false;
  }, [interviewId, kit]);

  const flush = useCallback((): Promise<boolean> => {
    clearTimeout(timerRef.current);
    chainRef.current = chainRef.current.then(saveNow, saveNow);
    return chainRef.current;
  }, [saveNow]);

  const setDraft = useCallback(
    (update: (current: TScorecardDraft) => TScorecardDraft) => {
      const next = update(draftRef.current);
      draftRef.current = next;
      setDraftState(next);
      dirtyRef.current = true;
      clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  /** Take the version saved elsewhere; this tab's unsaved edits are dropped by choice. */
  const loadNewer = useCallback(() => {
    if (!newer) return;
    const next = draftFromScorecard(newer);
    draftRef.current = next;
    setDraftState(next);
    revisionRef.current = newer.revision;
    dirtyRef.current = false;
    conflictRef.current = false;
    setNewer(undefined);
    setError(undefined);
    setSaveState("saved");
  }, [newer]);

  /** Keep this tab's version: save it over the newer one, on purpose. */
  const keepMine = useCallback(() => {
    if (!newer) return;
    revisionRef.current = newer.revision;
    conflictRef.current = false;
    setNewer(undefined);
    void flush();
  }, [newer, flush]);

  // Leaving the page saves what is pending; closing the tab with unsaved edits asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirtyRef.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      if (dirtyRef.current) void flush();
    };
  }, [flush]);

  return { draft, setDraft, saveState, error, newer, loadNewer, keepMine, flush, revisionRef };
}
