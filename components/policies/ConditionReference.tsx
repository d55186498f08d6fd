"use client";

import { CONDITION_KEYS, CONDITION_OPERATORS } from "@/lib/authz";
import { Button } from "@/components/ui/Button";
import { CONDITION_KEY_HELP, CONDITION_OPERATOR_HELP, conditionSnippet } from "./condition-reference";

/**
 * The condition keys and operators a statement's `Condition` may use, each with what it means and an example
 * to insert at the cursor (inside a Condition object: `"Condition": { <here> }`).
 */
export function ConditionReference({ onInsert }: { onInsert: ((snippet: string) => void) | null }) {
  return (
    // Scrolls on its own beside the editor; focusable so keyboard users can scroll it too.
    <div
      role="region"
      aria-label="Condition keys and operators"
      tabIndex={0}
      className="grid gap-5 text-xs xl:max-h-[calc(100vh-12rem)] xl:overflow-y-auto xl:pr-1"
    >
      <p className="text-slate-600">
        Conditions go in a statement&apos;s <code className="font-mono">&quot;Condition&quot;</code> object. All
        operators and keys must hold; any listed value may match.
      </p>
      <section aria-labelledby="condition-keys" className="grid gap-2">
        <h3 id="condition-keys" className="text-sm font-semibold text-slate-900">
          Keys
        </h3>
        <ul className="grid gap-2">
          {CONDITION_KEYS.map((key) => {
            const help = CONDITION_KEY_HELP[key];
            return (
              <ReferenceItem
                key={key}
                name={key}
                explanation={help.explanation}
                snippet={conditionSnippet(help.operator, key, help.sample)}
                onInsert={onInsert}
              />
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="condition-operators" className="grid gap-2">
        <h3 id="condition-operators" className="text-sm font-semibold text-slate-900">
          Operators
        </h3>
        <ul className="grid gap-2">
          {CONDITION_OPERATORS.map((operator) => {
            const help = CONDITION_OPERATOR_HELP[operator];
            return (
              <ReferenceItem
                key={operator}
                name={operator}
                explanation={help.explanation}
                snippet={conditionSnippet(operator, help.key, help.sample)}
                onInsert={onInsert}
              />
            );
          })}
        </ul>
      </section>
    </div>
  );
}

function ReferenceItem({
  name,
  explanation,
  snippet,
  onInsert,
}: {
  name: string;
  explanation: string;
  snippet: string;
  onInsert: ((snippet: string) => void) | null;
}) {
  return (
    <li className="grid gap-1 rounded-md border border-slate-200 px-2.5 py-2">
      <div className="flex items-center justify-between gap-2">
        <code className="font-mono font-semibold text-slate-900">{name}</code>
        {onInsert ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => onInsert(snippet)}
            aria-label={`Insert an example of ${name}`}
            title={snippet}
          >
            Insert
          </Button>
        ) : null}
      </div>
      <p className="text-slate-600">{explanation}</p>
      <code className="block font-mono break-all whitespace-pre-wrap text-slate-500">{snippet}</code>
    </li>
  );
}
