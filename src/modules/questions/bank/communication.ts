import type { TQuestionSeed } from "./question-seed.schema.js";

export const communicationQuestions: readonly TQuestionSeed[] = [
  {
    id: "communication-explaining-trade-offs",
    area: "communication",
    title: "Explaining a trade-off to non-engineers",
    prompt:
      "A product manager asks why an 'export all customers' button will take two weeks rather than two days. Explain it to me as if I were that product manager, using a real or plausible technical reason.",
    competencies: ["communication-collaboration"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 6,
    signals: [
      "Avoids jargon, or explains it briefly in plain words",
      "Starts with the impact on users and the business, then the reason",
      "Offers options such as a smaller first version or phased delivery",
      "Is honest about uncertainty and how it will be reduced",
      "Checks understanding and invites questions",
    ],
    redFlags: ["Talks down to the listener", "Cannot simplify without becoming wrong"],
    followUps: [
      "The product manager says a competitor did it in a day. How do you respond?",
      "How would you put this in a two-line written update?",
    ],
    rubric: {
      default: {
        1: "Explanation is full of unexplained jargon or does not give a reason.",
        2: "Understandable but one-sided, with no options offered.",
        3: "Clear, accurate, impact-first explanation with options and honest uncertainty.",
        4: "Also adapts to pushback smoothly and frames a decision the product manager can actually make.",
      },
    },
  },
  {
    id: "communication-project-walkthrough",
    area: "communication",
    title: "Walking through a Django project",
    prompt:
      "Choose a Django project you have worked on, ideally one on your CV. Sketch its main parts for me, explain one decision you made, and one thing you would do differently today.",
    competencies: ["communication-collaboration", "django-architecture"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 10,
    signals: [
      "Gives a clear structure: purpose, main apps or components, how data flows",
      "Is specific about their own contribution as distinct from the team's",
      "Explains the reasoning and trade-offs behind the decision",
      "Reflects honestly on what they would change and why",
      "Adjusts depth when probed",
    ],
    redFlags: [
      "Cannot separate their own work from the team's",
      "Stays vague under follow-up questions",
    ],
    followUps: [
      "What was the hardest bug in that project?",
      "If the traffic grew ten times, which part would break first?",
    ],
    rubric: {
      default: {
        1: "Cannot describe the project coherently.",
        2: "Describes features but not structure, or cannot say what they did personally.",
        3: "Clear structure, their own role, a reasoned decision and honest reflection.",
        4: "Also ties decisions to constraints and outcomes and handles deep follow-ups with specifics.",
      },
      junior: {
        1: "Cannot describe any project they worked on.",
        2: "Lists what the app does but not how it is built.",
        3: "Explains the main models and views, what they built, and one thing they learned.",
        4: "Also explains a trade-off they made and what they would improve.",
      },
    },
  },
  {
    id: "communication-code-review",
    area: "communication",
    title: "Giving and receiving code review",
    prompt:
      "How do you review a teammate's pull request, and how do you react when someone leaves critical comments on yours? A specific example would help.",
    competencies: ["communication-collaboration", "testing"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 7,
    signals: [
      "Looks at correctness, tests, security and readability before style",
      "Writes feedback as questions or suggestions with reasons, marking what is blocking",
      "Keeps their own pull requests small to make review effective",
      "Takes criticism without defensiveness, asks questions and changes their mind when convinced",
      "Moves long threads to a call and writes down the outcome",
    ],
    redFlags: ["Approves without reading", "Treats review comments as personal attacks"],
    followUps: [
      "Tell me about a review comment that changed how you work.",
      "How do you review code in an area you know little about?",
    ],
    rubric: {
      default: {
        1: "Sees review as a formality.",
        2: "Reviews for style mostly, or describes receiving feedback defensively.",
        3: "Reviews substance first with constructive wording and receives feedback openly, with an example.",
        4: "Also improves the team's review practice, e.g. conventions, checklists or mentoring through review.",
      },
    },
  },
  {
    id: "communication-technical-proposal",
    area: "communication",
    title: "Proposing a technical change",
    prompt:
      "You want to introduce background workers to a team that has never run them in production. How would you write up the proposal and get it accepted?",
    competencies: ["communication-collaboration", "scalability-production"],
    levels: ["mid", "senior"],
    suggestedMinutes: 8,
    signals: [
      "States the problem with evidence before the solution",
      "Compares options, including doing nothing, with costs",
      "Covers operations: deployment, monitoring, on-call and failure handling",
      "Proposes a small pilot and a rollout plan",
      "Asks for feedback early from the people who will run it",
      "Records the decision and its reasons",
    ],
    redFlags: [
      "Announces the decision without involving the team",
      "Ignores the operational cost of the new component",
    ],
    followUps: [
      "A senior colleague is strongly against it. What do you do?",
      "How would you know a year later whether it was the right call?",
    ],
    rubric: {
      default: {
        1: "Would add the new component without telling or asking anyone.",
        2: "Writes a proposal focused only on the technology.",
        3: "Evidence-based proposal with options, operational cost, pilot and early feedback.",
        4: "Also builds consensus across teams, plans for reversibility and defines success measures.",
      },
    },
  },
];
