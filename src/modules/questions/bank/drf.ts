import type { TQuestionSeed } from "./question-seed.schema.js";

export const drfQuestions: readonly TQuestionSeed[] = [
  {
    id: "drf-apiview-vs-viewsets",
    area: "drf",
    title: "APIView, generic views and ViewSets",
    prompt:
      "In Django REST Framework an endpoint can be an APIView, a generic view such as ListCreateAPIView, or a ViewSet registered on a router. How do these differ, and how do you choose one for a new resource?",
    competencies: ["api-design-drf"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "APIView maps HTTP methods to get/post/... with full control and little convention",
      "Generic views and mixins add queryset, serializer_class and ready-made CRUD behaviour",
      "ViewSets group actions (list, retrieve, create, update, partial_update, destroy) and routers build the URLs",
      "Knows @action for extra routes on a viewset, with detail=True or False",
      "Picks ViewSets for conventional resources and APIView for operations that are not CRUD on a resource",
      "Overrides get_queryset rather than relying on a class-level queryset for per-user data",
      "Notes the trade-off: less boilerplate, but the URL structure is less visible",
    ],
    redFlags: [
      "Thinks ViewSets are faster at runtime",
      "Cannot say where a ViewSet's URLs come from",
    ],
    followUps: [
      "How would you add a 'publish' operation to an article resource?",
      "Where would you switch serializers between list and detail responses?",
      "When has a ViewSet made an API harder to maintain for you?",
    ],
    rubric: {
      default: {
        1: "Cannot describe any of the three.",
        2: "Knows ViewSets reduce code but not how routing or actions work.",
        3: "Explains all three, routers and @action, and gives a sensible rule for choosing.",
        4: "Also discusses get_queryset and get_serializer_class hooks, resource design and REST conventions for non-CRUD actions.",
      },
      junior: {
        1: "Has not used DRF views.",
        2: "Has used one style by copying examples without knowing the alternatives.",
        3: "Explains APIView vs ViewSet with a router and when each fits a simple resource.",
        4: "Also knows generic views or @action.",
      },
    },
  },
  {
    id: "drf-authentication-permissions",
    area: "drf",
    title: "Authentication and permissions in DRF",
    prompt:
      "Your API serves a single-page app on the same domain and a native mobile app. How would you set up authentication and authorisation in DRF: which authentication classes, how permissions are declared, and how each user only sees their own team's data?",
    competencies: ["api-design-drf", "security"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 10,
    signals: [
      "Separates authentication (who is calling) from permissions (what they may do)",
      "Sets DEFAULT_AUTHENTICATION_CLASSES and DEFAULT_PERMISSION_CLASSES globally and overrides per view",
      "Session auth with CSRF for the same-site SPA; token, JWT (e.g. simplejwt) or OAuth2 for mobile",
      "Writes BasePermission subclasses with has_permission and has_object_permission for roles",
      "Filters get_queryset by the user's team so list endpoints cannot leak data",
      "Knows has_object_permission runs only via get_object(), never on list",
      "Considers token lifetime, refresh, revocation and where the client stores tokens",
    ],
    redFlags: [
      "Leaves the default permission at AllowAny",
      "Relies on unguessable URLs or front-end hiding for access control",
      "No thought about revoking a stolen token",
    ],
    followUps: [
      "A user is removed from a team. How quickly do they lose access with your design?",
      "How would you express 'team admins can delete, members can read'?",
      "Why does the session-authenticated SPA need CSRF but the token-based app not?",
    ],
    rubric: {
      default: {
        1: "Confuses authentication with permissions or has no access control story.",
        2: "Configures an auth class and IsAuthenticated but nothing for team scoping or roles.",
        3: "Appropriate auth per client, global defaults, custom permissions and queryset scoping.",
        4: "Also covers object-permission limits, token lifecycle and revocation, CSRF interplay and tests for access rules.",
      },
      junior: {
        1: "Cannot say how an API knows who is calling.",
        2: "Knows tokens exist but not how DRF checks them.",
        3: "Explains authentication vs permissions, configures a token or session class and IsAuthenticated.",
        4: "Also filters data to the current user or writes a simple custom permission.",
      },
    },
  },
  {
    id: "drf-api-performance",
    area: "drf",
    title: "Making DRF endpoints fast",
    prompt:
      "A DRF list endpoint that returns orders with their customer and line items nested inside takes two seconds. What would you look at, in which order, and what changes would you expect to make?",
    competencies: ["api-design-drf", "databases-performance"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 10,
    signals: [
      "Measures first: query count and timings with debug toolbar, silk or an APM",
      "Spots N+1 queries caused by nested serializers and SerializerMethodField",
      "Adds select_related and prefetch_related (with Prefetch objects) in get_queryset",
      "Adds pagination so response size is bounded",
      "Trims the payload: fewer fields, a separate detail endpoint, only() for heavy columns",
      "Caches where it is safe, with an invalidation plan, or uses conditional requests (ETag)",
      "Knows serializing thousands of objects has real CPU cost and may simplify hot paths",
    ],
    redFlags: [
      "Adds caching before measuring anything",
      "Unaware that nested serializers trigger extra queries",
    ],
    followUps: [
      "After fixing queries it still takes 600 ms. Where do you look next?",
      "How would you stop this endpoint getting slow again?",
      "What would you cache, keyed on what?",
    ],
    rubric: {
      default: {
        1: "Suggests bigger servers or random changes.",
        2: "Knows about select_related but does not connect it to serializers or measure first.",
        3: "Measures, fixes serializer N+1 with the right prefetching, paginates and trims the payload.",
        4: "Also profiles serialization cost, designs caching with invalidation and adds regression guards.",
      },
      junior: {
        1: "No idea where to start.",
        2: "Would look at the code but has no measuring tool in mind.",
        3: "Counts queries with the debug toolbar, recognises repeated queries and adds pagination.",
        4: "Also applies select_related or prefetch_related correctly in the queryset.",
      },
    },
  },
  {
    id: "drf-serializer-validation",
    area: "drf",
    title: "Serializers and validation",
    prompt:
      "Describe, in words or rough code, a serializer for creating an event with a title, a start and an end. It must reject events that end before they begin, and the organiser must be the logged-in user, never a value from the request body. How does the data travel from the request to a saved row?",
    competencies: ["api-design-drf", "security"],
    levels: ["junior", "mid"],
    suggestedMinutes: 8,
    signals: [
      "Uses a ModelSerializer with an explicit fields list",
      "Cross-field check in validate(self, attrs); single-field checks in validate_<field>",
      "Organiser is read-only and set in perform_create with serializer.save(organiser=request.user) or CurrentUserDefault",
      "Calls is_valid(raise_exception=True) then save(), which calls create() or update()",
      "Knows writable nested serializers need custom create() and update()",
      "Returns 400 with errors keyed by field",
    ],
    redFlags: [
      "Uses fields = '__all__' on a writable serializer without thinking about which fields clients may set",
      "Trusts an organiser_id sent by the client",
    ],
    followUps: [
      "How would you make title unique per organiser and report it nicely?",
      "What changes for a partial update (PATCH)?",
    ],
    rubric: {
      default: {
        1: "Cannot describe what a serializer does.",
        2: "Writes the serializer but places the date check wrongly or takes the organiser from the body.",
        3: "Correct validation hooks, organiser set server-side, and a clear is_valid/save flow.",
        4: "Also covers nested writes, partial updates and unique-together validation with friendly errors.",
      },
    },
  },
  {
    id: "drf-pagination-filtering",
    area: "drf",
    title: "Pagination and filtering",
    prompt:
      "A mobile client scrolls through a feed of several million posts, newest first, and can filter by tag. Which DRF pagination style would you choose and why, and how would you add the tag filter?",
    competencies: ["api-design-drf", "databases-performance"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 7,
    signals: [
      "Compares PageNumberPagination, LimitOffsetPagination and CursorPagination",
      "Chooses cursor pagination for a large, ordered, changing feed: stable pages and no large OFFSET",
      "Knows cursor pagination needs a fixed, (nearly) unique ordering and cannot jump to page N",
      "Sets a default page size and a maximum",
      "Filters with django-filter's DjangoFilterBackend or in get_queryset, validating input",
      "Makes sure the filter and ordering columns are indexed",
    ],
    redFlags: [
      "Returns the whole collection with no pagination",
      "Unaware that deep OFFSET pages get slower",
    ],
    followUps: [
      "The product team wants 'page 37 of 120' in the admin UI. What changes?",
      "New posts arrive while a user scrolls. What does each pagination style show them?",
    ],
    rubric: {
      default: {
        1: "Would return everything or does not know DRF pagination.",
        2: "Uses page-number pagination by default with no reasoning for this feed.",
        3: "Chooses cursor pagination with reasons, bounds page size and adds validated filtering.",
        4: "Also discusses index design for the ordering, consistency while data changes and count query costs.",
      },
      junior: {
        1: "Has not paginated an API before.",
        2: "Knows pagination is needed but not the options.",
        3: "Configures a pagination class with a page size and adds a simple filter.",
        4: "Also explains why cursor pagination suits a large feed.",
      },
    },
  },
  {
    id: "drf-throttling",
    area: "drf",
    title: "Throttling and rate limits",
    prompt:
      "One client is hammering your public API, and the login endpoint is seeing password guessing. How would you use DRF throttling for each problem, and where does it stop being enough?",
    competencies: ["api-design-drf", "security", "scalability-production"],
    levels: ["mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "Sets DEFAULT_THROTTLE_CLASSES and DEFAULT_THROTTLE_RATES (AnonRateThrottle, UserRateThrottle)",
      "Uses ScopedRateThrottle with throttle_scope for a stricter login limit",
      "Throttle history lives in the Django cache, so it needs a shared cache such as Redis, not per-process LocMemCache",
      "Knows client IPs come from REMOTE_ADDR or X-Forwarded-For with NUM_PROXIES, and misconfiguration allows spoofing or lumping users together",
      "Treats DRF throttling as fairness and abuse control, not a hard security barrier; adds proxy or WAF limits",
      "Returns 429 with Retry-After",
      "Adds per-account backoff or lockout and alerting for the login endpoint",
    ],
    redFlags: [
      "Believes DRF throttles alone stop a distributed attack",
      "Runs many workers with LocMemCache and does not see the limits multiply",
    ],
    followUps: [
      "How would you give paying customers a higher limit?",
      "What are the downsides of locking accounts after failed logins?",
    ],
    rubric: {
      default: {
        1: "Does not know DRF has throttling.",
        2: "Configures a rate but misses cache and IP configuration issues.",
        3: "Correct throttle classes and scopes, shared cache, proxy-aware IPs and a layered view of defence.",
        4: "Also designs per-plan limits, login abuse defences beyond IP limits, and monitoring of throttled traffic.",
      },
    },
  },
  {
    id: "drf-object-level-access",
    area: "drf",
    title: "Object-level access and IDOR",
    prompt:
      "A bug report says any logged-in user can fetch someone else's invoice by changing the number in /api/invoices/<id>/. The view declares permission_classes = [IsAuthenticated, IsInvoiceOwner]. How can this still happen, and how would you fix it and stop it recurring?",
    competencies: ["api-design-drf", "security", "testing"],
    levels: ["mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "Checks whether the code calls get_object(); a custom retrieve or APIView fetching directly skips has_object_permission",
      "Scopes get_queryset to the caller's invoices so others' ids return 404",
      "Knows object permissions are not applied to list endpoints or bulk operations",
      "Writes a regression test with two users that expects 404 or 403",
      "Treats non-sequential ids as defence in depth only, not the fix",
      "Audits other endpoints for the same pattern",
    ],
    redFlags: ["Believes switching to UUIDs solves it", "Fixes it only in the front end"],
    followUps: [
      "Should the response be 403 or 404? Why?",
      "How would you find every endpoint with the same weakness?",
    ],
    rubric: {
      default: {
        1: "Cannot explain how the permission class was bypassed.",
        2: "Suggests a fix but without understanding when object permissions run.",
        3: "Identifies the get_object gap, scopes the queryset, adds a two-user test.",
        4: "Also audits the API systematically, adds shared base classes or checks in CI and explains 403 vs 404 trade-offs.",
      },
    },
  },
  {
    id: "drf-api-evolution",
    area: "drf",
    title: "Evolving an API without breaking clients",
    prompt:
      "Old versions of your mobile app will keep calling the API for months. You need to rename a field and change how prices are represented. How do you roll this out without breaking those clients?",
    competencies: ["api-design-drf", "communication-collaboration"],
    levels: ["mid", "senior"],
    suggestedMinutes: 10,
    signals: [
      "Prefers additive change: add the new field, keep the old one, retire it later",
      "Knows DRF versioning schemes (URLPathVersioning, AcceptHeaderVersioning, NamespaceVersioning) and request.version",
      "Switches serializers by version in get_serializer_class",
      "Measures which clients still read old fields before removing them",
      "Publishes a deprecation timeline and updates the OpenAPI schema and changelog",
      "Represents money as a decimal string or integer minor units, never a float",
    ],
    redFlags: [
      "Renames the field in place and ships",
      "Represents prices as floating-point numbers",
    ],
    followUps: [
      "How long would you keep the old field, and who decides?",
      "How would you test that old clients still work?",
    ],
    rubric: {
      default: {
        1: "Would change the response and let clients adapt.",
        2: "Knows versioning exists but has no rollout or communication plan.",
        3: "Additive change or versioned serializers, deprecation timeline, usage measurement and correct money format.",
        4: "Also covers contract tests, client coordination across teams and criteria for retiring versions.",
      },
    },
  },
  {
    id: "drf-idempotent-writes",
    area: "drf",
    title: "Idempotent write endpoints",
    prompt:
      "A mobile client creates payments with POST /api/payments/. On flaky networks it retries, and some customers get charged twice. Design a fix at the API level and explain how you would build it with Django and DRF.",
    competencies: ["api-design-drf", "scalability-production", "orm-data-modelling"],
    levels: ["senior"],
    suggestedMinutes: 12,
    signals: [
      "Introduces a client-supplied idempotency key (header) scoped to the user",
      "Stores the key with a request fingerprint and the response, and replays it for repeats",
      "Enforces uniqueness with a database constraint so concurrent duplicates cannot both win",
      "Handles in-flight duplicates (409 or wait) and reuse of a key with a different body",
      "Keeps the provider call outside long transactions and passes the provider's own idempotency key",
      "Expires stored keys after a defined window",
    ],
    redFlags: [
      "Relies on the client not retrying",
      "Detects duplicates with read-then-insert and no constraint",
    ],
    followUps: [
      "The provider call succeeded but your server crashed before saving. How does your design recover?",
      "Where would you put this logic so other endpoints can reuse it?",
    ],
    rubric: {
      default: {
        1: "Sees no server-side fix.",
        2: "Proposes duplicate detection that races or ignores partial failure.",
        3: "Idempotency key with constraint-backed storage, response replay and sensible handling of conflicts.",
        4: "Also covers crash recovery and reconciliation with the provider, key expiry and a reusable implementation.",
      },
    },
  },
  {
    id: "drf-error-responses",
    area: "drf",
    title: "Status codes and error responses",
    prompt:
      "For a DRF endpoint that updates a user's address, which HTTP status would you return for: success, an invalid postcode, no login, logged in but editing another person's address, and an address that does not exist? How does DRF produce these, and how would you keep error bodies consistent across the API?",
    competencies: ["api-design-drf"],
    levels: ["junior", "mid"],
    suggestedMinutes: 6,
    signals: [
      "200 (or 204) for success, 400 for validation, 401 or 403 for auth, 404 for missing",
      "Knows DRF sends 401 only when the first authentication class provides a WWW-Authenticate header, otherwise 403",
      "Maps ValidationError to 400 with field errors, NotFound/Http404 to 404 and PermissionDenied to 403",
      "Uses a custom EXCEPTION_HANDLER for one consistent error envelope",
      "Considers returning 404 for others' objects so their existence is not revealed",
      "Never exposes stack traces or SQL in error bodies",
    ],
    redFlags: ["Returns 200 with an error message in the body", "Lets bad input surface as a 500"],
    followUps: [
      "Why might session-authenticated clients see 403 where token clients see 401?",
      "What would you include in every error body?",
    ],
    rubric: {
      default: {
        1: "Uses 200 or 500 for everything.",
        2: "Knows 400 and 404 but muddles 401 and 403.",
        3: "Correct codes for each case, knows how DRF raises them and proposes a consistent error format.",
        4: "Also explains the 401/403 behaviour of authentication classes and the information-leak reasoning for 404.",
      },
    },
  },
];
