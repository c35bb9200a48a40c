import type { TExecutor } from "../../db/client.js";
import type { TConsentSource, TLawfulBasis } from "../../db/schema/index.js";
import type { TPrivacyRepo } from "./privacy.repo.js";

/**
 * The one owner of how a consent record is written: the team's form, the CSV import, bulk intake
 * and the assessment portal all call it inside the transaction that creates or starts the thing,
 * so a candidate is never on file without the basis we hold them on. The notice in force at the
 * time (the organisation's URL) is copied onto the record, since the setting may change later.
 */
export async function recordConsent(
  deps: { privacyRepo: Pick<TPrivacyRepo, "getSettings" | "insertConsent"> },
  tx: TExecutor,
  input: {
    candidateId: string;
    lawfulBasis: TLawfulBasis;
    source: TConsentSource;
    recordedBy: string | null;
  },
): Promise<void> {
  const settings = await deps.privacyRepo.getSettings(tx);
  await deps.privacyRepo.insertConsent(
    { ...input, noticeUrl: settings?.privacyNoticeUrl ?? null },
    tx,
  );
}

/** Who adds candidates in bulk holds them on legitimate interest (recruiting) until they consent. */
export const BULK_LAWFUL_BASIS: TLawfulBasis = "legitimate_interest";
