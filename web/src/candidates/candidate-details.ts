/**
 * A candidate's details as the add and edit forms send them: name and e-mail as typed, and the
 * optional fields as null when left blank (the server reads null as "none").
 */
export function candidateDetailsOf(field: (name: string) => string) {
  const optional = (name: string) => field(name).trim() || null;
  return {
    name: field("name"),
    email: field("email"),
    phone: optional("phone"),
    links: {
      github: optional("github"),
      portfolio: optional("portfolio"),
      linkedin: optional("linkedin"),
    },
    notes: optional("notes"),
  };
}
