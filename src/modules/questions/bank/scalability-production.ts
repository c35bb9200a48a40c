import type { TQuestionSeed } from "./question-seed.schema.js";

export const scalabilityProductionQuestions: readonly TQuestionSeed[] = [
  {
    id: "scalability-high-traffic",
    area: "scalability-production",
    title: "Preparing for high traffic",
    prompt:
      "Marketing expects ten times today's traffic within three months. The Django app runs on two servers with one PostgreSQL database. How would you get it ready? Tell me what you would measure first and what you would change, in order.",
    competencies: ["scalability-production", "databases-performance"],
    levels: ["mid", "senior"],
    suggestedMinutes: 12,
    signals: [
      "Measures first: load tests, current bottlenecks, p95 latency and database load",
      "Keeps web processes stateless so more can run behind a load balancer",
      "Adds a shared cache such as Redis for hot reads and HTTP or CDN caching for static and anonymous content",
      "Moves slow work to background workers (e.g. Celery with a broker)",
      "Scales the database in steps: fix queries and indexes, pool connections, add read replicas, then partition if needed",
      "Serves static files via WhiteNoise or a CDN and media from object storage",
      "Runs in containers with autoscaling, health checks and good observability",
    ],
    redFlags: [
      "Jumps straight to microservices or a rewrite",
      "Adds app servers without checking whether the database is the limit",
    ],
    followUps: [
      "Your load test shows the database CPU at 90%. What now?",
      "What would you deliberately not do before the launch?",
      "How do you know when you are ready?",
    ],
    rubric: {
      default: {
        1: "Suggests only buying bigger servers.",
        2: "Lists techniques (cache, Celery, replicas) with no order or evidence behind them.",
        3: "Measurement-led plan covering stateless scaling, caching, background work and database steps in a sensible order.",
        4: "Also sets capacity targets, plans load tests and rollback, weighs cost and complexity, and avoids premature re-architecture.",
      },
      senior: {
        1: "No structured approach.",
        2: "Knows the toolbox but not how to prioritise or prove readiness.",
        3: "Evidence-driven, ordered plan with database scaling steps, caching, queues and observability.",
        4: "Also defines SLOs and capacity targets, failure modes (cache loss, replica lag, queue backlog) and a launch-day runbook.",
      },
    },
  },
  {
    id: "scalability-background-tasks",
    area: "scalability-production",
    title: "Background tasks",
    prompt:
      "When an order is placed the app builds a PDF invoice, emails it and notifies a warehouse API, and checkout now takes eight seconds. How would you move this work out of the request, and what can go wrong once it runs in the background?",
    competencies: ["scalability-production", "django-architecture"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "Uses a task queue (Celery, RQ or Dramatiq) with a broker such as Redis or RabbitMQ",
      "Enqueues with transaction.on_commit so the worker never runs before the order is committed",
      "Passes ids, not model instances, so the task loads fresh data",
      "Makes tasks idempotent because retries and acks_late mean they can run more than once",
      "Sets retries with backoff and timeouts for the warehouse API",
      "Monitors queue length and failures and alerts on them",
    ],
    redFlags: [
      "Starts threads inside the web request for background work",
      "Assumes every task runs exactly once",
    ],
    followUps: [
      "The warehouse API is down for an hour. What happens to the tasks?",
      "How would the customer learn that the invoice is ready?",
      "How would you test the task?",
    ],
    rubric: {
      default: {
        1: "Does not see why the work should leave the request.",
        2: "Would use Celery but ignores commit timing, retries or duplicate runs.",
        3: "Queue with on_commit, ids as arguments, idempotent tasks with retries and timeouts, plus monitoring.",
        4: "Also plans for outages (dead letters, backoff caps), user feedback and ordering between dependent tasks.",
      },
      junior: {
        1: "Cannot explain why checkout is slow.",
        2: "Knows the work should happen later but not how.",
        3: "Explains moving the work to a queue such as Celery and passing ids rather than objects.",
        4: "Also knows tasks can fail and need retries, or mentions on_commit.",
      },
    },
  },
  {
    id: "scalability-read-replicas",
    area: "scalability-production",
    title: "Read replicas and database routing",
    prompt:
      "You add a PostgreSQL read replica to take load off the primary. How would you send queries to it from Django, and what problems does replication lag cause for users?",
    competencies: ["scalability-production", "databases-performance"],
    levels: ["senior"],
    suggestedMinutes: 10,
    signals: [
      "Adds a second DATABASES entry and a router in DATABASE_ROUTERS with db_for_read and db_for_write",
      "Uses .using('replica') for explicit routing where it matters",
      "Explains lag: a user saves and immediately sees old data on the next read",
      "Pins a user's reads to the primary for a short window after a write, or inside transactions",
      "Keeps writes and locking reads (select_for_update) on the primary",
      "Monitors lag and falls back to the primary when it grows too large",
    ],
    redFlags: [
      "Sends every read to the replica with no thought for lag",
      "Thinks Django keeps replicas in sync",
    ],
    followUps: [
      "Which pages would you never serve from the replica?",
      "How would you test the router?",
    ],
    rubric: {
      default: {
        1: "Does not know Django supports multiple databases.",
        2: "Configures a router but ignores lag.",
        3: "Router plus explicit using(), read-your-writes handling and primary-only paths.",
        4: "Also covers lag monitoring and fallback, migrations with multiple databases, and when replicas are not worth it.",
      },
    },
  },
  {
    id: "scalability-live-incident",
    area: "scalability-production",
    title: "Debugging a live incident",
    prompt:
      "At 3 pm the error rate jumps: one in five checkout requests returns a 500, and a deploy went out at 2:45. Talk me through your first thirty minutes: what you look at, what you decide and who you talk to.",
    competencies: ["scalability-production", "communication-collaboration"],
    levels: ["mid", "senior"],
    suggestedMinutes: 10,
    signals: [
      "Mitigates first: considers rolling back the 2:45 deploy or turning off a feature flag",
      "Reads error tracking (e.g. Sentry) and structured logs with request ids for the real exception",
      "Correlates with dashboards: latency, database, queues, external dependencies",
      "Communicates early in an incident channel with one person coordinating",
      "Checks whether migrations in the deploy make rollback unsafe",
      "Does not change production blindly or switch DEBUG on",
      "Follows up with a blameless review and preventive actions",
    ],
    redFlags: [
      "Works silently without telling anyone",
      "Turns on DEBUG in production",
      "Insists on a root cause before any mitigation",
    ],
    followUps: [
      "The deploy contained a migration that dropped a column. Can you still roll back?",
      "What would you write in the first status update?",
    ],
    rubric: {
      default: {
        1: "No plan beyond reading code.",
        2: "Looks for the bug but ignores mitigation or communication.",
        3: "Mitigate-first approach, uses error tracking and metrics, communicates and checks rollback safety.",
        4: "Also coordinates roles, writes clear updates, and drives a blameless review with concrete follow-ups.",
      },
    },
  },
  {
    id: "scalability-deployment",
    area: "scalability-production",
    title: "Deploying Django",
    prompt:
      "Describe how you would run a Django application in production, from code being merged to it serving traffic. What process runs the app, how are static files served, and when do migrations run?",
    competencies: ["scalability-production"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "Runs under a production server (gunicorn or uWSGI for WSGI; uvicorn, daphne or granian for ASGI), not runserver",
      "Puts a reverse proxy or load balancer in front for TLS and buffering",
      "Runs collectstatic at build time and serves static files via WhiteNoise, the proxy or a CDN",
      "Runs migrations as a separate release step, with code compatible with both schema versions",
      "Builds one immutable artefact (container image) configured through environment variables",
      "Has health checks and a way to roll back",
    ],
    redFlags: [
      "Uses manage.py runserver in production",
      "Applies migrations by hand over SSH as the normal process",
    ],
    followUps: [
      "Three containers start at once and each runs migrate. What could go wrong?",
      "How would you roll back a release that included a migration?",
    ],
    rubric: {
      default: {
        1: "Would run runserver on a VM.",
        2: "Knows gunicorn but is vague about static files, migrations or rollback.",
        3: "Production server behind a proxy, collectstatic and static serving, migrations as a release step, health checks.",
        4: "Also covers schema compatibility across releases, zero-downtime rollouts, immutable images and rollback strategy.",
      },
      junior: {
        1: "Has only ever used runserver and does not know it is unsuitable.",
        2: "Knows runserver is for development but not what replaces it.",
        3: "Names gunicorn or similar, knows collectstatic and that migrations must run on deploy.",
        4: "Also explains environment-variable configuration or health checks.",
      },
    },
  },
  {
    id: "scalability-works-locally-fails-in-staging",
    area: "scalability-production",
    title: "Works locally, fails in staging",
    prompt:
      "A feature you built works on your laptop, but on staging the page returns a 500 and images do not load. How would you work out what is different and fix it?",
    competencies: ["scalability-production", "communication-collaboration"],
    levels: ["junior", "mid"],
    suggestedMinutes: 7,
    signals: [
      "Reads staging logs or the error tracker for the actual traceback before guessing",
      "Compares settings and environment variables between the two environments",
      "Checks that migrations have run on staging",
      "Knows static files need collectstatic and something to serve them once DEBUG is off",
      "Checks dependency versions match (lock file or the same image)",
      "Reproduces locally with production-like settings such as DEBUG = False",
      "Asks for help with a clear summary after a time-boxed attempt",
    ],
    redFlags: [
      "Changes code at random and redeploys without reading any error output",
      "Blames the environment and stops investigating",
    ],
    followUps: [
      "The logs show a missing table. What happened?",
      "How would you stop this class of problem reaching staging again?",
    ],
    rubric: {
      default: {
        1: "Has no approach beyond redeploying.",
        2: "Looks at logs but does not think about configuration differences.",
        3: "Systematic: logs, settings, migrations, static files, dependency versions, local reproduction.",
        4: "Also proposes prevention (parity, CI checks, deploy steps) and communicates findings clearly.",
      },
    },
  },
  {
    id: "scalability-observability",
    area: "scalability-production",
    title: "Logging, metrics and tracing",
    prompt:
      "What would you put in place so that, when a Django service misbehaves in production, you can tell what happened? Cover logs, metrics and error tracking.",
    competencies: ["scalability-production", "databases-performance"],
    levels: ["mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "Configures LOGGING to emit structured (JSON) logs to stdout",
      "Adds a request or correlation id via middleware and includes it in every log record",
      "Uses error tracking with release tags and scrubbing of personal data",
      "Tracks request rate, errors and duration, plus database and queue metrics, and alerts on symptoms",
      "Adds tracing (e.g. OpenTelemetry) across web, workers and external calls",
      "Keeps secrets and personal data out of logs",
    ],
    redFlags: ["Relies on print statements", "Alerts on everything until people ignore alerts"],
    followUps: [
      "How would you follow one user's request from the web process into a Celery task?",
      "Which three alerts would you set up first?",
    ],
    rubric: {
      default: {
        1: "Only knows to look at server logs by hand.",
        2: "Uses an error tracker but no structured logs or metrics.",
        3: "Structured logs with request ids, error tracking, key metrics and symptom-based alerts.",
        4: "Also covers tracing across async boundaries, alert quality, data scrubbing and using the data in reviews.",
      },
    },
  },
];
