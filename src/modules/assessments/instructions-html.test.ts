import { describe, expect, it } from "vitest";
import { renderInstructionsHtml } from "./instructions-html.js";

describe("renderInstructionsHtml", () => {
  it("renders headings one level below the page title, lists, tables and code", () => {
    const html = renderInstructionsHtml(
      [
        "# Task",
        "",
        "Build **two** endpoints with `pagination`:",
        "",
        "- list",
        "- detail",
        "",
        "| Field | Type |",
        "| --- | --- |",
        "| title | text |",
        "",
        "```json",
        '{"id": 1}',
        "```",
      ].join("\n"),
    );
    expect(html).toContain("<h2>Task</h2>");
    expect(html).toContain("<strong>two</strong>");
    expect(html).toContain("<code>pagination</code>");
    expect(html).toMatch(/<ul>\s*<li>list<\/li>\s*<li>detail<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<th>Field<\/th>/);
    expect(html).toContain("<td>title</td>");
    expect(html).toContain(`<pre tabindex="0"><code>{"id": 1}`);
  });

  it("drops script, event handlers and non-web links", () => {
    const html = renderInstructionsHtml(
      [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(2)">',
        "[bad](javascript:alert(3)) and [good](https://example.org/docs)",
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/script|onerror|<img|javascript:/i);
    expect(html).toContain(
      '<a href="https://example.org/docs" rel="noreferrer noopener" target="_blank">good</a>',
    );
  });
});
