import type { TQuestionSeed } from "./question-seed.schema.js";

// Behavioural questions: ask for one real situation and probe for the candidate's own actions.
// The senior anchors expect influence beyond the candidate's own tasks.
export const cultureFitQuestions: readonly TQuestionSeed[] = [
  {
    id: "culture-technical-disagreement",
    area: "culture-fit",
    title: "A technical disagreement",
    prompt:
      "Tell me about a time you disagreed with a teammate about how to build something. What was the disagreement, what did you do, and how did it end?",
    competencies: ["communication-collaboration"],
    cultureFacets: ["collaboration"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 7,
    signals: [
      "Describes a real, specific situation",
      "Explains the other person's position fairly",
      "Used evidence, a prototype or agreed criteria to decide",
      "Accepted the outcome, or disagreed and committed, without lingering resentment",
      "Reflects on what they learned about working together",
    ],
    redFlags: [
      "Frames the other person as simply wrong or incompetent",
      "Won by escalation or persistence rather than reasoning",
    ],
    followUps: [
      "What would the other person say about how it went?",
      "What would you do differently now?",
    ],
    rubric: {
      default: {
        1: "No example, or the example shows contempt for colleagues.",
        2: "Real example but one-sided; the resolution was luck or authority.",
        3: "Specific example, fair account of both sides, constructive resolution and a lesson.",
        4: "Also shows changing their own mind or improving how the team makes such decisions.",
      },
      senior: {
        1: "No example or a combative one.",
        2: "Handled it personally but the team process did not improve.",
        3: "Resolved with evidence and respect, and kept the relationship strong.",
        4: "Also created a lasting mechanism (design reviews, decision records) so similar disagreements resolve faster.",
      },
    },
  },
  {
    id: "culture-helping-a-teammate",
    area: "culture-fit",
    title: "Helping a teammate succeed",
    prompt:
      "Describe a time you helped a colleague get unstuck or get up to speed. What did you do, and how did you balance it with your own work?",
    competencies: ["communication-collaboration"],
    cultureFacets: ["collaboration"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 6,
    signals: [
      "Gives a specific example with a clear outcome",
      "Helped them learn rather than just doing the work for them",
      "Adapted the help to the person (pairing, written notes, examples)",
      "Managed their own commitments openly",
      "Followed up afterwards",
    ],
    redFlags: [
      "Sees helping others as a distraction from real work",
      "Describes the colleague dismissively",
    ],
    followUps: [
      "How did you know your help was useful?",
      "Has anyone done this for you? What did you take from it?",
    ],
    rubric: {
      default: {
        1: "Cannot recall helping anyone.",
        2: "Helped, but by taking over the task.",
        3: "Helped in a way that built the other person's ability, with a clear outcome.",
        4: "Also turned the help into something reusable for the team, such as docs or onboarding material.",
      },
      junior: {
        1: "Cannot give any example of helping someone.",
        2: "Example is vague, with no clear action or result.",
        3: "Specific example of helping a peer or sharing something they learned, with a result.",
        4: "Also reflects on how they would help differently next time.",
      },
    },
  },
  {
    id: "culture-cross-team-dependency",
    area: "culture-fit",
    title: "Working across team boundaries",
    prompt:
      "Tell me about a piece of work that depended on another team who had different priorities. How did you get what you needed?",
    competencies: ["communication-collaboration"],
    cultureFacets: ["collaboration", "ownership"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 7,
    signals: [
      "Understood the other team's goals and constraints",
      "Made the request concrete and easy to say yes to",
      "Flagged the risk to their own team early",
      "Found a workaround or offered to do part of the work",
      "Kept the relationship good for the next time",
    ],
    redFlags: [
      "Waited passively and blamed the other team for the delay",
      "Went around the other team in a way that damaged trust",
    ],
    followUps: [
      "What would you do if they had said no?",
      "How did you keep your own stakeholders informed?",
    ],
    rubric: {
      default: {
        1: "No example, or only complaints about other teams.",
        2: "Asked and waited; the outcome depended on the other team.",
        3: "Took initiative, understood the other side, made progress and communicated risk.",
        4: "Also improved how the teams work together beyond the single request.",
      },
    },
  },
  {
    id: "culture-unclear-problem",
    area: "culture-fit",
    title: "Untangling an unclear problem",
    prompt:
      "Think of a problem you worked on where at first nobody really knew what was wrong or what was being asked. How did you make sense of it and decide what to do?",
    competencies: ["communication-collaboration"],
    cultureFacets: ["problem-solving"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 7,
    signals: [
      "Clarified the goal with the people involved before building",
      "Split the problem into smaller questions that could be answered",
      "Formed hypotheses and tested them with data, logs or small experiments",
      "Chose a next step despite remaining uncertainty",
      "Shared findings as they went",
    ],
    redFlags: [
      "Started building without understanding the problem",
      "Could not explain how they decided what to try",
    ],
    followUps: [
      "Which assumption turned out to be wrong?",
      "How did you know when to stop investigating and act?",
    ],
    rubric: {
      default: {
        1: "No structured approach described.",
        2: "Solved it, but through trial and error they cannot explain.",
        3: "Clear method: clarify, decompose, test hypotheses, decide and communicate.",
        4: "Also turned what they learned into a reusable practice or shared it widely.",
      },
    },
  },
  {
    id: "culture-stuck-and-asking-for-help",
    area: "culture-fit",
    title: "Being stuck and asking for help",
    prompt:
      "Tell me about the last time you were properly stuck on something technical. What did you try on your own, and when and how did you ask for help?",
    competencies: ["communication-collaboration"],
    cultureFacets: ["problem-solving", "adaptability"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 6,
    signals: [
      "Tried a sensible sequence of approaches on their own first",
      "Time-boxed the effort rather than struggling for days",
      "Asked with a clear summary: goal, what was tried, what was observed",
      "Changed approach when the first plan did not work",
      "Took something away that helps them next time",
    ],
    redFlags: ["Never asks for help, or asks before trying anything", "Cannot recall being stuck"],
    followUps: [
      "How do you decide how long to try alone?",
      "What would you tell a new joiner about asking for help here?",
    ],
    rubric: {
      default: {
        1: "No example, or struggled silently until a deadline was missed.",
        2: "Asked for help but without preparation or only very late.",
        3: "Reasonable solo effort, time-boxed, a well-prepared request and a lesson learned.",
        4: "Also made it easier for others to get unstuck next time, for example by documenting the fix.",
      },
      senior: {
        1: "Claims never to get stuck.",
        2: "Describes getting help but no reflection.",
        3: "Good judgement on when to ask, and comfortable asking even as a senior.",
        4: "Also models this for the team so juniors feel safe asking early.",
      },
    },
  },
  {
    id: "culture-trade-off-under-deadline",
    area: "culture-fit",
    title: "A trade-off under a deadline",
    prompt:
      "Describe a time you had to ship something by a fixed date and could not do everything properly. What did you cut or simplify, how did you decide, and what happened to the shortcuts afterwards?",
    competencies: ["communication-collaboration"],
    cultureFacets: ["problem-solving", "ownership"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 7,
    signals: [
      "Identified what mattered most to users and protected it",
      "Made the trade-off explicit to stakeholders rather than hiding it",
      "Did not cut corners on security or data integrity",
      "Recorded the shortcuts and came back to them",
      "Can say what they would decide differently now",
    ],
    redFlags: [
      "Quietly skipped tests or checks and told no one",
      "Left the shortcuts for others to discover",
    ],
    followUps: [
      "Who else knew about the shortcut?",
      "Did the follow-up work actually happen? Why or why not?",
    ],
    rubric: {
      default: {
        1: "No example, or the shortcuts caused harm and were hidden.",
        2: "Made reasonable cuts but did not communicate or follow up.",
        3: "Principled cuts, made visible, with follow-up work tracked and done.",
        4: "Also shaped scope with stakeholders early enough to avoid the worst trade-offs.",
      },
    },
  },
  {
    id: "culture-changing-requirements",
    area: "culture-fit",
    title: "Requirements that changed mid-way",
    prompt:
      "Tell me about a project where the requirements changed significantly after you had started. How did you react, and what did you change in how you worked?",
    competencies: ["communication-collaboration"],
    cultureFacets: ["adaptability"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 6,
    signals: [
      "Sought to understand why the requirements changed",
      "Re-planned and communicated the impact on scope or dates",
      "Reused what they could instead of starting over out of frustration",
      "Stayed constructive with the people involved",
      "Adjusted their approach, e.g. smaller increments or earlier demos",
    ],
    redFlags: ["Describes the change only as someone else's failure", "Kept building the old plan"],
    followUps: [
      "What did you do with the work that was no longer needed?",
      "How do you build software so that such changes hurt less?",
    ],
    rubric: {
      default: {
        1: "Resisted the change or cannot give an example.",
        2: "Adapted, but with visible frustration and no reflection.",
        3: "Understood the reason, re-planned openly and kept momentum.",
        4: "Also changed ways of working so the team handles change better.",
      },
    },
  },
  {
    id: "culture-learning-new-technology",
    area: "culture-fit",
    title: "Learning something new quickly",
    prompt:
      "Tell me about a time you had to become productive with a tool, library or part of a codebase that was new to you, under some time pressure. How did you go about it?",
    competencies: ["communication-collaboration"],
    cultureFacets: ["adaptability"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 6,
    signals: [
      "Had a plan for learning: official docs, small experiments, reading existing code",
      "Learned from people who already knew it",
      "Delivered something real while still learning",
      "Knew the limits of what they had learned and checked risky parts",
      "Shared what they learned with the team",
    ],
    redFlags: [
      "Copied snippets without understanding them and shipped",
      "Avoided the new thing until forced",
    ],
    followUps: [
      "What would you do differently if you had to learn it again?",
      "How do you keep up with changes in Django and its ecosystem?",
    ],
    rubric: {
      default: {
        1: "No example, or reluctance to learn new things.",
        2: "Learned it, but with no clear method.",
        3: "Deliberate learning approach, delivered while learning, aware of gaps.",
        4: "Also raised the team's knowledge through notes, talks or pairing.",
      },
    },
  },
  {
    id: "culture-production-mistake",
    area: "culture-fit",
    title: "A mistake that reached production",
    prompt:
      "Tell me about a mistake of yours that affected users or colleagues. What happened, what did you do in the moment, and what changed afterwards?",
    competencies: ["communication-collaboration"],
    cultureFacets: ["ownership"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 7,
    signals: [
      "Takes clear ownership without excessive self-blame or blaming others",
      "Raised it quickly and focused on limiting the impact",
      "Explains the cause without hiding details",
      "Put something in place so it will not happen again",
      "Shares the lesson openly",
    ],
    redFlags: [
      "Cannot name a mistake",
      "Blames tools, process or others for everything",
      "Hid the problem or hoped no one would notice",
    ],
    followUps: ["Who did you tell first, and when?", "What stopped it from being caught earlier?"],
    rubric: {
      default: {
        1: "No example or deflects responsibility.",
        2: "Owns it but the fix was only local, with no prevention.",
        3: "Owns it, acted quickly, communicated and added a lasting safeguard.",
        4: "Also used it to improve the wider process and helped others learn from it.",
      },
    },
  },
  {
    id: "culture-unowned-problem",
    area: "culture-fit",
    title: "Picking up something nobody owned",
    prompt:
      "Describe a problem at work that everyone knew about but nobody was fixing. Did you pick it up, and if so, how did you get it done alongside your main work?",
    competencies: ["communication-collaboration"],
    cultureFacets: ["ownership", "collaboration"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 6,
    signals: [
      "Noticed the problem and judged it worth fixing",
      "Made it visible and agreed priority with their lead or team",
      "Got it done in steps rather than as a side project that never ends",
      "Brought others along instead of becoming a single point of knowledge",
      "Can point to the result",
    ],
    redFlags: [
      "Sees such problems as someone else's job by default",
      "Fixed it secretly and neglected agreed work",
    ],
    followUps: [
      "How did you decide it was more important than your other work?",
      "Who owns it now?",
    ],
    rubric: {
      default: {
        1: "Cannot give an example of picking up unowned work.",
        2: "Raised the problem but did not move it forward.",
        3: "Took it on openly, agreed priority and delivered a result.",
        4: "Also set up lasting ownership so the problem stays solved.",
      },
    },
  },
  {
    id: "culture-feedback-changed-approach",
    area: "culture-fit",
    title: "Feedback that changed your approach",
    prompt:
      "Tell me about feedback you received that was hard to hear. How did you respond, and what did you do differently afterwards?",
    competencies: ["communication-collaboration"],
    cultureFacets: ["adaptability"],
    levels: ["junior", "mid", "senior"],
    suggestedMinutes: 6,
    signals: [
      "Gives a genuine example that was uncomfortable",
      "Listened and asked questions before reacting",
      "Made a concrete change afterwards",
      "Checked later whether the change worked",
    ],
    redFlags: [
      "Only offers a disguised strength as the feedback",
      "Dismisses the feedback as unfair without reflection",
    ],
    followUps: [
      "How do you ask for feedback now?",
      "Have you given someone similar feedback since?",
    ],
    rubric: {
      default: {
        1: "No example or rejects the idea of feedback.",
        2: "Example given, but no real change followed.",
        3: "Genuine example, open response and a concrete change.",
        4: "Also actively seeks feedback now and gives it well to others.",
      },
    },
  },
];
