import type { TQuestionSeed } from "./question-seed.schema.js";

export const ormDataModellingQuestions: readonly TQuestionSeed[] = [
  {
    id: "orm-how-it-works",
    area: "orm-data-modelling",
    title: "How the ORM turns code into SQL",
    prompt:
      "Describe what happens between writing Order.objects.filter(status='paid').order_by('-created_at')[:10] and rows coming back from the database. At what moment does SQL actually run, and how can you see the SQL that was produced?",
    competencies: ["orm-data-modelling"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "Explains the roles of the model class, the manager (objects) and the QuerySet",
      "QuerySets are lazy: chaining builds up a query and nothing runs until evaluation",
      "Lists what triggers evaluation: iteration, list(), len(), bool(), repr, slicing with a step",
      "Slicing becomes LIMIT/OFFSET in SQL instead of fetching every row",
      "An evaluated queryset caches its rows; filtering it again creates a new query",
      "Shows the SQL with str(qs.query), connection.queries under DEBUG, the debug toolbar or qs.explain()",
      "Values are sent as query parameters rather than pasted into the SQL string",
    ],
    redFlags: [
      "Thinks each chained filter() call hits the database",
      "Believes the ORM loads the whole table and filters in Python",
    ],
    followUps: [
      "What happens if you loop over the same queryset twice? And over qs.all() twice?",
      "When would you drop down to raw SQL, and how would you do it safely?",
      "How does a related-object access inside a loop change the query count?",
    ],
    rubric: {
      default: {
        1: "Sees the ORM as magic and cannot say when a query runs.",
        2: "Knows querysets are lazy but cannot list what evaluates them or how to see the SQL.",
        3: "Explains manager and queryset, laziness, evaluation triggers, slicing to LIMIT and how to inspect SQL.",
        4: "Also covers the result cache, query compilation, parameterisation and how lazy evaluation leads to N+1 problems.",
      },
      junior: {
        1: "Cannot explain what objects.filter returns.",
        2: "Knows filter returns rows but not that the query is deferred.",
        3: "Explains that the query runs only when the results are used, and that the ORM writes SQL for you.",
        4: "Also shows how to print the SQL or mentions LIMIT from slicing.",
      },
    },
  },
  {
    id: "orm-queryset-lookups",
    area: "orm-data-modelling",
    title: "Filtering and lookups",
    prompt:
      "With a Book model that has a foreign key to Author, write the queries for: every book by an author from Norway published after 2020; the one book with a given ISBN; and whether any book has no author at all. What errors or edge cases should the calling code expect?",
    competencies: ["orm-data-modelling"],
    levels: ["junior", "mid"],
    suggestedMinutes: 6,
    signals: [
      "Uses double-underscore lookups across the relation, e.g. author__country='NO', published__year__gt=2020",
      "Uses get() for one row and handles DoesNotExist and MultipleObjectsReturned, or get_object_or_404",
      "Answers the yes/no question with filter(author__isnull=True).exists()",
      "Knows filter() gives a possibly empty QuerySet while get() raises",
      "Knows first() returns None instead of raising",
      "Uses Q objects for OR conditions",
    ],
    redFlags: [
      "Loops over every book in Python to apply the conditions",
      "Uses get() where several rows can match and ignores the exception",
    ],
    followUps: [
      "How would you find books by Norwegian or Swedish authors?",
      "Why would an ISBN lookup need a unique constraint?",
    ],
    rubric: {
      default: {
        1: "Cannot write a filter that crosses the relation.",
        2: "Writes the filters but misuses get() or counts rows to check existence.",
        3: "Correct lookups across relations, get() with error handling and exists() for the yes/no check.",
        4: "Also uses Q for OR, explains first() vs get(), and ties ISBN uniqueness to a database constraint.",
      },
    },
  },
  {
    id: "orm-migrations-in-a-team",
    area: "orm-data-modelling",
    title: "Migrations in a team",
    prompt:
      "Describe how you work with Django migrations day to day. Then: you pull main and find that you and a colleague have each added a migration numbered 0042 in the same app, and migrate refuses to run. What happened, how do you fix it, and what habits keep this rare?",
    competencies: ["orm-data-modelling", "communication-collaboration"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 10,
    signals: [
      "makemigrations writes migration files from model changes; migrate applies them and records them in django_migrations",
      "Migration files are committed and reviewed like any other code",
      "Identifies the cause: two leaf migrations with the same parent",
      "Resolves with makemigrations --merge, or by regenerating one branch's migration on top of the other",
      "Checks whether the two migrations touch the same fields before merging",
      "Runs makemigrations --check in CI to catch model changes without migrations",
      "Reads the SQL with sqlmigrate and knows squashmigrations for long histories",
    ],
    redFlags: [
      "Edits or deletes migrations already applied in shared environments",
      "Uses --fake to make the error go away without understanding it",
      "Does not commit migration files",
    ],
    followUps: [
      "When is it safe to regenerate a migration instead of merging?",
      "What does squashing give you, and what must be true before you delete the old files?",
      "How do you tell the rest of the team about a migration that needs special care on deploy?",
    ],
    rubric: {
      default: {
        1: "Does not know the difference between makemigrations and migrate.",
        2: "Knows the commands but has no clear way to resolve the conflict.",
        3: "Explains the graph conflict, fixes it with --merge or regeneration after checking for overlap, and uses a CI check.",
        4: "Also covers squashing, reviewing SQL, deploy ordering and team conventions that keep migrations small.",
      },
      junior: {
        1: "Has never run migrations.",
        2: "Runs makemigrations and migrate but does not understand what the files are.",
        3: "Explains the two commands, commits migration files and knows --merge exists for this conflict or would ask before changing history.",
        4: "Also checks whether the merged migrations collide and suggests the CI check.",
      },
      senior: {
        1: "Cannot explain the migration graph.",
        2: "Fixes the conflict but has no process view.",
        3: "Fixes it correctly and sets team habits: CI checks, small migrations, sqlmigrate review, squashing policy.",
        4: "Also designs deploy-safe migrations (expand and contract), migration linting and clear ownership of risky schema changes.",
      },
    },
  },
  {
    id: "orm-data-migrations",
    area: "orm-data-modelling",
    title: "Data migrations with RunPython",
    prompt:
      "You are replacing a full_name field with first_name and last_name on a table of a few million rows. Walk me through the migrations you would write, how the existing data moves across, and how you keep the change reversible.",
    competencies: ["orm-data-modelling", "scalability-production"],
    levels: ["mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "Separates adding the new columns, moving the data, and removing full_name later",
      "Uses RunPython with apps.get_model to get the historical model, not an import of the current class",
      "Supplies reverse_code, or RunPython.noop when skipping the reverse is safe",
      "Moves rows in batches (iterator plus bulk_update with batch_size) rather than one giant save() loop",
      "Considers atomic = False or a separate backfill command for very large tables",
      "Keeps old and new fields in sync during the deploy window (expand, then contract)",
    ],
    redFlags: [
      "Imports the live model class inside the migration",
      "Drops full_name in the same release that adds the new fields",
      "Calls save() for millions of rows with no batching",
    ],
    followUps: [
      "Why do custom model methods not exist on the historical model?",
      "What is the risk of wrapping the whole backfill in one transaction?",
      "How do you split names that do not fit the two-field shape?",
    ],
    rubric: {
      default: {
        1: "Would edit the data by hand in production or does not know data migrations exist.",
        2: "Writes a RunPython function but imports the live model or ignores reversibility.",
        3: "Separate schema and data steps, historical models, reverse code and batching.",
        4: "Also plans the expand and contract deploy sequence, lock and transaction size, and edge cases in the data.",
      },
    },
  },
  {
    id: "orm-zero-downtime-migrations",
    area: "orm-data-modelling",
    title: "Schema changes without downtime",
    prompt:
      "The orders table has 80 million rows and the application cannot go down. Product wants a new required field and an index on (customer_id, created_at). How would you ship this with Django migrations, and which locks or timeouts worry you?",
    competencies: ["orm-data-modelling", "scalability-production", "databases-performance"],
    levels: ["senior"],
    suggestedMinutes: 12,
    signals: [
      "Knows which PostgreSQL operations take strong locks or rewrite the table, e.g. changing a column type",
      "Expand and contract: add the column nullable, deploy code that writes it, backfill in batches, then enforce NOT NULL",
      "Builds the index with AddIndexConcurrently in a migration marked atomic = False",
      "Sets lock_timeout or statement_timeout so a blocked migration fails fast instead of queueing traffic",
      "Uses AddConstraintNotValid then ValidateConstraint for constraints on large tables",
      "Orders releases so the old code keeps working against the new schema",
      "Reads the generated SQL with sqlmigrate before running it",
    ],
    redFlags: [
      "Runs a plain AddIndex on a hot table at peak time",
      "Assumes migrations are instant because they were quick locally",
      "Has no rollback plan",
    ],
    followUps: [
      "The concurrent index build fails halfway. What state are you in and what do you do?",
      "How does db_default differ from default for this change?",
      "How would you rehearse the migration before production?",
    ],
    rubric: {
      default: {
        1: "Would run the naive migration during business hours.",
        2: "Knows big tables are risky but lacks concrete techniques.",
        3: "Expand and contract plan, concurrent index, batched backfill, lock timeouts and release ordering.",
        4: "Also handles failed concurrent builds (invalid indexes), NOT VALID constraints, rehearsal on production-sized data and monitoring during rollout.",
      },
    },
  },
  {
    id: "orm-modelling-relationships",
    area: "orm-data-modelling",
    title: "Modelling relationships",
    prompt:
      "Model a small course platform: students, courses, and enrolments that record when the student joined and their final grade. Which fields and relationships would you use, and what should happen to enrolments when a course is deleted?",
    competencies: ["orm-data-modelling"],
    levels: ["junior", "mid"],
    suggestedMinutes: 8,
    signals: [
      "ForeignKey for one-to-many, ManyToManyField for many-to-many",
      "Uses an explicit through model (Enrolment) to hold the join date and grade",
      "Chooses on_delete on purpose (CASCADE, PROTECT, SET_NULL) and explains the consequence",
      "Sets related_name for readable reverse access",
      "Adds a UniqueConstraint on (student, course) to stop duplicate enrolments",
      "Mentions a custom user model set up at the start of the project",
    ],
    redFlags: [
      "Stores course ids as a comma-separated string",
      "Uses CASCADE everywhere without considering lost data",
    ],
    followUps: [
      "Grades must survive even if a course is retired. How does that change on_delete?",
      "How would you list a student's courses with their grades efficiently?",
    ],
    rubric: {
      default: {
        1: "Cannot choose between a foreign key and a many-to-many relation.",
        2: "Picks the right relations but puts the extra data in the wrong place or ignores on_delete.",
        3: "Through model with the extra fields, deliberate on_delete, related_name and a uniqueness constraint.",
        4: "Also thinks about history (soft delete or PROTECT), query patterns and indexes for the expected reads.",
      },
    },
  },
  {
    id: "orm-constraints-and-integrity",
    area: "orm-data-modelling",
    title: "Constraints and data integrity",
    prompt:
      "You are designing models for meeting-room bookings. Two bookings for the same room must not overlap, the end must be after the start, and room names are unique within an office. Which rules would you enforce in Python, which in the database, and how does Django let you declare them?",
    competencies: ["orm-data-modelling", "databases-performance"],
    levels: ["mid", "senior"],
    suggestedMinutes: 10,
    signals: [
      "Enforces invariants in the database because application-level checks race under concurrency",
      "Declares UniqueConstraint(fields=['office', 'name']) in Meta.constraints",
      "Declares CheckConstraint(condition=Q(end__gt=F('start'))) for end after start",
      "Knows overlaps need a PostgreSQL ExclusionConstraint on a range (or explicit locking), which a unique constraint cannot express",
      "Knows full_clean() validates constraints but save() does not call full_clean()",
      "Catches IntegrityError at the write to return a clear message",
    ],
    redFlags: [
      "Relies only on check-then-insert in Python to prevent overlaps",
      "Unaware that save() skips model validation",
    ],
    followUps: [
      "What extension does the exclusion constraint need to compare room ids with equality?",
      "How do you show a friendly error when the constraint fires in a DRF endpoint?",
    ],
    rubric: {
      default: {
        1: "Would enforce everything in views with if statements.",
        2: "Uses unique constraints but handles the overlap rule only in Python.",
        3: "Database constraints for all three rules including an exclusion constraint or locking for overlaps, plus error handling.",
        4: "Also covers btree_gist, half-open ranges, validation messages via full_clean, and migration impact of adding constraints to existing data.",
      },
    },
  },
  {
    id: "orm-f-expressions-lost-updates",
    area: "orm-data-modelling",
    title: "F expressions and lost updates",
    prompt:
      "A view bumps a counter with post.views += 1 followed by post.save(). Under load, the totals come out too low. Explain why, and give at least two ways to fix it with Django.",
    competencies: ["orm-data-modelling", "databases-performance"],
    levels: ["mid", "senior"],
    suggestedMinutes: 7,
    signals: [
      "Identifies the read-modify-write race: two requests read the same value and both write value + 1",
      "Uses F('views') + 1 with queryset update() or on the instance so the database does the arithmetic",
      "Knows the instance holds the expression after save until refresh_from_db()",
      "Uses select_for_update inside a transaction when the current value is needed in Python",
      "Uses save(update_fields=[...]) so other columns are not overwritten",
      "Suggests a cache counter (Redis INCR) flushed periodically for very hot rows",
    ],
    redFlags: [
      "Thinks wrapping the code in atomic alone fixes the race",
      "Suggests a threading.Lock, which means nothing across processes",
    ],
    followUps: [
      "Why does a full save() risk overwriting a change made by another request to a different field?",
      "What locking does select_for_update take, and when is it released?",
    ],
    rubric: {
      default: {
        1: "Cannot explain why the count is low.",
        2: "Sees a race but proposes an ineffective fix such as atomic alone or a Python lock.",
        3: "Explains the race and fixes it with F() and update, or with select_for_update, knowing the trade-offs.",
        4: "Also addresses update_fields, refresh_from_db, lock contention on hot rows and an out-of-database counter design.",
      },
    },
  },
  {
    id: "orm-aggregation-annotation",
    area: "orm-data-modelling",
    title: "Aggregation and annotation",
    prompt:
      "An admin report needs every author with the number of their published books and the average rating of those books, plus the overall number of published books. How would you write this with the ORM, and what common mistake makes the numbers come out too high?",
    competencies: ["orm-data-modelling", "databases-performance"],
    levels: ["mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "annotate() adds a value per row; aggregate() returns a single dictionary",
      "Uses Count('books', filter=Q(books__published=True)) and Avg with the same filter",
      "Knows annotating across two multi-valued relations multiplies joined rows and inflates counts",
      "Fixes inflation with distinct=True for counts or Subquery/OuterRef for sums and averages",
      "Keeps the work in SQL rather than looping in Python",
      "Knows the position of values() relative to annotate() changes the grouping",
    ],
    redFlags: [
      "Counts books per author with a query inside a Python loop",
      "Does not notice inflated numbers when two joins are combined",
    ],
    followUps: [
      "Now add the number of reviews per author as well. What breaks?",
      "How would you check the SQL the ORM generated for this report?",
    ],
    rubric: {
      default: {
        1: "Would compute the report in Python with one query per author.",
        2: "Uses annotate but with errors in filtering or confuses annotate with aggregate.",
        3: "Correct annotate and aggregate with filtered aggregates and awareness of join inflation.",
        4: "Also fixes inflation with subqueries, explains grouping with values(), and checks the SQL and plan.",
      },
    },
  },
  {
    id: "orm-transactions-and-locking",
    area: "orm-data-modelling",
    title: "Transactions and row locking",
    prompt:
      "Moving credit between two accounts means lowering one balance and raising another. Show how you would keep this correct in Django when two requests touch the same accounts at the same moment. Which transaction tools does Django offer, and what are their traps?",
    competencies: ["orm-data-modelling", "databases-performance"],
    levels: ["mid", "senior"],
    suggestedMinutes: 10,
    signals: [
      "Wraps both updates in transaction.atomic so they commit or roll back together",
      "Knows Django runs in autocommit by default and ATOMIC_REQUESTS exists with its own costs",
      "Uses select_for_update() inside the atomic block, or F() expressions, to avoid lost updates",
      "Locks rows in a consistent order (e.g. by primary key) to avoid deadlocks",
      "Uses transaction.on_commit for emails or task enqueueing",
      "Knows catching a database error inside atomic needs a nested atomic (savepoint) to keep the transaction usable",
      "Adds a CheckConstraint (balance >= 0) as a last line of defence",
    ],
    redFlags: [
      "Reads the balance into Python, changes it and saves with no lock or F()",
      "Believes atomic alone stops concurrent lost updates",
      "Enqueues a task inside the transaction that reads rows not yet committed",
    ],
    followUps: [
      "What happens to select_for_update outside a transaction?",
      "Two transfers lock A then B and B then A. What happens and how do you prevent it?",
      "How would you test this concurrency behaviour?",
    ],
    rubric: {
      default: {
        1: "No awareness that concurrent requests can corrupt balances.",
        2: "Uses atomic but believes it prevents every race.",
        3: "atomic plus row locks or F(), on_commit for side effects, and awareness of deadlocks.",
        4: "Also covers lock ordering, savepoints, isolation levels, database constraints and how to test it.",
      },
    },
  },
];
