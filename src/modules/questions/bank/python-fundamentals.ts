import type { TQuestionSeed } from "./question-seed.schema.js";

export const pythonFundamentalsQuestions: readonly TQuestionSeed[] = [
  {
    id: "python-decorators",
    area: "python-fundamentals",
    title: "Decorators and where Django uses them",
    prompt:
      "Tell me what actually happens when you put @something on the line above a def. Then sketch, in code or in words, a decorator of your own that only lets staff users into a Django view, and name a few decorators that Django itself ships with.",
    competencies: ["python-fundamentals", "django-architecture"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "A decorator is a callable that receives a function and returns a replacement, applied once at definition time",
      "Wrapper accepts *args/**kwargs and returns the wrapped function's result",
      "Uses functools.wraps to keep __name__, the docstring and __wrapped__",
      "Names Django decorators such as login_required, permission_required, require_POST or cache_page",
      "Knows class-based views need method_decorator or a mixin such as UserPassesTestMixin",
      "Can write a decorator that takes arguments as a factory returning the real decorator",
    ],
    redFlags: [
      "Believes the decorator itself re-runs on every call instead of wrapping once at import",
      "Wrapper drops the request argument or the return value",
      "Cannot name any decorator seen in a real Django codebase",
    ],
    followUps: [
      "The check now needs a parameter, say a group name. How does the structure change?",
      "What goes wrong in tracebacks, tests or tooling if functools.wraps is left out?",
      "How would you apply the same check to a class-based view?",
      "When would middleware or a DRF permission class be a better home for this rule?",
    ],
    rubric: {
      default: {
        1: "Cannot explain what a decorator does, or confuses it with inheritance or type hints; no working sketch.",
        2: "Describes wrapping loosely and knows login_required, but the sketch loses arguments or the return value and wraps is unknown.",
        3: "Writes a correct wrapper with *args/**kwargs and functools.wraps, names several Django decorators and knows the class-based view equivalent.",
        4: "Adds parameterised decorators, stacking order and a reasoned choice between decorator, mixin, permission class and middleware.",
      },
      junior: {
        1: "No idea what the @ line does and no example from Django.",
        2: "Knows login_required protects a view but cannot describe how a wrapper function works.",
        3: "Explains a function that wraps another, sketches a wrapper that calls through and returns, and names login_required.",
        4: "Also uses functools.wraps unprompted and knows class-based views need a different approach.",
      },
      senior: {
        1: "Cannot produce a working decorator or explain when it is applied.",
        2: "Correct basic wrapper but nothing on arguments, stacking order or when a decorator is the wrong tool.",
        3: "Parameterised decorator with wraps, correct stacking order, method_decorator, and the middleware or permission-class alternative.",
        4: "Also reasons about keeping access rules discoverable and testable across a large codebase, e.g. centralising policy rather than scattering decorators.",
      },
    },
  },
  {
    id: "python-comprehensions-vs-generators",
    area: "python-fundamentals",
    title: "List comprehensions vs generators",
    prompt:
      "You need the total of one column across a two-million-line CSV export. Compare building a list with square brackets to using a generator expression or a generator function for this job. What changes in memory use, in when the work happens, and in what you can still do with the result afterwards?",
    competencies: ["python-fundamentals"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 7,
    signals: [
      "A list comprehension builds every element in memory straight away",
      "A generator produces values lazily, one per request from the consumer",
      "A generator can be consumed only once and has no len() or indexing",
      "Chooses a generator for the running total, e.g. sum(int(row[3]) for row in reader)",
      "Mentions yield and generator functions, not only parenthesised expressions",
      "Links the idea to Django: QuerySet.iterator() or StreamingHttpResponse for large outputs",
    ],
    redFlags: [
      "Claims generators are always faster in every situation",
      "Expects an exhausted generator to start again when iterated a second time",
      "Would read the whole file into a list without noticing the memory cost",
    ],
    followUps: [
      "If you need to go over the rows twice, what are your options?",
      "What does QuerySet.iterator() give you, and what does it give up?",
      "What happens to an open file if a generator reading it is never finished?",
    ],
    rubric: {
      default: {
        1: "Thinks the two forms are just different syntax for the same thing.",
        2: "Says generators save memory but cannot explain lazy evaluation or the single-pass limitation.",
        3: "Explains eager vs lazy evaluation, single use, and picks the generator for the streaming total with a correct sketch.",
        4: "Also connects to iterator(), chunked processing or streaming responses and discusses resource clean-up of unfinished generators.",
      },
      senior: {
        1: "Cannot explain lazy evaluation.",
        2: "Correct on memory but no link to processing large data in a Django system.",
        3: "Clear trade-offs plus QuerySet.iterator(chunk_size=...) and the fact that it skips the queryset result cache.",
        4: "Also covers generator pipelines (itertools), server-side cursors and their interaction with connection poolers, and streaming responses.",
      },
    },
  },
  {
    id: "python-deep-vs-shallow-copy",
    area: "python-fundamentals",
    title: "Shallow vs deep copies",
    prompt:
      "A teammate calls .copy() on a configuration dictionary that contains nested lists, changes one inner list inside a test, and unrelated tests start failing. Explain what went wrong and how you would fix it.",
    competencies: ["python-fundamentals"],
    levels: ["junior", "mid"],
    suggestedMinutes: 6,
    signals: [
      "dict.copy(), list slicing and copy.copy make a new outer container that still shares the nested objects",
      "Identifies that mutating the inner list changed the original dictionary as well",
      "Offers copy.deepcopy, which copies nested objects recursively",
      "Separates plain assignment (a second name for the same object) from any kind of copy",
      "Notes deepcopy costs time and some objects (locks, connections) cannot or should not be copied",
      "Suggests override_settings or building fresh data per test instead of mutating shared state",
    ],
    redFlags: [
      "Believes b = a produces an independent copy",
      "Cannot explain why only the nested value leaked between tests",
    ],
    followUps: [
      "How would you prove in the REPL that two names point to the same object?",
      "When is a deep copy the wrong fix?",
      "How do you give one Django test different settings without touching the others?",
    ],
    rubric: {
      default: {
        1: "Does not see a connection between the copy and the failing tests.",
        2: "Suspects the copy but cannot say which part is shared; suggests deepcopy only after a hint.",
        3: "Explains shared nested references, uses deepcopy correctly and distinguishes assignment from copying.",
        4: "Also discusses cost and limits of deepcopy, identity checks with is or id(), and avoiding shared mutable state in tests.",
      },
    },
  },
  {
    id: "python-mutable-default-arguments",
    area: "python-fundamentals",
    title: "Mutable default arguments",
    prompt:
      "Consider this helper: def add_tag(tag, tags=[]): tags.append(tag); return tags. Calling it three times with different tags gives a list that keeps growing. Why does that happen, how would you write it instead, and where can the same trap show up in Django models?",
    competencies: ["python-fundamentals", "orm-data-modelling"],
    levels: ["junior", "mid"],
    suggestedMinutes: 5,
    signals: [
      "Default values are evaluated once when the def runs, so every call shares the same list",
      "Rewrites with tags=None and creates a new list inside the function",
      "Knows dict and set defaults behave the same way",
      "For model fields uses a callable, e.g. JSONField(default=list) rather than default=[]",
      "Mentions that linters (ruff, flake8-bugbear) and Django's system checks flag these patterns",
    ],
    redFlags: [
      "Thinks Python creates a fresh default on each call",
      "Fixes it by copying the list at every call site",
    ],
    followUps: [
      "Why does Django want a callable rather than an instance for a JSONField default?",
      "Is a tuple default risky in the same way? Why or why not?",
    ],
    rubric: {
      default: {
        1: "Cannot explain the growing list.",
        2: "Knows it is a known gotcha and the None fix, but not why it happens.",
        3: "Explains evaluation at definition time, writes the None pattern and applies it to model field defaults.",
        4: "Also reasons about immutability, linters and system checks catching it, and similar shared-state bugs such as class attributes.",
      },
    },
  },
  {
    id: "python-context-managers",
    area: "python-fundamentals",
    title: "Context managers and with",
    prompt:
      "What does a with block promise you? Show how you would write your own context manager, once as a class and once with contextlib, and give an example of one you rely on in Django code.",
    competencies: ["python-fundamentals", "orm-data-modelling"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 6,
    signals: [
      "Explains __enter__ and __exit__, and that __exit__ runs even when the block raises",
      "Knows __exit__ can swallow an exception by returning a true value",
      "Writes a @contextlib.contextmanager generator with try/finally around the yield",
      "Gives Django examples: transaction.atomic, override_settings, assertNumQueries, translation.override",
      "Knows transaction.atomic works as both a decorator and a context manager",
    ],
    redFlags: [
      "Leaves out try/finally around yield, so cleanup is skipped on errors",
      "Thinks with exists only for opening files",
    ],
    followUps: [
      "What happens to the database work when an exception escapes a with transaction.atomic() block?",
      "How would you time a block of code and log it only when it is slow?",
      "When would you reach for contextlib.ExitStack?",
    ],
    rubric: {
      default: {
        1: "Only knows with open(...) and cannot say what it guarantees.",
        2: "Knows cleanup happens but cannot write a manager or misses the exception path.",
        3: "Writes both forms correctly, including try/finally, and names transaction.atomic with its rollback behaviour.",
        4: "Also covers exception suppression, ExitStack or async context managers, and nesting atomic blocks as savepoints.",
      },
      junior: {
        1: "Has not met with outside of files and cannot reason about it.",
        2: "Knows the file gets closed but not how.",
        3: "Explains that cleanup code runs even on errors and names transaction.atomic as a Django example.",
        4: "Also writes a small contextlib-based manager correctly.",
      },
    },
  },
  {
    id: "python-error-handling",
    area: "python-fundamentals",
    title: "Exceptions and error handling",
    prompt:
      "A Django view calls an external payment provider over HTTP. Show how you would deal with the ways that call can fail: what you catch, what you let bubble up, what you log and what the user sees.",
    competencies: ["python-fundamentals", "scalability-production"],
    levels: ["junior", "mid"],
    suggestedMinutes: 6,
    signals: [
      "Catches specific exceptions (timeout, connection error, HTTP error status) rather than a bare except",
      "Sets an explicit timeout on the outbound call",
      "Keeps the original traceback with raise ... from err or logger.exception",
      "Lets unexpected errors propagate to Django's error handling instead of hiding them",
      "Gives the user a clear response (retry message, 502 or 503) rather than a blank 500",
      "Keeps the try block small and uses else or finally where they help",
    ],
    redFlags: [
      "Wraps everything in except Exception: pass",
      "No timeout, so a slow provider can hold a worker indefinitely",
      "Logs card numbers, tokens or API keys as part of the error",
    ],
    followUps: [
      "The provider timed out but may have charged the card. What now?",
      "How would you define your own exception types for this integration?",
      "Where should retrying happen, in the view or somewhere else?",
    ],
    rubric: {
      default: {
        1: "Catches everything silently or does not think about failure at all.",
        2: "Catches a broad exception and logs it, but no timeout and unclear user outcome.",
        3: "Specific exceptions, a timeout, logging with traceback and a sensible response to the user.",
        4: "Also handles the unknown-outcome case (idempotency, reconciliation), custom exception hierarchy and moving retries to a background task.",
      },
    },
  },
  {
    id: "python-mro-and-mixins",
    area: "python-fundamentals",
    title: "Inheritance, MRO and mixins",
    prompt:
      "Django's class-based views are assembled from many small mixins. Explain how Python decides which method runs when two parents define the same one, and what super() really calls. Then tell me where LoginRequiredMixin goes relative to a generic view in the class definition, and why.",
    competencies: ["python-fundamentals", "django-architecture"],
    levels: ["mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "Describes the method resolution order (C3 linearisation) and inspects it with __mro__ or .mro()",
      "super() moves to the next class in the instance's MRO, not necessarily the direct parent",
      "Puts the mixin first: class InvoiceList(LoginRequiredMixin, ListView)",
      "Explains LoginRequiredMixin overrides dispatch(), so it must sit before the view to run first",
      "Cooperative methods call super() and pass **kwargs along",
      "Warns that deep mixin stacks make behaviour hard to trace",
    ],
    redFlags: [
      "Believes super() always means the immediate parent class",
      "Puts mixins after the base view and cannot explain the consequence",
    ],
    followUps: [
      "How would you find which class's get_context_data actually runs?",
      "When would you prefer composition over another mixin?",
    ],
    rubric: {
      default: {
        1: "No notion of method resolution order; guesses.",
        2: "Knows mixins go on the left by convention but cannot explain why.",
        3: "Explains the MRO, super() as next-in-MRO, and the dispatch() reason for mixin order.",
        4: "Also discusses cooperative multiple inheritance rules, debugging with the MRO and when to avoid mixins.",
      },
    },
  },
  {
    id: "python-concurrency-gil-async",
    area: "python-fundamentals",
    title: "GIL, threads, processes and async",
    prompt:
      "A view calls three slow external HTTP services one after another. Walk me through your options for speeding it up: threads, processes, asyncio. How does the GIL affect each option, and what does Django 5.2 actually give you for async views and async ORM calls?",
    competencies: ["python-fundamentals", "scalability-production"],
    levels: ["mid", "senior"],
    suggestedMinutes: 10,
    signals: [
      "The GIL stops CPython threads running bytecode in parallel, but blocking I/O releases it, so threads help I/O-bound work",
      "Uses processes or more workers for CPU-bound work",
      "Sketches an async def view using asyncio.gather with an async HTTP client such as httpx",
      "Knows async views only pay off under an ASGI server",
      "Knows async ORM methods (aget, acreate, async for) still run the query in a thread via sync_to_async",
      "Avoids blocking calls inside the event loop and uses sync_to_async where needed",
      "Suggests a background task if the user does not need the results right away",
    ],
    redFlags: [
      "Claims threads never help in Python because of the GIL",
      "Calls requests.get inside an async view",
      "Believes making a view async makes its ORM calls non-blocking database I/O",
    ],
    followUps: [
      "What happens if one of the three services hangs?",
      "What does an async view cost you when the project still runs under WSGI?",
      "How would middleware that is sync-only affect an async view?",
    ],
    rubric: {
      default: {
        1: "Cannot distinguish I/O-bound from CPU-bound work, or thinks the GIL makes concurrency impossible.",
        2: "Knows threads or asyncio could help, but is unclear on the GIL or Django's async limits.",
        3: "Accurate GIL model, a correct concurrent sketch with timeouts, and knows the ASGI requirement and thread-backed async ORM.",
        4: "Also weighs sync middleware adapters, connection handling in threads, free-threaded CPython builds and when a task queue is simpler.",
      },
    },
  },
];
