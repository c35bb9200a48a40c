import { useEffect, useMemo, useState } from "react";
import { ErrorBanner } from "../components/form";
import { CodeBlock } from "./CodeBlock";
import { languageOf } from "./highlight";
import { useSubmissionFile, useSubmissionFiles } from "./queries";
import { formatBytes } from "./types";
import type { TSubmissionFile } from "./types";

type TTree = { dirs: Map<string, TTree>; files: TSubmissionFile[] };

function buildTree(files: TSubmissionFile[]): TTree {
  const root: TTree = { dirs: new Map(), files: [] };
  for (const file of files) {
    const parts = file.path.split("/");
    let node = root;
    for (const dir of parts.slice(0, -1)) {
      let next = node.dirs.get(dir);
      if (!next) {
        next = { dirs: new Map(), files: [] };
        node.dirs.set(dir, next);
      }
      node = next;
    }
    node.files.push(file);
  }
  return root;
}

/** The most telling file to open first: the candidate's views, else any Python file. */
function firstFile(files: TSubmissionFile[]): string | undefined {
  return (
    files.find((f) => f.path.endsWith("tasks/views.py")) ??
    files.find((f) => f.path.endsWith(".py") && !f.path.includes("migrations/")) ??
    files[0]
  )?.path;
}

/** The candidate's files: a tree on the left, the chosen file highlighted on the right. */
export function SubmissionFiles({ submissionId }: { submissionId: string }) {
  const list = useSubmissionFiles(submissionId);
  const files = useMemo(() => list.data?.files ?? [], [list.data]);
  const [selected, setSelected] = useState<string>();
  useEffect(() => setSelected(firstFile(files)), [files]);
  const tree = useMemo(() => buildTree(files), [files]);

  return (
    <div className="file-browser">
      <ErrorBanner error={list.error} />
      <nav className="file-tree" aria-label="Submitted files">
        <TreeNode node={tree} selected={selected} onSelect={setSelected} />
        {list.data?.truncated && <p className="muted small">Only the first 2,000 files.</p>}
      </nav>
      <div className="file-view">
        {selected ? (
          <FileView submissionId={submissionId} path={selected} />
        ) : (
          <p className="muted">No files.</p>
        )}
      </div>
    </div>
  );
}

function TreeNode({
  node,
  selected,
  onSelect,
}: {
  node: TTree;
  selected: string | undefined;
  onSelect: (path: string) => void;
}) {
  return (
    <ul>
      {[...node.dirs].map(([name, child]) => (
        <li key={name}>
          <details open={!["migrations", "static", "templates"].includes(name)}>
            <summary>{name}/</summary>
            <TreeNode node={child} selected={selected} onSelect={onSelect} />
          </details>
        </li>
      ))}
      {node.files.map((file) => (
        <li key={file.path}>
          <button
            type="button"
            className={file.path === selected ? "file-link active" : "file-link"}
            aria-current={file.path === selected ? "true" : undefined}
            onClick={() => onSelect(file.path)}
          >
            {file.path.split("/").at(-1)}
          </button>
        </li>
      ))}
    </ul>
  );
}

function FileView({ submissionId, path }: { submissionId: string; path: string }) {
  const file = useSubmissionFile(submissionId, path);
  const data = file.data?.path === path ? file.data : undefined;
  return (
    <>
      <div className="file-view-head">
        <code>{path}</code>
        {data && <span className="muted small">{formatBytes(data.sizeBytes)}</span>}
      </div>
      <ErrorBanner error={file.error} />
      {data &&
        (data.shown ? (
          <CodeBlock code={data.content} language={languageOf(path)} numbered label={path} />
        ) : (
          <p className="muted">This file is binary or too large to show here.</p>
        ))}
    </>
  );
}
