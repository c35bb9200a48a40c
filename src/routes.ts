import { registerSsoRoutes } from "./modules/sso/sso.routes.js";
import { rememberDataVersion } from "./db/data-version.js";
import { rememberScope } from "./modules/access/viewer-scope.js";
import type { TServices } from "./compose.js";
import { buildHttpApp } from "./http/app.js";
import type { THttpAppOptions } from "./http/app.js";
import type { TApp } from "./http/types.js";
import { registerAssessmentsRoutes } from "./modules/assessments/assessments.routes.js";
import { registerDesignReviewsRoutes } from "./modules/assessments/design-reviews.routes.js";
import { registerPortalRoutes } from "./modules/assessments/portal.routes.js";
import { registerAuditRoutes } from "./modules/audit/audit.routes.js";
import { registerAuthRoutes } from "./modules/auth/auth.routes.js";
import { registerSessionsRoutes } from "./modules/auth/sessions.routes.js";
import { registerCandidatesRoutes } from "./modules/candidates/candidates.routes.js";
import { registerDashboardRoutes } from "./modules/dashboard/dashboard.routes.js";
import { registerDecisionsRoutes } from "./modules/decisions/decisions.routes.js";
import { registerFeedbackRoutes } from "./modules/feedback/feedback.routes.js";
import { registerMailRoutes } from "./modules/mail/mail.routes.js";
import { registerWebhookRoutes } from "./modules/webhooks/webhooks.routes.js";
import { registerInterviewsRoutes } from "./modules/interviews/interviews.routes.js";
import { registerCalendarRoutes } from "./modules/calendar/calendar.routes.js";
import { registerNotesRoutes } from "./modules/notes/notes.routes.js";
import { registerNotificationsRoutes } from "./modules/notifications/notifications.routes.js";
import { registerOperationsRoutes } from "./modules/operations/operations.routes.js";
import { registerTestClockRoutes } from "./modules/operations/test-clock.routes.js";
import { jobDefinitions } from "./job-registry.js";
import { registerApplicationsRoutes } from "./modules/pipeline/applications.routes.js";
import { registerBoardRoutes } from "./modules/pipeline/board.routes.js";
import { registerAnalyticsRoutes } from "./modules/analytics/analytics.routes.js";
import { registerFairnessRoutes } from "./modules/fairness/fairness.routes.js";
import { registerPrivacyRoutes } from "./modules/privacy/privacy.routes.js";
import { registerQuestionsRoutes } from "./modules/questions/questions.routes.js";
import { registerRolesRoutes } from "./modules/roles/roles.routes.js";
import { registerScorecardsRoutes } from "./modules/scorecards/scorecards.routes.js";
import { registerScreeningRoutes } from "./modules/screening/screening.routes.js";
import { registerShortlistRoutes } from "./modules/shortlist/shortlist.routes.js";
import { registerSimilarityRoutes } from "./modules/similarity/similarity.routes.js";
import { registerApiTokensRoutes } from "./modules/tokens/api-tokens.routes.js";
import { registerUsersRoutes } from "./modules/users/users.routes.js";

export { DEFAULT_WEB_DIST } from "./http/app.js";

export type TAppOptions = Omit<THttpAppOptions, "principals" | "registerRoutes"> & {
  services: TServices;
  sessionTtlHours: number;
  loginRateLimitPerMinute?: number;
  /** METRICS_TOKEN; without it /metrics answers localhost only. */
  metricsToken?: string | undefined;
};

type TRouteOptions = Pick<
  TAppOptions,
  "services" | "sessionTtlHours" | "loginRateLimitPerMinute" | "metricsToken"
>;

/** Every domain's routes, in one place above the domains; `src/http/` knows none of them. */
export function registerRoutes(app: TApp, options: TRouteOptions): void {
  const { services } = options;
  const limits = {
    sessionTtlHours: options.sessionTtlHours,
    loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 10,
  };
  registerAuthRoutes(app, { authService: services.authService, ...limits });
  registerSsoRoutes(app, {
    ssoService: services.ssoService,
    sessionTtlHours: options.sessionTtlHours,
    publicUrl: services.publicUrl,
  });
  registerUsersRoutes(app, {
    usersService: services.usersService,
    inviteAcceptanceService: services.inviteAcceptanceService,
    ...limits,
  });
  registerMailRoutes(app, services);
  registerWebhookRoutes(app, services);
  registerApiTokensRoutes(app, { apiTokensService: services.apiTokensService });
  registerSessionsRoutes(app, services);
  registerOperationsRoutes(app, {
    ...services,
    jobKinds: jobDefinitions.map((d) => d.name),
    metricsToken: options.metricsToken,
  });
  if (services.testClock)
    registerTestClockRoutes(app, { testClock: services.testClock, jobQueue: services.jobQueue });
  registerAuditRoutes(app, { auditService: services.auditService });
  registerQuestionsRoutes(app, services);
  registerRolesRoutes(app, services);
  registerCandidatesRoutes(app, services);
  registerApplicationsRoutes(app, services);
  registerBoardRoutes(app, services);
  registerInterviewsRoutes(app, services);
  registerCalendarRoutes(app, services);
  registerNotificationsRoutes(app, services);
  registerNotesRoutes(app, services);
  registerScorecardsRoutes(app, services);
  registerDecisionsRoutes(app, services);
  registerFeedbackRoutes(app, services);
  registerDashboardRoutes(app, services);
  registerScreeningRoutes(app, services);
  registerAssessmentsRoutes(app, services);
  registerPortalRoutes(app, services);
  registerPrivacyRoutes(app, services);
  registerDesignReviewsRoutes(app, services);
  registerSimilarityRoutes(app, services);
  registerShortlistRoutes(app, services);
  registerFairnessRoutes(app, services);
  registerAnalyticsRoutes(app, services);
}

/** The whole server: the framework app with our principal lookups and routes. */
export function buildApp(options: TAppOptions): Promise<TApp> {
  const { services, sessionTtlHours, loginRateLimitPerMinute, metricsToken, ...http } = options;
  const { authService, apiTokensService } = services;
  return buildHttpApp({
    ...http,
    principals: {
      resolveSession: async (token, options) => {
        const found = await authService.resolveSession(token, options);
        if (found?.scope) rememberScope(found.user, found.scope);
        if (found?.dataVersion) rememberDataVersion(found.user, found.dataVersion);
        return found;
      },
      endSession: (hash) => authService.endSession(hash),
      resolveToken: (token) => apiTokensService.resolveToken(token),
    },
    registerRoutes: (app) => {
      registerRoutes(app, { services, sessionTtlHours, loginRateLimitPerMinute, metricsToken });
    },
  });
}
