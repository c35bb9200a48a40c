import { principalOf } from "../../http/authentication.js";
import { errorResponses } from "../../http/error-response.js";
import type { TApp } from "../../http/types.js";
import {
  ZAnalyticsQuery,
  ZCalibrationResponse,
  ZProcessAnalyticsResponse,
  ZQuestionQualityResponse,
  ZReliabilityResponse,
} from "./analytics.schema.js";
import type { TAnalyticsService } from "./analytics.service.js";

// Admins and hiring managers; the service narrows a manager to the roles they lead.
const LEADS = ["admin", "hiring_manager"] as const;
const tags = ["analytics"];
type TInput = Parameters<TAnalyticsService["getProcess"]>[0];
const scopeNote =
  " Across every role the caller may analyse, or one (roleId), for applications created from `from` to `to` (dates, both included; the last year by default).";

export function registerAnalyticsRoutes(app: TApp, deps: { analyticsService: TAnalyticsService }) {
  const service = deps.analyticsService;
  const reports = [
    {
      url: "/api/analytics/process",
      operationId: "getProcessAnalytics",
      description:
        "Speed of the process: the funnel per stage from the stage history, time in stage, time to first screen and to hire, the oldest waiting applications, scorecard timeliness.",
      response: ZProcessAnalyticsResponse,
      run: (input: TInput) => service.getProcess(input),
    },
    {
      url: "/api/analytics/calibration",
      operationId: "getInterviewerCalibration",
      description:
        "Per interviewer: scorecards, recommendations and leniency (mean difference from the other raters, 95% interval clustered by candidate, shrunk estimate); flagged when the interval excludes 0 with at least 10 comparisons.",
      response: ZCalibrationResponse,
      run: (input: TInput) => service.getCalibration(input),
    },
    {
      url: "/api/analytics/reliability",
      operationId: "getRatingReliability",
      description:
        "Krippendorff's alpha (ordinal) per competency, question and stage kind, with pairable ratings, a 1,000-resample bootstrap 95% interval and the reliability band.",
      response: ZReliabilityResponse,
      run: (input: TInput) => service.getReliability(input),
    },
    {
      url: "/api/analytics/questions",
      operationId: "getQuestionQuality",
      description:
        "Per question version: times asked, mean, difficulty and item-rest discrimination; flagged when discrimination is below 0.20 with at least 10 candidates.",
      response: ZQuestionQualityResponse,
      run: (input: TInput) => service.getQuestionQuality(input),
    },
  ] as const;
  for (const report of reports)
    app.get(
      report.url,
      {
        config: { access: LEADS },
        schema: {
          operationId: report.operationId,
          tags,
          description: report.description + scopeNote,
          querystring: ZAnalyticsQuery,
          response: { 200: report.response, ...errorResponses },
        },
      },
      async (request) => report.run({ query: request.query, viewer: principalOf(request).user }),
    );
}
