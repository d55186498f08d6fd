"use client";

import { useActionState, useState } from "react";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { FormError } from "@/components/ui/FormError";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { SuggestInput } from "@/components/ui/SuggestInput";
import { controlClasses } from "@/components/ui/field-styles";
import { fieldError, fieldValue, type ActionResult, type ActionState } from "@/components/ui/action-result";
import type { AuthorizeSqlAnswer } from "@/lib/services/access/authorize-sql";
import { QueryVerdictView } from "./QueryVerdictView";

type CheckQueryAction = (
  state: ActionState<AuthorizeSqlAnswer>,
  formData: FormData,
) => Promise<ActionResult<AuthorizeSqlAnswer>>;

const EXAMPLE = "SELECT id, gender, mobile, credit_card\nFROM user_profile\nWHERE city = 'Hangzhou'";

/**
 * The question (principal and SQL) and the engine's answer side by side. The SQL is posted to the server action
 * (a query may be long, so not in the URL); an error the SQL caused shows at the SQL, with its line and column.
 */
export function CheckQuery({
  action,
  project,
  mayInspectOthers,
  self,
}: {
  action: CheckQueryAction;
  project: string;
  mayInspectOthers: boolean;
  self: string;
}) {
  const [state, submit] = useActionState(action, null);
  const [sql, setSql] = useState("");
  const answer = state?.ok ? state.data : undefined;
  return (
    <div className="grid items-start gap-6 xl:grid-cols-[28rem_minmax(0,1fr)]">
      <Card
        title="Query"
        description={
          mayInspectOthers
            ? `Anyone in ${project}, or any user of your account. Tables without a project are ${project}'s.`
            : `You may check only your own queries in ${project}.`
        }
      >
        <form action={submit} className="grid gap-4" aria-label="Check a query">
          <FormError state={state} />
          <input type="hidden" name="project" value={project} />
          <Field
            label="Principal"
            required
            error={fieldError(state, "principal")}
            hint="A member, or any email or principal name such as RAM$wonderland:allen."
          >
            {(control) =>
              mayInspectOthers ? (
                <SuggestInput
                  {...control}
                  name="principal"
                  required
                  project={project}
                  source={{ kind: "member" }}
                  defaultValue={fieldValue(state, "principal", answer?.principal ?? "")}
                />
              ) : (
                <input
                  {...control}
                  name="principal"
                  readOnly
                  value={self}
                  className={controlClasses("h-9 bg-slate-50 font-mono")}
                />
              )
            }
          </Field>
          <Field
            label="SQL"
            required
            error={fieldError(state, "sql")}
            hint="SELECT (joins, subqueries, WITH), INSERT [OVERWRITE] ... SELECT or CREATE TABLE ... AS SELECT, in MaxCompute SQL."
          >
            {(control) => (
              // Controlled, so the query stays after a check (React resets a form once its action succeeds).
              <textarea
                {...control}
                name="sql"
                required
                rows={10}
                spellCheck={false}
                value={sql}
                onChange={(event) => setSql(event.target.value)}
                placeholder={EXAMPLE}
                className={controlClasses("resize-y py-2 font-mono text-xs")}
              />
            )}
          </Field>
          <div>
            <SubmitButton>Check query</SubmitButton>
          </div>
        </form>
      </Card>
      <Card title="Answer">
        {answer ? (
          <QueryVerdictView answer={answer} />
        ) : (
          <EmptyState icon="search" title="Check a query to see the engine's answer">
            Name a principal and paste a query. The engine judges every table it reads — column by column — and every
            table it writes, and says whether data leaves a protected project.
          </EmptyState>
        )}
      </Card>
    </div>
  );
}
