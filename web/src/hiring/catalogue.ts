import { useEffect, useState } from "react";
import { api } from "../api/client";
import type { TCompetency, TQuestion, TTemplates } from "../api/hiring-types";

// The templates and the bank change rarely; one request per page load serves every page.
let templatesRequest: Promise<TTemplates | undefined> | undefined;
let questionsRequest: Promise<TQuestion[]> | undefined;

export function loadTemplates(): Promise<TTemplates | undefined> {
  templatesRequest ??= api.GET("/api/role-templates").then((r) => r.data);
  return templatesRequest;
}

export function loadQuestionCatalogue(): Promise<TQuestion[]> {
  questionsRequest ??= api
    .GET("/api/questions", { params: { query: { limit: 200 } } })
    .then((r) => r.data?.questions ?? []);
  return questionsRequest;
}

/** Forget the cached bank after an edit so titles and versions are fresh. */
export function forgetQuestionCatalogue() {
  questionsRequest = undefined;
}

export function useTemplates(): TTemplates | undefined {
  const [templates, setTemplates] = useState<TTemplates>();
  useEffect(() => {
    void loadTemplates().then(setTemplates);
  }, []);
  return templates;
}

export function useCompetencyNames(): (id: string) => string {
  const templates = useTemplates();
  const byId = new Map<string, TCompetency>(templates?.competencies.map((c) => [c.id, c]) ?? []);
  return (id) => byId.get(id)?.name ?? id;
}

export function useQuestionCatalogue(): TQuestion[] {
  const [questions, setQuestions] = useState<TQuestion[]>([]);
  useEffect(() => {
    void loadQuestionCatalogue().then(setQuestions);
  }, []);
  return questions;
}
