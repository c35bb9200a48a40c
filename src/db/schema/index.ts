// One file per domain; drizzle-kit reads them all (drizzle.config.ts) to generate migrations.
export * from "./accounts.js";
export * from "./hiring.js";
export * from "./files.js";
export * from "./assessments.js";
export * from "./screening.js";
export * from "./privacy.js";
export * from "./design-reviews.js";
export * from "./similarity.js";
export * from "./feedback.js";
export * from "./fairness.js";
export * from "./analytics.js";
export * from "./mail.js";
export * from "./changes.js";
export * from "./webhooks.js";
export * from "./notifications.js";
