import { communicationQuestions } from "./communication.js";
import { cultureFitQuestions } from "./culture-fit.js";
import { databasePerformanceQuestions } from "./database-performance.js";
import { djangoCoreQuestions } from "./django-core.js";
import { drfQuestions } from "./drf.js";
import { ormDataModellingQuestions } from "./orm-data-modelling.js";
import { pythonFundamentalsQuestions } from "./python-fundamentals.js";
import type { TQuestionSeed } from "./question-seed.schema.js";
import { scalabilityProductionQuestions } from "./scalability-production.js";
import { securityQuestions } from "./security.js";
import { testingQuestions } from "./testing.js";

export const questionBank: readonly TQuestionSeed[] = [
  ...pythonFundamentalsQuestions,
  ...djangoCoreQuestions,
  ...ormDataModellingQuestions,
  ...drfQuestions,
  ...databasePerformanceQuestions,
  ...securityQuestions,
  ...scalabilityProductionQuestions,
  ...testingQuestions,
  ...communicationQuestions,
  ...cultureFitQuestions,
];

const questionsById = new Map(questionBank.map((question) => [question.id, question]));

export function findQuestionById(id: string): TQuestionSeed | undefined {
  return questionsById.get(id);
}
