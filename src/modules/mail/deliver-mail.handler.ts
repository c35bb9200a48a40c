import type { TJobHandler } from "../../jobs/job-definition.js";
import { deliverMailJob } from "./deliver-mail.job.js";
import type { TMailService } from "./mail.service.js";

/** The delivery job bound to the mail service; the last attempt marks the message failed. */
export function createDeliverMailHandler(
  mailService: Pick<TMailService, "deliverMessage">,
): TJobHandler<{ messageId: string }> {
  return ({ messageId }, { attempt }) =>
    mailService.deliverMessage(messageId, {
      number: attempt,
      isLast: attempt >= deliverMailJob.maxAttempts,
    });
}
