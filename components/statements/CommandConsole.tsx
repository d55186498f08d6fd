"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, useTransition, type KeyboardEvent } from "react";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { controlClasses } from "@/components/ui/field-styles";
import type { ActionState } from "@/lib/endpoint/server-action";
import type { ErrorBody } from "@/lib/errors";
import type { SourcePosition } from "@/lib/statements/ast";
import { completionContext, keywordCompletions, type CompletionContext } from "@/lib/statements/completion";
import type { StatementFailure, StatementRun, StatementsAnswer } from "@/lib/statements/result";
import { StatementResultView } from "./StatementResultView";
import { loadHistory, rememberStatement } from "./statement-history";

type RunAction = (previous: unknown, formData: FormData) => Promise<ActionState<StatementsAnswer>>;

interface Completions {
  context: CompletionContext;
  options: string[];
}

const COMPLETION_DELAY_MS = 150;

/**
 * The command console: an editor for MaxCompute's security statements, run through the statements endpoint's
 * server action (the very definition POST /api/v1/projects/{project}/statements serves). Ctrl+Enter runs; ↑ on
 * the first line and ↓ on the last recall this user's history; Tab takes the first completion (Escape hides
 * them, so Tab leaves the editor again).
 */
export function CommandConsole({
  project,
  userKey,
  action,
  initialText = "",
}: {
  project: string;
  userKey: string;
  action: RunAction;
  initialText?: string;
}) {
  const editorId = useId();
  const hintId = `${editorId}-hint`;
  const completionsId = `${editorId}-completions`;
  const editor = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(initialText);
  const [caret, setCaret] = useState(initialText.length);
  const [history, setHistory] = useState<string[]>([]);
  const [recall, setRecall] = useState<{ at: number; draft: string } | null>(null);
  const [runs, setRuns] = useState<StatementRun[]>([]);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [completions, setCompletions] = useState<Completions | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const [running, startRunning] = useTransition();
  const columnCache = useRef(new Map<string, string[]>());

  useEffect(() => setHistory(loadHistory(userKey)), [userKey]);

  // Completions for the word at the caret: keywords at once, the project's names from the server.
  useEffect(() => {
    const context = completionContext(text, caret);
    if (context.prefix === "" && context.source.kind === "keyword") {
      setCompletions(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const names = await fetchNames(project, context, columnCache.current, controller.signal).catch(() => []);
      if (controller.signal.aborted) return;
      const options = [...new Set([...names, ...keywordCompletions(context.prefix)])]
        .filter((option) => option !== context.prefix)
        .slice(0, 12);
      setCompletions({ context, options });
    }, COMPLETION_DELAY_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [text, caret, project]);

  const shownCompletions = !dismissed && completions && completions.options.length > 0 ? completions : null;

  function insertCompletion(option: string) {
    if (!completions) return;
    const { start } = completions.context;
    const next = text.slice(0, start) + option + text.slice(caret);
    const at = start + option.length;
    setText(next);
    setCaret(at);
    setCompletions(null);
    requestAnimationFrame(() => {
      editor.current?.focus();
      editor.current?.setSelectionRange(at, at);
    });
  }

  function run() {
    const statement = text;
    if (statement.trim() === "" || running) return;
    setHistory((current) => rememberStatement(userKey, current, statement));
    setRecall(null);
    const formData = new FormData();
    formData.set("project", project);
    formData.set("statement", statement);
    startRunning(async () => {
      const result = await action(null, formData);
      if (result.ok) {
        setRuns(result.data.results);
        setError(null);
      } else {
        const failure = result.error.details as Partial<StatementFailure> | undefined;
        setRuns(failure?.completed ?? []);
        setError(result.error);
        const position = failure?.position;
        if (position) {
          editor.current?.focus();
          editor.current?.setSelectionRange(position.offset, position.offset);
        }
      }
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const target = event.currentTarget;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
      return;
    }
    if (event.key === "Escape" && shownCompletions) {
      event.preventDefault();
      setDismissed(true);
      return;
    }
    if (event.key === "Tab" && !event.shiftKey && shownCompletions) {
      event.preventDefault();
      insertCompletion(shownCompletions.options[0]!);
      return;
    }
    const collapsed = target.selectionStart === target.selectionEnd;
    const onFirstLine = !target.value.slice(0, target.selectionStart).includes("\n");
    const onLastLine = !target.value.slice(target.selectionEnd).includes("\n");
    if (event.key === "ArrowUp" && collapsed && onFirstLine && history.length > 0) {
      const at = recall ? Math.max(0, recall.at - 1) : history.length - 1;
      event.preventDefault();
      setRecall({ at, draft: recall?.draft ?? text });
      setText(history[at]!);
      setCaret(0);
      requestAnimationFrame(() => target.setSelectionRange(0, 0));
    } else if (event.key === "ArrowDown" && collapsed && onLastLine && recall) {
      event.preventDefault();
      const next = recall.at + 1 < history.length ? history[recall.at + 1]! : recall.draft;
      setRecall(recall.at + 1 < history.length ? { ...recall, at: recall.at + 1 } : null);
      setText(next);
      setCaret(next.length);
      requestAnimationFrame(() => target.setSelectionRange(next.length, next.length));
    }
  }

  const failure = error?.details as Partial<StatementFailure> | undefined;

  return (
    <div className="grid gap-6">
      <Card>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            run();
          }}
          className="grid gap-3"
        >
          <label htmlFor={editorId} className="text-sm font-medium text-slate-800">
            Statements in {project}
          </label>
          <textarea
            ref={editor}
            id={editorId}
            name="statement"
            rows={8}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            value={text}
            aria-describedby={`${hintId} ${completionsId}`}
            aria-invalid={error?.code === "INVALID_STATEMENT" ? true : undefined}
            className={controlClasses("resize-y py-2 font-mono text-sm")}
            placeholder={"LIST USERS;\nSET LABEL 2 TO TABLE user_profile(mobile, user_addr, birthday);"}
            onChange={(event) => {
              setText(event.target.value);
              setCaret(event.target.selectionStart);
              setDismissed(false);
            }}
            onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
            onKeyDown={onKeyDown}
          />
          <p id={hintId} className="text-xs text-slate-500">
            Separate statements with <kbd>;</kbd>; they run one by one and stop at the first failure. <kbd>Ctrl</kbd>+
            <kbd>Enter</kbd> runs, <kbd>↑</kbd> on the first line and <kbd>↓</kbd> on the last recall your history,{" "}
            <kbd>Tab</kbd> takes the first completion and <kbd>Esc</kbd> hides them.
          </p>
          <div id={completionsId} aria-live="polite" className="min-h-8">
            {shownCompletions ? (
              <div className="flex flex-wrap items-center gap-1.5">
                <span className="text-xs text-slate-500">Completions:</span>
                {shownCompletions.options.map((option) => (
                  <button
                    key={option}
                    type="button"
                    onClick={() => insertCompletion(option)}
                    className="rounded border border-slate-200 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800 hover:bg-slate-100"
                  >
                    {option}
                  </button>
                ))}
              </div>
            ) : null}
          </div>
          <div className="flex items-center gap-3">
            <Button type="submit" variant="primary" loading={running} disabled={text.trim() === ""}>
              Run
            </Button>
            <span className="text-xs text-slate-500">
              Each statement is authorized and audited exactly as the matching form.
            </span>
          </div>
        </form>
      </Card>

      <div aria-live="polite" className="grid gap-4">
        {error ? (
          <Alert tone="danger" role="alert" title={errorTitle(error, failure)}>
            <p>{error.message}</p>
            {failure?.position ? <ErrorPosition text={text} position={failure.position} /> : null}
            {Array.isArray(failure?.explanation) ? <Explanation steps={failure.explanation} /> : null}
          </Alert>
        ) : null}
        {runs.map((entry, index) => (
          <StatementResultView key={`${index}-${entry.position.offset}`} run={entry} />
        ))}
        {!error && runs.length === 0 ? (
          <p className="text-sm text-slate-500">
            Results appear here. Try <code className="font-mono">LIST USERS</code> or{" "}
            <code className="font-mono">SHOW SECURITYCONFIGURATION</code>; changes link to the page that shows them,
            e.g. <Link href={`/members?project=${encodeURIComponent(project)}`}>Members</Link>.
          </p>
        ) : null}
      </div>
    </div>
  );
}

function errorTitle(error: ErrorBody, failure: Partial<StatementFailure> | undefined): string {
  const where = failure?.position ? ` at line ${failure.position.line}, column ${failure.position.column}` : "";
  if (error.code === "INVALID_STATEMENT") return `The statement does not parse${where}`;
  const which = failure?.index !== undefined ? `Statement ${failure.index + 1}` : "The statement";
  const why = { FORBIDDEN: "was refused", NOT_FOUND: "names something unknown" }[error.code as string] ?? "failed";
  return `${which} ${why}${where}`;
}

/** The line the position is on, with the character there marked and a caret under it. */
function ErrorPosition({ text, position }: { text: string; position: SourcePosition }) {
  const line = text.split("\n")[position.line - 1] ?? "";
  const at = Math.min(position.column - 1, line.length);
  return (
    <pre
      className="mt-2 overflow-x-auto rounded bg-white/70 p-2 font-mono text-xs text-slate-900"
      aria-label={`Line ${position.line}, column ${position.column}`}
    >
      {line.slice(0, at)}
      <mark className="bg-danger-200 text-danger-900">{line.slice(at, at + 1) || " "}</mark>
      {line.slice(at + 1)}
      {"\n"}
      <span aria-hidden="true">{" ".repeat(at)}^</span>
    </pre>
  );
}

function Explanation({ steps }: { steps: unknown[] }) {
  return (
    <ol className="mt-2 list-decimal pl-5 text-xs">
      {steps.slice(0, 12).map((step, index) => {
        const { layer, verdict, text } = (step ?? {}) as { layer?: string; verdict?: string; text?: string };
        return (
          <li key={index}>
            {layer ? <strong>{layer}</strong> : null} {verdict ? `(${verdict})` : null} {text ?? ""}
          </li>
        );
      })}
    </ol>
  );
}

/** The project's names for the completion context, from the same endpoints the forms' pickers use. */
async function fetchNames(
  project: string,
  context: CompletionContext,
  columnCache: Map<string, string[]>,
  signal: AbortSignal,
): Promise<string[]> {
  const { source, prefix } = context;
  const base = `/api/v1/projects/${encodeURIComponent(project)}`;
  if (source.kind === "keyword") return [];
  if (source.kind === "column") {
    const key = source.table.toLowerCase();
    let columns = columnCache.get(key);
    if (!columns) {
      const response = await fetch(`${base}/objects/Table/${encodeURIComponent(source.table)}`, { signal });
      if (!response.ok) return [];
      const body = (await response.json()) as { data: { columns: { name: string }[] } };
      columns = body.data.columns.map((column) => column.name);
      columnCache.set(key, columns);
    }
    return columns.filter((column) => column.toLowerCase().startsWith(prefix.toLowerCase()));
  }
  const params = new URLSearchParams({ kind: source.kind, q: prefix });
  if (source.kind === "object" && source.type) params.set("type", source.type);
  const response = await fetch(`${base}/suggestions?${params}`, { signal });
  if (!response.ok) return [];
  return ((await response.json()) as { data: { names: string[] } }).data.names;
}
