import type { TQuestionSeed } from "./question-seed.schema.js";

export const testingQuestions: readonly TQuestionSeed[] = [
  {
    id: "testing-django-test-case-classes",
    area: "testing",
    title: "Django's test case classes",
    prompt:
      "Django offers SimpleTestCase, TestCase, TransactionTestCase and LiveServerTestCase. How do they differ, and which would you pick for a model method, for a view, and for code that depends on transaction.on_commit?",
    competencies: ["testing"],
    levels: ["junior", "mid"],
    suggestedMinutes: 7,
    signals: [
      "SimpleTestCase blocks database queries and suits pure logic",
      "TestCase wraps each test in a transaction that is rolled back, so it is fast and isolated",
      "TransactionTestCase truncates tables and lets real commits happen",
      "Uses captureOnCommitCallbacks to run on_commit callbacks inside TestCase",
      "Uses the test client for views and setUpTestData for shared data",
      "Knows the pytest-django equivalents (django_db marker, fixtures)",
    ],
    redFlags: [
      "Runs tests against the development database",
      "Expects on_commit callbacks to fire inside TestCase without help",
    ],
    followUps: [
      "Why is setUpTestData faster than setUp, and what must you be careful about?",
      "When would you need LiveServerTestCase?",
    ],
    rubric: {
      default: {
        1: "Only knows one class and cannot say what it does.",
        2: "Knows TestCase rolls back but not the others or the on_commit issue.",
        3: "Explains each class, picks correctly for the three cases and handles on_commit.",
        4: "Also covers setUpTestData semantics, pytest-django and keeping suites fast.",
      },
    },
  },
  {
    id: "testing-api-endpoints",
    area: "testing",
    title: "Testing API endpoints",
    prompt:
      "You have just built a DRF endpoint that lets team admins invite new members by email. Which tests would you write, and how would you set them up?",
    competencies: ["testing", "api-design-drf"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "Uses APIClient or APITestCase with force_authenticate or a real login",
      "Covers the happy path and validation errors (400)",
      "Covers unauthenticated, non-admin and other-team callers",
      "Asserts database state and side effects, not just the status code",
      "Checks outgoing email via mail.outbox instead of sending it",
      "Builds data with factories (factory_boy) or small builders instead of large fixture files",
      "Keeps tests independent, with names that describe the behaviour",
    ],
    redFlags: ["Tests only the happy path", "Tests rely on running in a particular order"],
    followUps: [
      "Inviting someone who is already a member: what should happen and how do you test it?",
      "How would you keep these tests fast as the suite grows?",
    ],
    rubric: {
      default: {
        1: "Would test by clicking around manually.",
        2: "Writes a happy-path test with a status check only.",
        3: "Covers success, validation, permissions and side effects with clear setup.",
        4: "Also covers edge cases such as duplicates, uses factories well and keeps the suite maintainable.",
      },
      senior: {
        1: "No coherent test plan.",
        2: "Lists tests but misses permission boundaries or side effects.",
        3: "Complete plan across success, validation, every permission boundary and side effects.",
        4: "Also defines shared test helpers and conventions the whole team can reuse for access-control tests.",
      },
    },
  },
  {
    id: "testing-choosing-test-cases",
    area: "testing",
    title: "Choosing test cases",
    prompt:
      "A model method works out a discount: 10% for orders over 100, 20% for members, at most 25% in total, and the total can never go below zero. What tests would you write for it?",
    competencies: ["testing", "python-fundamentals"],
    levels: ["junior", "mid"],
    suggestedMinutes: 6,
    signals: [
      "Tests boundaries: exactly 100, just under and just over",
      "Tests each rule alone and combined, including the 25% cap",
      "Tests unusual input: zero, negative and very large amounts",
      "Uses Decimal, not float, for money and asserts exact values",
      "Names tests after the behaviour they check",
      "Uses subTest or pytest.mark.parametrize to avoid repetition",
    ],
    redFlags: [
      "Tests a single example order",
      "Uses floats for money without noticing rounding problems",
    ],
    followUps: [
      "Would you need the database for these tests? Why or why not?",
      "The rules change every quarter. How does that affect how you structure the code and tests?",
    ],
    rubric: {
      default: {
        1: "Would write one test or none.",
        2: "Tests the main rules but misses boundaries or the cap.",
        3: "Covers boundaries, combinations, the cap and odd inputs, with Decimal and clear names.",
        4: "Also parametrises, separates pure logic from the model to test without the database, and discusses property-based testing.",
      },
    },
  },
  {
    id: "testing-query-count-guards",
    area: "testing",
    title: "Guarding against query regressions",
    prompt:
      "You have fixed an N+1 problem on an important endpoint. How would you make sure nobody brings it back six months from now?",
    competencies: ["testing", "databases-performance"],
    levels: ["mid", "senior"],
    suggestedMinutes: 7,
    signals: [
      "Writes a test with assertNumQueries (or django_assert_num_queries in pytest-django)",
      "Creates enough related rows that an N+1 would show up in the count",
      "Explains in a comment why the expected number is what it is",
      "Considers tools that flag N+1 patterns in development or CI",
      "Adds production monitoring of queries per request",
    ],
    redFlags: [
      "Relies on reviewers remembering",
      "Asserts with a single row, which cannot reveal an N+1",
    ],
    followUps: [
      "A legitimate change adds one query and the test fails. What should the developer do?",
      "How would you apply this across many endpoints without brittle tests?",
    ],
    rubric: {
      default: {
        1: "No idea how to prevent regressions.",
        2: "Suggests a test but with data that cannot catch an N+1.",
        3: "assertNumQueries with several related rows and an explained count.",
        4: "Also adds broader tooling or monitoring and a policy for updating expected counts.",
      },
    },
  },
  {
    id: "testing-mocking-external-services",
    area: "testing",
    title: "Mocking external services",
    prompt:
      "Your code talks to a payment provider and a shipping API. How do you test it without calling the real services, and what goes wrong when tests mock too much?",
    competencies: ["testing", "python-fundamentals"],
    levels: ["mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "Patches the name where it is looked up (the module that uses it), not where it is defined",
      "Wraps each external API in a thin client so tests can swap in a fake",
      "Uses HTTP-level tools such as responses or respx, or recorded fixtures",
      "Tests failure paths: timeouts, 5xx responses, malformed bodies",
      "Uses autospec so mocks fail when signatures change",
      "Keeps a few contract or sandbox tests against the real provider",
    ],
    redFlags: [
      "CI tests call real external services",
      "Mocks so much that the test only checks the mocks",
    ],
    followUps: [
      "Your patch seems to have no effect. What is the most likely reason?",
      "How would you notice that the provider changed its API?",
    ],
    rubric: {
      default: {
        1: "Would call the real services from tests.",
        2: "Uses mock.patch but patches the wrong target or only tests success.",
        3: "Correct patching, an adapter boundary, failure-path tests and autospec.",
        4: "Also balances fakes against contract tests and explains the maintenance cost of over-mocking.",
      },
    },
  },
  {
    id: "testing-suite-strategy",
    area: "testing",
    title: "Fixing an untrusted test suite",
    prompt:
      "You join a team whose Django test suite takes forty minutes, fails at random about once a day, and nobody trusts it any more. What would you do over your first couple of months?",
    competencies: ["testing", "communication-collaboration"],
    levels: ["senior"],
    suggestedMinutes: 12,
    signals: [
      "Measures first: slowest tests, the list of flaky tests, failure patterns",
      "Speeds up with parallel runs (test --parallel or pytest-xdist), setUpTestData and a fast password hasher in test settings",
      "Hunts flake causes: time, ordering, shared state, real network calls, async races",
      "Quarantines flaky tests with named owners instead of silently deleting them",
      "Rebalances toward fast unit and service tests, with fewer slow end-to-end tests",
      "Makes the plan visible and gets team agreement on conventions",
    ],
    redFlags: [
      "Deletes failing tests to get a green build",
      "Plans to rewrite the whole suite in one go",
    ],
    followUps: [
      "How would you convince the team to spend time on this instead of features?",
      "What would you measure to know it worked?",
    ],
    rubric: {
      default: {
        1: "Would ignore or delete the suite.",
        2: "Has some speed-up ideas but no plan for flakiness or trust.",
        3: "Measured plan for speed and flakiness, quarantine with owners, and team buy-in.",
        4: "Also sets targets, tracks them over time and changes team habits so the suite stays healthy.",
      },
    },
  },
];
