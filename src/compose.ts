import type { TDatabaseHandle } from "./db/client.js";
import { createLocalNotifier } from "./jobs/job-notifier.js";
import type { TJobNotifier } from "./jobs/job-notifier.js";
import type PgBoss from "pg-boss";
import { createBossJobQueue } from "./jobs/boss-queue.js";
import { listPacks, loadPack } from "./grader/pack.js";
import { createAssessmentsRepo } from "./modules/assessments/assessments.repo.js";
import { createAssessmentsService } from "./modules/assessments/assessments.service.js";
import { gradeSubmissionJob } from "./modules/assessments/grade-submission.job.js";
import type { TGradingSettings } from "./modules/assessments/grade-submission.job.js";
import { createPortalService } from "./modules/assessments/portal.service.js";
import { createDesignReviewsRepo } from "./modules/assessments/design-reviews.repo.js";
import { createDesignReviewsService } from "./modules/assessments/design-reviews.service.js";
import { createSimilarityRepo } from "./modules/similarity/similarity.repo.js";
import { createSimilarityService } from "./modules/similarity/similarity.service.js";
import { createAuditRepo } from "./modules/audit/audit.repo.js";
import { createAuditService } from "./modules/audit/audit.service.js";
import { createAuthService } from "./modules/auth/auth.service.js";
import type { TSsoSettings } from "./config.js";
import { createIdentitiesRepo } from "./modules/sso/identities.repo.js";
import { SSO_CALLBACK_PATH } from "./modules/sso/sso.routes.js";
import { createSsoService, passwordRefusedForSso } from "./modules/sso/sso.service.js";
import { createSessionsService } from "./modules/auth/sessions.service.js";
import { createMetrics } from "./modules/operations/metrics.js";
import { createOperationsRepo } from "./modules/operations/operations.repo.js";
import { createReadinessService } from "./modules/operations/readiness.service.js";
import { createViewerScopeRepo } from "./modules/access/viewer-scope.repo.js";
import { createCandidatesRepo } from "./modules/candidates/candidates.repo.js";
import { createCandidateMergeService } from "./modules/candidates/candidate-merge.service.js";
import { createCandidatesService } from "./modules/candidates/candidates.service.js";
import { createStoredFilesRepo } from "./modules/files/stored-files.repo.js";
import { createDashboardRepo } from "./modules/dashboard/dashboard.repo.js";
import { createDashboardService } from "./modules/dashboard/dashboard.service.js";
import { createAnalyticsRepo } from "./modules/analytics/analytics.repo.js";
import { createAnalyticsService } from "./modules/analytics/analytics.service.js";
import { createDemoHistoryRepo } from "./demo/demo-history.repo.js";
import { createDecisionsRepo } from "./modules/decisions/decisions.repo.js";
import { createDecisionsService } from "./modules/decisions/decisions.service.js";
import { shortlistFeedbackEvidence } from "./modules/feedback/feedback-evidence.js";
import { createFeedbackRepo } from "./modules/feedback/feedback.repo.js";
import { createFeedbackService } from "./modules/feedback/feedback.service.js";
import { createShortlistRepo } from "./modules/shortlist/shortlist.repo.js";
import { createShortlistExportsService } from "./modules/shortlist/shortlist-exports.service.js";
import { createDataVersion } from "./db/data-version.js";
import { createShortlistService } from "./modules/shortlist/shortlist.service.js";
import { createInterviewsRepo } from "./modules/interviews/interviews.repo.js";
import { createInterviewsService } from "./modules/interviews/interviews.service.js";
import { createApplicationsRepo } from "./modules/pipeline/applications.repo.js";
import { createApplicationsService } from "./modules/pipeline/applications.service.js";
import { createBoardRepo } from "./modules/pipeline/board.repo.js";
import { createBoardService } from "./modules/pipeline/board.service.js";
import { createQuestionsRepo } from "./modules/questions/questions.repo.js";
import { createQuestionsService } from "./modules/questions/questions.service.js";
import { createRolesRepo } from "./modules/roles/roles.repo.js";
import { createRolesService } from "./modules/roles/roles.service.js";
import { createScorecardsRepo } from "./modules/scorecards/scorecards.repo.js";
import { createScorecardsService } from "./modules/scorecards/scorecards.service.js";
import { createCandidateImportService } from "./modules/screening/candidate-import.service.js";
import { createIntakeService } from "./modules/screening/intake.service.js";
import { createResumeScreensService } from "./modules/screening/resume-screens.service.js";
import { createResumesService } from "./modules/screening/resumes.service.js";
import { createScreeningRepo } from "./modules/screening/screening.repo.js";
import { createScreeningSettingsService } from "./modules/screening/screening-settings.service.js";
import { createSessionsRepo } from "./modules/auth/sessions.repo.js";
import { createCandidateErasureService } from "./modules/privacy/candidate-erasure.service.js";
import { createCandidateExportService } from "./modules/privacy/candidate-export.service.js";
import { createPrivacyRepo } from "./modules/privacy/privacy.repo.js";
import { createFairnessRepo } from "./modules/fairness/fairness.repo.js";
import { createFairnessService } from "./modules/fairness/fairness.service.js";
import { createPrivacyService } from "./modules/privacy/privacy.service.js";
import { createApiTokensRepo } from "./modules/tokens/api-tokens.repo.js";
import { createApiTokensService } from "./modules/tokens/api-tokens.service.js";
import { createInviteAcceptanceService } from "./modules/users/invite-acceptance.service.js";
import { createInvitesRepo } from "./modules/users/invites.repo.js";
import { createUsersRepo } from "./modules/users/users.repo.js";
import { createUsersService } from "./modules/users/users.service.js";
import { createMailRepo } from "./modules/mail/mail.repo.js";
import { createMailService } from "./modules/mail/mail.service.js";
import { createSmtpTransport } from "./modules/mail/mail-transport.js";
import type { TMailSettings } from "./modules/mail/mail-transport.js";
import { createWebhooksRepo } from "./modules/webhooks/webhooks.repo.js";
import { createNotesRepo } from "./modules/notes/notes.repo.js";
import { createNotesService } from "./modules/notes/notes.service.js";
import { createNotificationsRepo } from "./modules/notifications/notifications.repo.js";
import {
  createNotificationsService,
  withNotifications,
} from "./modules/notifications/notifications.service.js";
import {
  createWebhooksService,
  DEFAULT_WEBHOOK_SETTINGS,
} from "./modules/webhooks/webhooks.service.js";
import type { TWebhookSendSettings } from "./modules/webhooks/webhook-sender.js";
import { systemClock } from "./shared/clock.js";
import { createCalendarFeedsRepo } from "./modules/calendar/calendar-feeds.repo.js";
import { createCalendarFeedsService } from "./modules/calendar/calendar-feeds.service.js";
import { createRemindersRepo } from "./modules/reminders/reminders.repo.js";
import { createRemindersService } from "./modules/reminders/reminders.service.js";
import type { TClock, TTestClock } from "./shared/clock.js";

export type TComposeOptions = {
  sessionTtlHours: number;
  /** The base of every link we send (invites, assessments). */
  publicUrl: string;
  /** Wakes job workers; local by default, LISTEN/NOTIFY when processes share a server. */
  jobNotifier?: TJobNotifier;
  /**
   * pg-boss, started on this database (`startJobQueue`); every process that enqueues has one. Left
   * out only where nothing is sent (the OpenAPI generator, some benches).
   */
  boss?: PgBoss;
  /** How this process's grading jobs use the sandbox (SHORTLIST_GRADER_SLOT_BASE). */
  grading?: Partial<TGradingSettings>;
  /** SMTP_URL and MAIL_FROM; without an SMTP URL mail stays in the outbox. */
  mail?: TMailSettings;
  /** WEBHOOK_ALLOW_PRIVATE_ADDRESSES and WEBHOOK_TIMEOUT_MS; public HTTPS only, 10 s, by default. */
  webhooks?: TWebhookSendSettings;
  /** SHORTLIST_TEST_CLOCK: a clock an admin may move forward; the system clock otherwise. */
  testClock?: TTestClock;
  /** OIDC_*: single sign-on with one provider; password sign-in only without it. */
  sso?: TSsoSettings;
};

/** Wires repositories into services. One place, explicit, no container. */
export function composeServices(handle: TDatabaseHandle, options: TComposeOptions) {
  const { db } = handle;
  // What the read caches key on: grows with every committed write to a table pages read.
  const dataVersion = createDataVersion(db);
  const jobNotifier = options.jobNotifier ?? createLocalNotifier();
  const clock: TClock = options.testClock ?? systemClock;
  const jobQueue = createBossJobQueue({ boss: options.boss, db, notifier: jobNotifier });
  const usersRepo = createUsersRepo(db);
  const sessionsRepo = createSessionsRepo(db);
  const apiTokensRepo = createApiTokensRepo(db);
  const invitesRepo = createInvitesRepo(db);
  const auditService = createAuditService({ auditRepo: createAuditRepo(db) });
  const identitiesRepo = createIdentitiesRepo(db);
  const sso = options.sso;
  const authService = createAuthService({
    db,
    usersRepo,
    sessionsRepo,
    auditService,
    sessionTtlHours: options.sessionTtlHours,
    ...(sso && !sso.passwordLogin
      ? {
          passwordRefusal: async (userId: string) =>
            (await identitiesRepo.hasIdentity(userId))
              ? passwordRefusedForSso(sso.displayName)
              : undefined,
        }
      : {}),
  });
  const ssoService = sso
    ? createSsoService({
        db,
        settings: sso,
        redirectUri: `${options.publicUrl}${SSO_CALLBACK_PATH}`,
        usersRepo,
        invitesRepo,
        identitiesRepo,
        auditService,
        startSession: authService.startSession,
      })
    : undefined;
  const apiTokensService = createApiTokensService({ apiTokensRepo, usersRepo, auditService });
  const sessionsService = createSessionsService({ sessionsRepo, auditService });
  const operationsRepo = createOperationsRepo(db);
  const metrics = createMetrics({ operationsRepo });
  // PGlite's queue or the pool: how long each statement waited for the database.
  handle.observeWait?.((seconds) => metrics.recordDatabaseWait(seconds));
  const readinessService = createReadinessService({ operationsRepo });
  const mailService = createMailService({
    db,
    mailRepo: createMailRepo(db),
    jobQueue,
    auditService,
    transport: options.mail ? createSmtpTransport(options.mail) : undefined,
  });
  const webhooksService = createWebhooksService({
    db,
    webhooksRepo: createWebhooksRepo(db),
    jobQueue,
    auditService,
    settings: options.webhooks ?? DEFAULT_WEBHOOK_SETTINGS,
  });
  // The team's bell and e-mail; fed by the same events as webhooks, in the same transaction.
  const notificationsService = createNotificationsService({
    db,
    notificationsRepo: createNotificationsRepo(db),
    mail: mailService,
    clock,
    publicUrl: options.publicUrl,
  });
  const domainEvents = withNotifications(webhooksService, notificationsService, mailService);
  const usersService = createUsersService({
    db,
    mail: mailService,
    usersRepo,
    invitesRepo,
    sessionsRepo,
    apiTokensRepo,
    auditService,
    publicUrl: options.publicUrl,
  });
  const inviteAcceptanceService = createInviteAcceptanceService({
    db,
    usersRepo,
    invitesRepo,
    auditService,
    startSession: authService.startSession,
  });

  // Hiring: every service reads who may see what from the one viewer-scope repository.
  const viewerScopeRepo = createViewerScopeRepo(db);
  const questionsRepo = createQuestionsRepo(db);
  const rolesRepo = createRolesRepo(db);
  const candidatesRepo = createCandidatesRepo(db);
  const applicationsRepo = createApplicationsRepo(db);
  const screeningRepo = createScreeningRepo(db);
  const storedFilesRepo = createStoredFilesRepo(db);
  const interviewsRepo = createInterviewsRepo(db);
  const scorecardsRepo = createScorecardsRepo(db);
  const decisionsRepo = createDecisionsRepo(db);
  const privacyRepo = createPrivacyRepo(db);
  // Services whose changes are events emit them through `webhooks`: deliveries and notifications.
  const hiringBase = {
    db,
    viewerScopeRepo,
    auditService,
    privacyRepo,
    dataVersion,
    webhooks: domainEvents,
  };
  const questionsService = createQuestionsService({ db, questionsRepo, auditService });
  const rolesService = createRolesService({ ...hiringBase, rolesRepo, questionsRepo });
  const candidateMergeService = createCandidateMergeService({
    ...hiringBase,
    candidatesRepo,
    applicationsRepo,
    screeningRepo,
  });
  const candidatesService = createCandidatesService({
    ...hiringBase,
    candidatesRepo,
    candidateMergeService,
  });
  const applicationsService = createApplicationsService({
    ...hiringBase,
    applicationsRepo,
    rolesRepo,
    candidatesRepo,
    interviewsRepo,
  });
  const boardService = createBoardService({
    boardRepo: createBoardRepo(db),
    viewerScopeRepo,
    dataVersion,
  });
  const interviewsService = createInterviewsService({
    ...hiringBase,
    interviewsRepo,
    applicationsRepo,
    rolesRepo,
    questionsRepo,
    mail: mailService,
    clock,
  });
  const scorecardsService = createScorecardsService({
    ...hiringBase,
    scorecardsRepo,
    interviewsRepo,
    applicationsRepo,
    rolesRepo,
    questionsRepo,
  });
  // Résumé screening: checklist per role, résumés, screens, bulk intake and CSV import.
  const screeningBase = {
    ...hiringBase,
    screeningRepo,
    storedFilesRepo,
    rolesRepo,
    candidatesRepo,
  };
  const screeningSettingsService = createScreeningSettingsService(screeningBase);
  const resumesService = createResumesService(screeningBase);
  const resumeScreensService = createResumeScreensService({ ...screeningBase, applicationsRepo });
  const intakeService = createIntakeService({
    ...screeningBase,
    applicationsRepo,
    usersRepo,
    jobQueue,
  });
  const candidateImportService = createCandidateImportService({
    ...screeningBase,
    applicationsRepo,
  });
  const dashboardService = createDashboardService({
    dashboardRepo: createDashboardRepo(db),
    dataVersion,
  });
  const analyticsRepo = createAnalyticsRepo(db);
  const analyticsService = createAnalyticsService({ viewerScopeRepo, analyticsRepo });
  // Practical assessments: the hiring team's side and the candidate's token-scoped portal.
  const assessmentsRepo = createAssessmentsRepo(db);
  const packs = { listPacks: () => listPacks(), loadPack: (id: string) => loadPack(id) };
  const assessmentsService = createAssessmentsService({
    ...hiringBase,
    assessmentsRepo,
    applicationsRepo,
    rolesRepo,
    jobQueue,
    candidatesRepo,
    mail: mailService,
    packs,
    publicUrl: options.publicUrl,
  });
  const portalService = createPortalService({
    db,
    privacyRepo,
    assessmentsRepo,
    storedFilesRepo,
    auditService,
    jobQueue,
    packs,
  });
  // Candidates' personal data: notice and consent, export, erasure, retention, access trail.
  const privacyService = createPrivacyService({ ...hiringBase, candidatesRepo });
  // Self-identification lives apart; export and erasure reach it through its repository.
  const fairnessRepo = createFairnessRepo(db);
  const fairnessService = createFairnessService({
    fairnessRepo,
    portal: portalService,
    viewerScopeRepo,
  });
  const privacyDeps = { db, privacyRepo, auditService, selfIdentification: fairnessRepo };
  const candidateExportService = createCandidateExportService(privacyDeps);
  const candidateErasureService = createCandidateErasureService(privacyDeps);
  // Design documents are graded by people: reviews, independent until each reviewer submits.
  const designReviewsService = createDesignReviewsService({
    ...hiringBase,
    designReviewsRepo: createDesignReviewsRepo(db),
    assessmentsRepo,
    applicationsRepo,
    packs,
  });
  // Similarity between submissions of a pack, recorded by the grading job after the grade.
  const similarityService = createSimilarityService({
    db,
    similarityRepo: createSimilarityRepo(db),
    viewerScopeRepo,
  });
  // The shortlist: every application's evidence combined, read-only over the modules above.
  const shortlistService = createShortlistService({
    shortlistRepo: createShortlistRepo(db),
    assessmentsRepo,
    applicationsRepo,
    viewerScopeRepo,
    packs,
    similarity: similarityService,
    calibration: analyticsRepo,
    dataVersion,
  });
  const decisionsService = createDecisionsService({
    ...hiringBase,
    decisionsRepo,
    applicationsRepo,
    rolesRepo,
    scorecardsRepo,
    interviewsRepo,
    questionsRepo,
    shortlistService,
  });
  const feedbackService = createFeedbackService({
    ...hiringBase,
    feedbackRepo: createFeedbackRepo(db),
    applicationsRepo,
    feedbackEvidence: shortlistFeedbackEvidence(shortlistService),
    candidatesRepo,
    mail: mailService,
  });
  const shortlistExportsService = createShortlistExportsService({
    shortlistService,
    resumeScreensService,
    scorecardsService,
    assessmentsService,
    auditService,
  });
  const calendarFeedsService = createCalendarFeedsService({
    calendarFeedsRepo: createCalendarFeedsRepo(db),
    auditService,
    clock,
    publicUrl: options.publicUrl,
  });
  const remindersService = createRemindersService({
    db,
    remindersRepo: createRemindersRepo(db),
    mail: mailService,
    clock,
    publicUrl: options.publicUrl,
  });
  const gradingSettings: TGradingSettings = {
    concurrency: options.grading?.concurrency ?? gradeSubmissionJob.concurrency,
    slotBase: options.grading?.slotBase ?? 0,
  };
  return {
    questionsService,
    rolesService,
    candidatesService,
    applicationsService,
    boardService,
    interviewsService,
    remindersService,
    calendarFeedsService,
    /** Only with SHORTLIST_TEST_CLOCK: the clock POST /api/admin/test-clock moves. */
    testClock: options.testClock,
    scorecardsService,
    decisionsService,
    feedbackService,
    shortlistService,
    shortlistExportsService,
    dashboardService,
    analyticsService,
    // The demo seed's one write that services cannot make: history months in the past.
    demoHistoryRepo: createDemoHistoryRepo(db),
    screeningSettingsService,
    resumesService,
    resumeScreensService,
    intakeService,
    candidateImportService,
    auditService,
    authService,
    ssoService,
    publicUrl: options.publicUrl,
    apiTokensService,
    usersService,
    mailService,
    webhooksService,
    /** What the grading job emits through: webhook deliveries and the team's notifications. */
    domainEvents,
    notificationsService,
    notesService: createNotesService({
      db,
      notesRepo: createNotesRepo(db),
      applicationsRepo,
      viewerScopeRepo,
      auditService,
      notificationsService,
      mail: mailService,
    }),
    inviteAcceptanceService,
    usersRepo,
    jobQueue,
    boss: options.boss,
    /** The database pg-boss workers mark their jobs on (the same one the repos use). */
    db,
    jobNotifier,
    assessmentsService,
    portalService,
    designReviewsService,
    assessmentsRepo,
    similarityService,
    gradingSettings,
    sessionsService,
    metrics,
    operationsRepo,
    readinessService,
    privacyService,
    candidateExportService,
    candidateErasureService,
    fairnessService,
  };
}
export type TServices = ReturnType<typeof composeServices>;
