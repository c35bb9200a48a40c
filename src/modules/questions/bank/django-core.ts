import type { TQuestionSeed } from "./question-seed.schema.js";

export const djangoCoreQuestions: readonly TQuestionSeed[] = [
  {
    id: "django-mvt-request-flow",
    area: "django-core",
    title: "MVT and the life of a request",
    prompt:
      "A browser asks for /orders/42/. Trace what Django does from the moment the request reaches the application server until HTML goes back, and say where the model, the view and the template each come in. How does this line up with the MVC names used by other frameworks?",
    competencies: ["django-architecture"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "A WSGI or ASGI handler turns the incoming call into an HttpRequest",
      "The request passes through middleware on the way in, and the response passes back through it in reverse",
      "URL patterns from ROOT_URLCONF are matched and path converters pass captured values to the view",
      "The view loads data through the model layer, builds a context and renders a template into an HttpResponse",
      "Maps the roles: model holds data and rules, template presents, view decides what to show (the framework itself plays controller)",
      "Handles a missing order with get_object_or_404 or Http404",
    ],
    redFlags: [
      "Treats templates as the place to run queries or business rules",
      "Cannot say where URL routing happens",
      "Describes the flow with no mention of the view producing a response",
    ],
    followUps: [
      "Where would you plug in code that must run for every request?",
      "What changes in this flow for a DRF endpoint returning JSON?",
      "How does a template end up running queries you did not expect?",
    ],
    rubric: {
      default: {
        1: "Cannot describe the path of a request or mixes up the roles of the three layers.",
        2: "Names the three layers but the flow has gaps, e.g. no URL resolution or middleware.",
        3: "Correct ordered flow from handler through middleware, URL resolver, view, model and template, with the 404 case.",
        4: "Also covers response middleware order, lazy querysets evaluated in templates, template loaders and ASGI vs WSGI entry points.",
      },
      junior: {
        1: "Cannot say what a view or a template is.",
        2: "Knows the three words but not how a URL reaches a view.",
        3: "Explains urls.py to view to model to template to response in the right order.",
        4: "Also mentions middleware and returning a 404 for a missing object.",
      },
    },
  },
  {
    id: "django-middleware",
    area: "django-core",
    title: "Middleware",
    prompt:
      "What is a middleware in a current Django project and what does its code look like? Describe one you would write yourself, for example one that tags every log line with a request id, and explain why its position in the MIDDLEWARE setting matters.",
    competencies: ["django-architecture", "scalability-production"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "A factory receives get_response once and returns a callable invoked for every request",
      "Code before get_response runs on the way in; code after it runs on the way out, in reverse list order",
      "Knows optional hooks: process_view, process_exception, process_template_response",
      "Gives ordering examples: SessionMiddleware before AuthenticationMiddleware, SecurityMiddleware near the top",
      "Names real uses: request ids and logging, timing, locale, authentication, CSRF",
      "Keeps middleware cheap because it runs on every request",
      "Aware of sync/async capability for ASGI deployments",
    ],
    redFlags: [
      "Would put logic for one specific view into middleware",
      "Unaware that order matters",
      "Thinks middleware only applies to selected URLs by default",
    ],
    followUps: [
      "Your middleware returns a 403 early for blocked IPs. Which other middlewares see that response?",
      "What changes when the project is served under ASGI?",
      "Would you rate limit in middleware, in DRF, or at the proxy? Why?",
    ],
    rubric: {
      default: {
        1: "Does not know what middleware is for.",
        2: "Knows middleware wraps requests and names one built-in, but cannot sketch one or explain ordering.",
        3: "Sketches the get_response pattern correctly, explains in/out ordering and gives sensible uses.",
        4: "Also covers short-circuit behaviour, process_exception, async compatibility and when middleware is the wrong layer.",
      },
      junior: {
        1: "Has not heard of middleware.",
        2: "Knows it runs on each request but nothing more.",
        3: "Explains request and response processing, names a built-in one and gives a plausible use such as logging.",
        4: "Also sketches the get_response structure or explains why order matters.",
      },
    },
  },
  {
    id: "django-signals",
    area: "django-core",
    title: "Signals: uses and pitfalls",
    prompt:
      "When someone signs up we must create a profile row and send a welcome email. One option is a post_save receiver on the user model. Explain how Django signals work, whether you would use one here, and what tends to go wrong with signals as a codebase grows.",
    competencies: ["django-architecture", "orm-data-modelling"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "Receivers run synchronously, in the same thread and database transaction as the sender",
      "Connects receivers in AppConfig.ready() (or via @receiver in a module imported there)",
      "Knows queryset.update(), bulk_create and bulk_update do not send pre_save/post_save",
      "Names hidden coupling: behaviour invisible from the calling code and awkward to test",
      "Sends the email via transaction.on_commit or a background task so a rollback cannot leave a stray email",
      "Prefers an explicit function for logic inside one app; keeps signals for decoupling from other or third-party apps",
      "Uses the created flag or dispatch_uid correctly",
    ],
    redFlags: [
      "Believes signals run asynchronously in the background",
      "Reaches for signals by default for core business flows in the same app",
      "Sends email directly in the receiver with no thought for rollbacks",
    ],
    followUps: [
      "A data fix uses queryset.update(). Which receivers run?",
      "How would you test code that depends on a receiver firing?",
      "Where would you connect the receiver so it is registered exactly once?",
    ],
    rubric: {
      default: {
        1: "Does not know what a signal is.",
        2: "Can wire a post_save receiver but sees no downsides and thinks it is asynchronous or always fires.",
        3: "Explains synchronous dispatch, registration in ready(), skipped bulk paths, and weighs signal vs explicit call.",
        4: "Also designs for transactions (on_commit), testability and discoverability, and can argue when a signal is justified.",
      },
      junior: {
        1: "Has never heard of signals.",
        2: "Knows post_save exists but cannot say when it fires.",
        3: "Explains sender and receiver, uses created to act only on new rows, and mentions at least one pitfall.",
        4: "Also knows update() and bulk operations skip the signal or that receivers run in the same transaction.",
      },
    },
  },
  {
    id: "django-function-vs-class-views",
    area: "django-core",
    title: "Function views vs class-based views",
    prompt:
      "One page lists a user's invoices with pagination and another lets them edit a single invoice. Would you build these as function views, generic class-based views or a mix? Sketch each and tell me what you gain and lose.",
    competencies: ["django-architecture", "security"],
    levels: ["junior", "mid"],
    suggestedMinutes: 6,
    signals: [
      "Uses ListView and UpdateView and overrides get_queryset to limit rows to request.user",
      "Uses paginate_by or Paginator for the list",
      "Function views are explicit and easy to follow; generic views cut repetition but hide flow in mixins",
      "Prevents one user editing another's invoice by scoping the queryset",
      "Protects both views with login_required or LoginRequiredMixin",
      "Knows as_view() turns the class into a callable for urls.py",
    ],
    redFlags: [
      "Edit view fetches Invoice.objects.get(pk=pk) with no ownership check",
      "Cannot name any generic view",
    ],
    followUps: [
      "A user opens /invoices/<someone else's id>/edit/. What should they get, and why?",
      "Which method would you override to add a total to the page context?",
    ],
    rubric: {
      default: {
        1: "Cannot sketch either style.",
        2: "Sketches one style but misses pagination or ownership scoping.",
        3: "Reasonable sketch in either style with pagination, login protection and ownership scoping, plus honest trade-offs.",
        4: "Also explains which generic view hooks to override and when explicit function views are clearer.",
      },
    },
  },
  {
    id: "django-settings-environments",
    area: "django-core",
    title: "Settings across environments",
    prompt:
      "How do you organise settings for local development, CI, staging and production in a Django project? Where do secrets live, and what stops an unsafe configuration from reaching production?",
    competencies: ["django-architecture", "security", "scalability-production"],
    levels: ["mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "Reads secrets and per-environment values from environment variables or a secrets manager, never from committed files",
      "Uses separate settings modules or one env-driven module selected with DJANGO_SETTINGS_MODULE",
      "Fails at startup when a required value such as SECRET_KEY or the database URL is missing",
      "Defaults DEBUG to off and sets ALLOWED_HOSTS explicitly",
      "Runs manage.py check --deploy in CI or before release",
      "Keeps staging configured like production apart from values, so it is a meaningful rehearsal",
    ],
    redFlags: [
      "SECRET_KEY or database passwords committed in settings.py",
      "DEBUG defaults to True and is switched off by hand on deploy",
      "Fallback secrets such as os.environ.get('SECRET_KEY', 'dev') in production code",
    ],
    followUps: [
      "How would you rotate SECRET_KEY without logging everyone out?",
      "How do you keep settings modules from drifting apart over time?",
    ],
    rubric: {
      default: {
        1: "Keeps secrets in the repository and has no notion of per-environment configuration.",
        2: "Uses environment variables but has unsafe defaults or no checks.",
        3: "Environment-driven settings with no secret defaults, fail-fast validation, DEBUG off by default and check --deploy.",
        4: "Also covers key rotation with SECRET_KEY_FALLBACKS, secret managers, typed settings validation and keeping environments in parity.",
      },
    },
  },
  {
    id: "django-business-logic-placement",
    area: "django-core",
    title: "Where business logic lives",
    prompt:
      "In a three-year-old codebase, placing an order involves logic in a view, in a serializer's save(), in a model save() override and in a post_save receiver. How would you restructure it, and where do you think domain logic belongs in a Django project?",
    competencies: ["django-architecture", "testing"],
    levels: ["mid", "senior"],
    suggestedMinutes: 10,
    signals: [
      "Names the cost: hard to follow, hard to test, and different behaviour from admin, API and scripts",
      "Compares model methods, custom managers or querysets, and a layer of plain service functions",
      "Keeps views and serializers thin: validate input, call one domain function, shape the output",
      "Wraps the multi-step write in transaction.atomic and defers side effects with on_commit",
      "Plans an incremental refactor protected by tests rather than a rewrite",
      "Weighs team conventions and consistency, not only personal taste",
    ],
    redFlags: [
      "Proposes a big-bang rewrite without tests first",
      "Insists one pattern is always correct regardless of context",
    ],
    followUps: [
      "How would you stop the logic from spreading out again?",
      "What would you test first before moving anything?",
      "How do admin actions fit into your design?",
    ],
    rubric: {
      default: {
        1: "Sees no problem with the current spread.",
        2: "Wants to consolidate but cannot say where or how to do it safely.",
        3: "Proposes a clear home for the logic, thin entry points, transactions and an incremental, tested migration path.",
        4: "Also addresses team adoption, guardrails (lint rules, review checklists) and the trade-offs of service layers in Django.",
      },
      senior: {
        1: "Has no view on code organisation beyond the current file.",
        2: "Has a preferred pattern but cannot justify it or plan a safe path.",
        3: "Clear target design with reasoning, incremental plan with characterisation tests and transaction boundaries.",
        4: "Also plans how to bring the team along, sequence the work against delivery and measure that it helped.",
      },
    },
  },
  {
    id: "django-forms-validation",
    area: "django-core",
    title: "Forms and validation",
    prompt:
      "A sign-up form must make sure the email address is not already taken and that the two password fields match. Where does each check go in a Django form, and what happens between the POST arriving and the clean data being saved?",
    competencies: ["django-architecture", "security"],
    levels: ["junior", "mid"],
    suggestedMinutes: 6,
    signals: [
      "Binds the form to request.POST and calls is_valid() before touching cleaned_data",
      "Single-field rules in clean_<field>(), cross-field rules in clean()",
      "Raises ValidationError or uses add_error so messages appear next to the right field",
      "Knows a ModelForm also runs model validation including unique checks",
      "Still backs uniqueness with a database constraint because two sign-ups can race",
      "Redirects after a successful POST and includes {% csrf_token %} in the template",
    ],
    redFlags: [
      "Reads request.POST values and saves them without validation",
      "Relies on JavaScript checks alone",
    ],
    followUps: [
      "Two people submit the same email in the same second. What happens?",
      "How would the same rules look in a DRF serializer?",
    ],
    rubric: {
      default: {
        1: "Would save raw POST data without validation.",
        2: "Knows is_valid() but places checks wrongly or cannot show errors per field.",
        3: "Correct clean_<field>/clean split, is_valid flow, error display and redirect after POST.",
        4: "Also backs the rule with a unique constraint and handles the race, and relates it to serializer validation.",
      },
    },
  },
];
