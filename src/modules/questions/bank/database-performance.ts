import type { TQuestionSeed } from "./question-seed.schema.js";

export const databasePerformanceQuestions: readonly TQuestionSeed[] = [
  {
    id: "performance-debugging-slow-app",
    area: "database-performance",
    title: "Debugging a slow Django app",
    prompt:
      "Users say the dashboard has got slower over the last month. You have the code, a staging copy of the data and production monitoring. Take me through how you would find the cause and prove that your fix worked.",
    competencies: ["databases-performance", "scalability-production"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 10,
    signals: [
      "Reproduces and takes a baseline measurement before changing anything",
      "Uses Django Debug Toolbar or django-silk on staging to count and time queries",
      "Uses APM traces or database statistics (pg_stat_statements, slow query log) in production",
      "Looks for N+1 patterns, missing indexes, oversized result sets and slow external calls",
      "Reads query plans with queryset.explain() or EXPLAIN ANALYZE",
      "Profiles Python time (cProfile, py-spy) when the database is not the bottleneck",
      "Confirms the fix with the same measurement and adds a guard such as an assertNumQueries test or an alert",
    ],
    redFlags: [
      "Guesses and adds caching before measuring",
      "Only ever tests against a tiny local dataset",
      "Turns on DEBUG in production to investigate",
    ],
    followUps: [
      "What changed over the month that could explain gradual slowdown?",
      "The database looks fine. What else could it be?",
      "How would you share your findings with the team?",
    ],
    rubric: {
      default: {
        1: "Would change code at random or only suggest more hardware.",
        2: "Names a tool but has no systematic approach or no way to confirm the fix.",
        3: "Measures first, narrows down with the right tools in each environment, fixes and verifies.",
        4: "Also reasons about data growth, plan changes, non-database causes and lasting guards against regressions.",
      },
      junior: {
        1: "Has no idea how to start.",
        2: "Would read the code looking for something slow, with no tools.",
        3: "Uses the debug toolbar to see query counts and times, and recognises repeated queries.",
        4: "Also mentions indexes or profiling and checks the fix with the same measurement.",
      },
    },
  },
  {
    id: "performance-select-vs-prefetch-related",
    area: "database-performance",
    title: "select_related vs prefetch_related",
    prompt:
      "A template loops over 50 orders and prints each order's customer name and the names of the products on it. The page runs more than 100 queries. Explain why, then tell me whether you would use select_related or prefetch_related for each relation and what SQL each produces.",
    competencies: ["databases-performance", "orm-data-modelling"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "Names the N+1 pattern: one query for the orders plus one per order for each relation",
      "select_related follows ForeignKey and OneToOne relations with a SQL JOIN in the same query",
      "prefetch_related runs a separate query per relation and stitches results together in Python",
      "Uses prefetch_related for many-to-many and reverse foreign keys such as order lines",
      "Uses Prefetch('lines', queryset=...) and to_attr to filter or order prefetched rows",
      "Knows calling .filter() on a prefetched relation ignores the cache and queries again",
      "Predicts the query count after the fix (about three)",
    ],
    redFlags: [
      "Says the two are interchangeable",
      "Applies select_related to a many-to-many relation",
      "Believes prefetch_related performs one big JOIN",
    ],
    followUps: [
      "How would you follow order -> lines -> product in one prefetch?",
      "When can select_related make things slower?",
      "How would you confirm the query count in a test?",
    ],
    rubric: {
      default: {
        1: "Cannot explain why the page runs so many queries.",
        2: "Knows both methods exist but mixes up which fits which relation or how each works.",
        3: "Explains N+1, JOIN vs separate query with Python joining, and picks correctly for each relation.",
        4: "Also uses Prefetch objects, knows cache-bypassing pitfalls, wide-JOIN costs and locks the fix in with a test.",
      },
      junior: {
        1: "Has never heard of either method.",
        2: "Has used one of them without knowing what it does.",
        3: "Explains the repeated queries and uses select_related for the customer and prefetch_related for the products.",
        4: "Also describes the SQL each one runs.",
      },
    },
  },
  {
    id: "performance-indexing",
    area: "database-performance",
    title: "Database indexes",
    prompt:
      "A query filters orders by customer and sorts them by creation date, and it is slow on a large table. How do you decide whether an index would help and which one to add, and how do you declare it in Django? What does an index cost?",
    competencies: ["databases-performance", "orm-data-modelling"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "Checks the plan with explain() or EXPLAIN for sequential scans and sort steps",
      "Proposes a composite index on (customer, created_at) and knows column order matters",
      "Declares it with Meta.indexes = [models.Index(...)] or db_index=True",
      "Knows Django indexes ForeignKey columns by default",
      "Names the costs: slower writes, disk space, and unused indexes to drop",
      "Knows partial indexes (condition=Q(...)) and expression indexes",
      "Builds indexes concurrently on large live tables",
    ],
    redFlags: [
      "Indexes every column just in case",
      "Assumes the planner always uses an index once it exists",
    ],
    followUps: [
      "Most queries only look at unpaid orders. Can you make the index smaller?",
      "The index exists but the plan still shows a sequential scan. Why might that be?",
    ],
    rubric: {
      default: {
        1: "Does not know what an index does.",
        2: "Would add an index but cannot pick columns or confirm it helps.",
        3: "Reads a plan, chooses a composite index in the right order, declares it in Meta and knows the costs.",
        4: "Also uses partial or expression indexes, concurrent builds, and explains planner choices and statistics.",
      },
      junior: {
        1: "Cannot say what an index is.",
        2: "Knows indexes speed up reads but not how to add one in Django.",
        3: "Explains the idea, adds db_index or Meta.indexes on the filtered column and knows writes get slower.",
        4: "Also suggests a composite index or checking the plan with explain().",
      },
    },
  },
  {
    id: "performance-fetch-only-what-you-need",
    area: "database-performance",
    title: "Fetching only what you need",
    prompt:
      "What is wasteful in each of these, and what would you write instead? First: if len(User.objects.filter(active=True)) > 0. Second: list(User.objects.all()) just to collect email addresses. Third: Order.objects.count() called three times while rendering one page.",
    competencies: ["databases-performance", "orm-data-modelling"],
    levels: ["junior", "mid"],
    suggestedMinutes: 6,
    signals: [
      "Replaces len(...) > 0 with .exists()",
      "Uses values_list('email', flat=True) so no model instances are built",
      "Knows count() runs SELECT COUNT(*) each time unless the queryset was already evaluated; stores the result once",
      "Mentions only() and defer() for wide rows and the extra query when a deferred field is read",
      "Uses iterator() for very large result sets to avoid caching every row",
      "Knows len() is fine when the rows are needed anyway",
    ],
    redFlags: [
      "Believes the ORM fetches only the columns you later use",
      "Answers every case with 'add caching'",
    ],
    followUps: [
      "When is len() better than count()?",
      "What surprising cost can defer() introduce inside a loop?",
    ],
    rubric: {
      default: {
        1: "Sees nothing wrong with the snippets.",
        2: "Fixes one case, e.g. exists(), but not the others.",
        3: "Fixes all three with exists(), values_list and a single count, and explains why.",
        4: "Also covers only()/defer() pitfalls, iterator() and when evaluating once and reusing beats separate queries.",
      },
    },
  },
  {
    id: "performance-caching-strategy",
    area: "database-performance",
    title: "Caching strategy and invalidation",
    prompt:
      "A product catalogue page is read thousands of times a minute but changes only a few times a day. Describe the caching options Django gives you, which layers you would use here, and how you keep cached data from going stale.",
    competencies: ["databases-performance", "scalability-production"],
    levels: ["mid", "senior"],
    suggestedMinutes: 10,
    signals: [
      "Names shared backends (built-in RedisCache, Memcached) and why LocMemCache is per process",
      "Compares per-site, per-view (cache_page), template fragment and low-level cache.get/set",
      "Builds keys that include everything the output varies on (language, user, version) and uses Vary headers",
      "Invalidates on write (delete or version keys on save) or chooses a short TTL on purpose",
      "Deals with stampedes: get_or_set, locking, or serving stale while refreshing",
      "Uses HTTP caching or a CDN for anonymous traffic",
    ],
    redFlags: ["Caches personalised pages under a shared key", "Has no plan for invalidation"],
    followUps: [
      "A price changes and the page still shows the old one. How do you debug it?",
      "What happens to your site when the cache server goes down?",
    ],
    rubric: {
      default: {
        1: "Does not know Django's cache framework.",
        2: "Would add cache_page but ignores keys, personalisation and invalidation.",
        3: "Picks suitable layers and backend, designs keys and an invalidation or TTL policy.",
        4: "Also handles stampedes, cache outages, CDN and HTTP caching and measures hit rates.",
      },
    },
  },
  {
    id: "performance-bulk-operations",
    area: "database-performance",
    title: "Bulk writes and their trade-offs",
    prompt:
      "A nightly import updates prices for 500,000 products and takes hours because it calls save() on every one. How would you speed it up with the ORM, and what behaviour do you give up when you do?",
    competencies: ["databases-performance", "orm-data-modelling"],
    levels: ["mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "Uses bulk_update or bulk_create with batch_size, or queryset.update() for uniform changes",
      "Knows these skip custom save() logic and pre_save/post_save signals",
      "Knows bulk_create sets primary keys only on some backends (PostgreSQL, MariaDB, SQLite 3.35+)",
      "Uses update_conflicts or ignore_conflicts on bulk_create for upserts",
      "Reads existing rows in chunks (in_bulk, iterator) instead of loading everything",
      "Sizes transactions per batch to limit lock time and memory",
      "Considers COPY or raw SQL for the largest loads",
    ],
    redFlags: [
      "Unaware that signals and save() overrides are skipped",
      "Loads all 500,000 objects into memory without thinking",
    ],
    followUps: [
      "A post_save receiver keeps a search index in sync. What happens now?",
      "How would you make the import safe to re-run after a crash halfway?",
    ],
    rubric: {
      default: {
        1: "Would keep calling save() and run the job on a bigger machine.",
        2: "Knows bulk_update but not what it skips.",
        3: "Correct bulk approach with batching, aware of skipped hooks and signals, memory-conscious reads.",
        4: "Also designs upserts, re-runnable batches, transaction sizing and handling of side effects previously done in signals.",
      },
    },
  },
  {
    id: "performance-database-connections",
    area: "database-performance",
    title: "Database connections under load",
    prompt:
      "After scaling from 4 to 40 application containers, PostgreSQL begins refusing connections. Explain how Django manages database connections and what you would change.",
    competencies: ["databases-performance", "scalability-production"],
    levels: ["senior"],
    suggestedMinutes: 10,
    signals: [
      "Django opens a connection per thread and closes it at request end unless CONN_MAX_AGE keeps it",
      "Works out the total: containers x worker processes x threads, compared with max_connections",
      "Knows Django 5.1+ can use psycopg 3 pooling through OPTIONS {'pool': ...} on PostgreSQL",
      "Uses PgBouncer and knows transaction pooling needs DISABLE_SERVER_SIDE_CURSORS and no session state",
      "Mentions CONN_HEALTH_CHECKS for persistent connections",
      "Looks for long-running or idle-in-transaction sessions from workers and scripts",
    ],
    redFlags: [
      "Just raises max_connections without regard to memory",
      "Cannot say how many connections a worker holds",
    ],
    followUps: [
      "Which settings would you change first, and how would you roll them out safely?",
      "What does a server-side cursor have to do with PgBouncer?",
    ],
    rubric: {
      default: {
        1: "Does not know Django holds database connections per worker.",
        2: "Suggests a pooler but cannot explain the connection arithmetic or caveats.",
        3: "Explains Django's connection lifecycle, does the arithmetic and proposes pooling with its caveats.",
        4: "Also covers transaction-pooling side effects, idle-in-transaction sessions, health checks and capacity planning.",
      },
    },
  },
];
