/** What each category and answer reads as, for the candidate's form and the report alike. */
export const CATEGORY_LABELS = {
  sex: "Sex",
  raceEthnicity: "Race or ethnicity",
  veteranStatus: "Veteran status",
  disability: "Disability",
} as const;
export type TCategory = keyof typeof CATEGORY_LABELS;
export const CATEGORIES = Object.keys(CATEGORY_LABELS) as TCategory[];

export const ANSWER_LABELS: Record<TCategory, Record<string, string>> = {
  sex: {
    female: "Female",
    male: "Male",
    another: "Another way",
    prefer_not_to_say: "Prefer not to say",
  },
  raceEthnicity: {
    hispanic_or_latino: "Hispanic or Latino",
    white: "White",
    black_or_african_american: "Black or African American",
    asian: "Asian",
    native_hawaiian_or_pacific_islander: "Native Hawaiian or other Pacific Islander",
    american_indian_or_alaska_native: "American Indian or Alaska Native",
    two_or_more: "Two or more races",
    prefer_not_to_say: "Prefer not to say",
  },
  veteranStatus: {
    protected_veteran: "I am a protected veteran",
    not_protected_veteran: "I am not a protected veteran",
    prefer_not_to_say: "Prefer not to say",
  },
  disability: {
    yes: "Yes, I have a disability (or had one)",
    no: "No, I do not have a disability",
    prefer_not_to_say: "Prefer not to say",
  },
};

export const answerLabel = (category: TCategory, value: string) =>
  ANSWER_LABELS[category][value] ?? value;
