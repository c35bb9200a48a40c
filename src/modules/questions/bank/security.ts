import type { TQuestionSeed } from "./question-seed.schema.js";

export const securityQuestions: readonly TQuestionSeed[] = [
  {
    id: "security-built-in-protections",
    area: "security",
    title: "Django's built-in protections and their limits",
    prompt:
      "Pick the attacks you consider most important for a typical Django web application. For each, tell me what Django does for you out of the box and where that protection ends, so the developer has to take over.",
    competencies: ["security"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 10,
    signals: [
      "CSRF: CsrfViewMiddleware with {% csrf_token %} or the X-CSRFToken header on unsafe methods; csrf_exempt turns it off",
      "SQL injection: the ORM parameterises values; raw(), extra(), RawSQL and cursor.execute with string formatting do not",
      "XSS: templates autoescape; |safe, mark_safe and {% autoescape off %} switch it off",
      "Clickjacking: XFrameOptionsMiddleware sends X-Frame-Options (DENY by default)",
      "Transport and cookies: HTTPS redirect, HSTS, secure cookie flags, ALLOWED_HOSTS against Host header attacks",
      "Passwords stored with PBKDF2 by default, Argon2 or scrypt available",
      "Runs manage.py check --deploy",
    ],
    redFlags: [
      "Believes Django makes an app secure without developer effort",
      "Cannot name a single limit of the built-in protections",
    ],
    followUps: [
      "Which of these can a developer disable by accident, and how would you catch it in review?",
      "What does Django not help with at all, such as access control between users?",
    ],
    rubric: {
      default: {
        1: "Cannot name what Django protects against.",
        2: "Names CSRF and SQL injection but not how the protections work or where they end.",
        3: "Covers CSRF, SQL injection, XSS and secure settings, each with its mechanism and an escape hatch that reopens the hole.",
        4: "Also covers clickjacking, Host header attacks, password hashing, access control gaps Django cannot solve, and deployment checks.",
      },
      junior: {
        1: "Has never heard of CSRF, XSS or SQL injection.",
        2: "Knows the names but not what Django does about them.",
        3: "Explains CSRF tokens, ORM parameterisation and template escaping in plain terms.",
        4: "Also knows at least one way each protection is switched off, such as |safe or raw SQL with string formatting.",
      },
    },
  },
  {
    id: "security-csrf",
    area: "security",
    title: "CSRF in depth",
    prompt:
      "Describe, with a concrete example, the attack that CSRF protection prevents, and how Django's token stops it. Then: your JavaScript front end posts JSON to a DRF endpoint and gets a 403 saying CSRF failed. Why, and what is the right fix?",
    competencies: ["security", "api-design-drf"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "A third-party page makes the victim's browser send a state-changing request that carries their cookies",
      "Django compares the secret in the csrftoken cookie with the token from the form field or X-CSRFToken header",
      "Mentions Origin and Referer checks and CSRF_TRUSTED_ORIGINS for cross-origin front ends",
      "DRF's SessionAuthentication enforces CSRF for authenticated requests; token authentication does not need it",
      "Fixes the 403 by sending X-CSRFToken with the value from the cookie, not with csrf_exempt",
      "GET must not change state because CSRF checks apply only to unsafe methods",
      "Treats SameSite cookies as an extra layer, not a replacement",
    ],
    redFlags: [
      "Fixes the 403 with @csrf_exempt",
      "Thinks CSRF is about stealing the session cookie",
    ],
    followUps: [
      "Why is a state-changing GET endpoint dangerous here?",
      "Would switching the SPA to token auth remove the need for CSRF protection? What would it cost?",
    ],
    rubric: {
      default: {
        1: "Cannot describe the attack.",
        2: "Describes the attack loosely but would fix the 403 with csrf_exempt.",
        3: "Explains the attack and token mechanism, why SessionAuthentication enforces it, and sends the header correctly.",
        4: "Also covers Origin checks, trusted origins, SameSite, and the security trade-offs of moving to token auth.",
      },
      junior: {
        1: "Has never heard of CSRF.",
        2: "Knows to add {% csrf_token %} but not why.",
        3: "Explains a forged cross-site request and that the token proves the request came from our page.",
        4: "Also fixes the JavaScript case by sending the token header rather than disabling protection.",
      },
    },
  },
  {
    id: "security-xss-and-escaping",
    area: "security",
    title: "XSS and template escaping",
    prompt:
      "Product descriptions are shown as rich text, and someone has made a script run in other visitors' browsers. How does Django normally prevent this, how might our code have broken that protection, and how would you display user-supplied rich text safely?",
    competencies: ["security", "django-architecture"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 7,
    signals: [
      "Templates escape <, >, quotes and & in variables by default",
      "Names the likely causes: |safe, mark_safe, {% autoescape off %} or HTML assembled in Python",
      "Sanitises rich text with an allow-list sanitiser (e.g. nh3) before storing or rendering",
      "Uses format_html rather than string formatting plus mark_safe when building HTML in Python",
      "Passes data to JavaScript with json_script instead of dropping variables into script blocks",
      "Adds a Content-Security-Policy header as defence in depth",
      "Knows escaping depends on context: HTML body, attributes, JavaScript and URLs differ",
    ],
    redFlags: [
      "Calls mark_safe on user input",
      "Thinks escaping once on input protects every output context",
    ],
    followUps: [
      "Is an href built from user input safe once it is escaped?",
      "How would you find every use of mark_safe and decide which are risky?",
    ],
    rubric: {
      default: {
        1: "Does not know what XSS is.",
        2: "Knows templates escape output but cannot explain how it was bypassed.",
        3: "Explains autoescaping, the ways around it, and a safe rich-text approach with sanitising.",
        4: "Also covers context-specific escaping, json_script, format_html, CSP and auditing for unsafe patterns.",
      },
    },
  },
  {
    id: "security-sql-injection",
    area: "security",
    title: "SQL injection beyond the ORM",
    prompt:
      "This line is in a report view: Order.objects.raw(f\"SELECT * FROM shop_order WHERE status = '{request.GET['status']}'\"). What is wrong with it, how would you fix it, and where else in a Django codebase can the same problem hide when people assume the ORM protects them?",
    competencies: ["security", "orm-data-modelling"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 7,
    signals: [
      "Identifies that putting request data into the SQL string allows injection",
      "Passes values separately: raw('... WHERE status = %s', [status]) or cursor.execute(sql, params)",
      "Does not wrap the %s placeholder in quotes",
      "Names other risky places: extra(), RawSQL, cursor.execute and dynamic table or column names",
      "Uses an allow-list for identifiers such as sort fields, which cannot be parameterised",
      "Prefers rewriting with the ORM (filter, annotate) where possible",
    ],
    redFlags: [
      "Fixes it by escaping quotes by hand",
      "Believes raw() is safe whatever string it receives",
    ],
    followUps: [
      "The user also picks the sort column. How do you handle that safely?",
      "How would you find similar code across the project?",
    ],
    rubric: {
      default: {
        1: "Sees nothing wrong with the line.",
        2: "Knows it is injectable but fixes it with manual escaping or cannot name other risky APIs.",
        3: "Parameterises correctly, names the other raw entry points and uses allow-lists for identifiers.",
        4: "Also proposes tooling (linters such as bandit or semgrep, review rules) and rewrites with the ORM where it fits.",
      },
    },
  },
  {
    id: "security-production-settings",
    area: "security",
    title: "Production security settings",
    prompt:
      "You are deploying a Django site to production for the first time, behind a load balancer that terminates HTTPS. Which settings would you check, and what does each one protect against?",
    competencies: ["security", "scalability-production"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 7,
    signals: [
      "DEBUG = False, because debug pages expose settings, code and SQL",
      "SECRET_KEY comes from the environment and is long and random; rotation with SECRET_KEY_FALLBACKS",
      "ALLOWED_HOSTS lists the real host names",
      "SECURE_PROXY_SSL_HEADER is set because the proxy sets X-Forwarded-Proto, so request.is_secure() is accurate",
      "SECURE_SSL_REDIRECT, SESSION_COOKIE_SECURE and CSRF_COOKIE_SECURE are on",
      "SECURE_HSTS_SECONDS starts small, with include-subdomains and preload chosen deliberately",
      "Runs manage.py check --deploy and acts on its warnings",
    ],
    redFlags: [
      "Leaves DEBUG on temporarily in production",
      "Sets SECURE_PROXY_SSL_HEADER without a proxy that controls that header",
    ],
    followUps: [
      "Why start with a small HSTS value?",
      "What goes wrong if SECURE_PROXY_SSL_HEADER is missing behind this load balancer?",
    ],
    rubric: {
      default: {
        1: "Only knows to turn DEBUG off, or not even that.",
        2: "Knows DEBUG, SECRET_KEY and ALLOWED_HOSTS but not the HTTPS and cookie settings.",
        3: "Covers DEBUG, secrets, hosts, HTTPS redirect, proxy header, secure cookies and HSTS, with reasons, and uses check --deploy.",
        4: "Also explains the proxy header trust issue, HSTS rollout risks, key rotation and how to keep settings from regressing.",
      },
      junior: {
        1: "Does not know any production settings.",
        2: "Knows DEBUG should be off but not why.",
        3: "Explains DEBUG, SECRET_KEY from the environment and ALLOWED_HOSTS, and knows check --deploy.",
        4: "Also mentions secure cookies and HTTPS redirects.",
      },
    },
  },
  {
    id: "security-accounts-and-passwords",
    area: "security",
    title: "User accounts and passwords",
    prompt:
      "You own login and account features for a Django product. How are passwords stored, what would you add or configure beyond the defaults, and what do you think about for password reset and sessions?",
    competencies: ["security", "django-architecture"],
    levels: ["mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "Passwords are stored as salted, slow hashes via PASSWORD_HASHERS (PBKDF2 by default, Argon2 as an option) and upgraded on login",
      "Enables AUTH_PASSWORD_VALIDATORS",
      "Uses Django's reset flow: time-limited tokens that stop working once the password changes; same response whether or not the email exists",
      "login() rotates the session key to block session fixation; logout() flushes the session",
      "Rate-limits login attempts and considers multi-factor authentication",
      "Starts projects with a custom user model",
      "Chooses cookie flags and SESSION_COOKIE_AGE deliberately",
    ],
    redFlags: [
      "Would write their own password hashing",
      "Reset page reveals whether an address is registered",
    ],
    followUps: [
      "How would you move existing users to Argon2 without forcing a reset?",
      "How do you log a user out of every device after a password change?",
    ],
    rubric: {
      default: {
        1: "Would store passwords reversibly or hash them with a fast hash.",
        2: "Knows Django hashes passwords but little about reset or session safety.",
        3: "Covers hashing, validators, the reset flow, session rotation and rate limiting.",
        4: "Also covers hasher upgrades, session invalidation on password change, MFA and account enumeration.",
      },
    },
  },
  {
    id: "security-file-uploads",
    area: "security",
    title: "Handling user file uploads",
    prompt:
      "Users can upload profile pictures and PDF invoices. How would you accept, store and serve these files safely in a Django deployment?",
    competencies: ["security", "scalability-production"],
    levels: ["mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "Validates type and size on the server (FileExtensionValidator plus content checks such as opening images with Pillow)",
      "Knows FILE_UPLOAD_MAX_MEMORY_SIZE only decides when uploads spill to disk, so limits belong in validation and at the proxy",
      "Generates storage names instead of trusting user file names",
      "Stores files in object storage through a storage backend such as django-storages, not on app servers",
      "Serves uploads from a separate domain or with Content-Disposition: attachment and nosniff to avoid stored XSS",
      "Uses signed, expiring URLs for private files",
      "Runs heavy processing or scanning in a background task",
    ],
    redFlags: [
      "Serves uploads inline from the main domain, including HTML or SVG",
      "Trusts the file extension or browser-provided content type alone",
    ],
    followUps: [
      "Why is an uploaded SVG riskier than a PNG?",
      "How would a user download only their own invoices?",
    ],
    rubric: {
      default: {
        1: "Would save whatever arrives and serve it from the app.",
        2: "Validates extension and size but ignores where and how files are served.",
        3: "Server-side validation, generated names, object storage and safe serving with access control.",
        4: "Also handles SVG/HTML risks, signed URLs, proxy limits and asynchronous processing.",
      },
    },
  },
  {
    id: "security-pull-request-review",
    area: "security",
    title: "Security review of a pull request",
    prompt:
      "Here is a pull request: a new DRF endpoint lets users update their profile through a ModelSerializer with fields = '__all__', redirects to a next URL taken from the query string after saving, and logs the whole request body for debugging. Review it out loud. What would you flag, how serious is each item, and how would you word the feedback?",
    competencies: ["security", "api-design-drf", "communication-collaboration"],
    levels: ["senior"],
    suggestedMinutes: 12,
    signals: [
      "Flags mass assignment: '__all__' lets users set is_staff, is_superuser or other protected fields",
      "Flags the open redirect and fixes it with url_has_allowed_host_and_scheme",
      "Flags request-body logging that can capture passwords and personal data",
      "Checks authentication, object scoping and throttling on the new endpoint",
      "Ranks issues by severity and exploitability instead of listing everything equally",
      "Words feedback constructively with concrete suggested changes",
    ],
    redFlags: ["Comments only on style", "Misses the privilege escalation through '__all__'"],
    followUps: [
      "The author pushes back that the front end never sends is_staff. How do you respond?",
      "What would you add to the team's review checklist after this?",
    ],
    rubric: {
      default: {
        1: "Finds none of the security issues.",
        2: "Finds one issue but misjudges its severity or proposes a weak fix.",
        3: "Finds all three, ranks them sensibly, gives correct fixes and constructive wording.",
        4: "Also checks the wider endpoint (auth, scoping, throttling), proposes systemic prevention and handles pushback well.",
      },
    },
  },
];
