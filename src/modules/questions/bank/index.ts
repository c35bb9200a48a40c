export { questionBank, findQuestionById } from "./question-bank.js";
export {
  ZQuestionSeed,
  ZQuestionArea,
  ZQuestionId,
  ZQuestionRubric,
  ZRubricAnchors,
  questionAreas,
} from "./question-seed.schema.js";
export type {
  TQuestionSeed,
  TQuestionArea,
  TQuestionRubric,
  TRubricAnchors,
} from "./question-seed.schema.js";
export { guideSections, guideTopicCoverage } from "./guide-topic-coverage.js";
export type { TGuideSection, TGuideTopicId } from "./guide-topic-coverage.js";
export { formatBankCoverageTable, summarizeBankCoverage } from "./coverage.js";
export type { TBankCoverage, TCountsByLevel } from "./coverage.js";
