"use client";

import { useActionState, useEffect, useId, useState } from "react";
import { Checkbox } from "@/components/ui/Checkbox";
import { Field, FieldMessage } from "@/components/ui/Field";
import { FormError } from "@/components/ui/FormError";
import { Select } from "@/components/ui/Select";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { TextInput } from "@/components/ui/TextInput";
import { fieldError, fieldValue, type ActionResult, type ActionState } from "@/components/ui/action-result";
import { toast } from "@/components/ui/toast";
import { OBJECT_TYPES, PRIVILEGES_BY_TYPE, type ObjectType, type Privilege } from "@/lib/authz/model/privileges";
import { hasColumns } from "@/lib/catalog/object-spec";
import type { GrantFormOptions } from "@/lib/services/grants/grant-form-options";
import type { GrantItem } from "@/lib/services/grants/support/grant-item";
import { SuggestInput } from "@/components/ui/SuggestInput";

type GrantResult = { created: string[]; renewed: string[]; grants: GrantItem[] };
type GrantAction = (state: ActionState<GrantResult>, formData: FormData) => Promise<ActionResult<GrantResult>>;

export interface GrantDefaults {
  objectType?: ObjectType;
  objectName?: string;
  granteeType?: "User" | "Role";
  grantee?: string;
}

function grantedText(result: GrantResult): string {
  const first = result.grants[0];
  if (!first) return "Granted";
  const privileges = result.grants.map((grant) => grant.privilege).join(", ");
  return `Granted ${privileges} on ${first.objectType.toLowerCase()} ${first.objectName} to ${first.grantee.type === "Role" ? `role ${first.grantee.name}` : first.grantee.name}`;
}

/**
 * GRANT privileges ON an object TO a user or role: the privileges offered are the ones valid for the object's
 * type. Whether the actor may grant is the engine's call; its reason shows at the top of the form.
 */
export function GrantForm({
  action,
  project,
  options,
  defaults,
}: {
  action: GrantAction;
  project: string;
  options: GrantFormOptions;
  defaults: GrantDefaults;
}) {
  const [state, submit] = useActionState(action, null);
  const [objectType, setObjectType] = useState<ObjectType>(defaults.objectType ?? "Table");
  const [granteeType, setGranteeType] = useState<"User" | "Role">(defaults.granteeType ?? "User");
  const [privileges, setPrivileges] = useState<ReadonlySet<Privilege>>(new Set());
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (state?.ok && state.data) {
      toast(grantedText(state.data), { tone: "success" });
      setPrivileges(new Set());
      setGeneration((current) => current + 1);
    }
  }, [state]);
  const choosePrivilege = (privilege: Privilege, on: boolean) =>
    setPrivileges((current) => {
      const next = new Set(current);
      if (on) next.add(privilege);
      else next.delete(privilege);
      return next;
    });
  const privilegeError = fieldError(state, "privileges");
  const privilegeErrorId = useId();

  return (
    <form key={generation} action={submit} className="grid gap-4" aria-label="Grant privileges">
      <FormError state={state} />
      <input type="hidden" name="project" value={project} />
      <Select
        label="Object type"
        name="objectType"
        value={objectType}
        onChange={(event) => {
          setObjectType(event.target.value as ObjectType);
          setPrivileges(new Set());
        }}
        options={OBJECT_TYPES.map((type) => ({ value: type, label: type }))}
      />
      {objectType === "Project" ? (
        <p className="text-sm text-slate-600">Project privileges apply to {project} itself.</p>
      ) : (
        <Field
          label="Object name"
          required
          error={fieldError(state, "objectName")}
          hint={objectType === "Package" ? "An installed package, as <project>.<package>." : undefined}
        >
          {(control) => (
            <SuggestInput
              {...control}
              name="objectName"
              required
              project={project}
              source={{ kind: "object", type: objectType }}
              defaultValue={fieldValue(
                state,
                "objectName",
                defaults.objectType === objectType ? defaults.objectName : undefined,
              )}
            />
          )}
        </Field>
      )}
      <fieldset className="grid gap-2" aria-describedby={privilegeError ? privilegeErrorId : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-800">Privileges</legend>
        <div className="grid grid-cols-2 gap-2">
          {PRIVILEGES_BY_TYPE[objectType].map((privilege) => (
            <Checkbox
              key={privilege}
              name="privileges"
              value={privilege}
              label={privilege}
              checked={privileges.has(privilege)}
              onChange={(event) => choosePrivilege(privilege, event.target.checked)}
            />
          ))}
        </div>
        {privilegeError ? <FieldMessage id={privilegeErrorId}>{privilegeError}</FieldMessage> : null}
      </fieldset>
      {hasColumns(objectType) ? (
        <TextInput
          label="Columns"
          name="columns"
          autoComplete="off"
          spellCheck={false}
          error={fieldError(state, "columns")}
          defaultValue={fieldValue(state, "columns")}
          hint="Optional, comma-separated, for Select or Download only. Empty means every column."
        />
      ) : null}
      <Select
        label="Grant to"
        name="granteeType"
        value={granteeType}
        onChange={(event) => setGranteeType(event.target.value as "User" | "Role")}
        options={[
          { value: "User", label: "A user (member of the project)" },
          { value: "Role", label: "A role" },
        ]}
      />
      {granteeType === "Role" ? (
        <Select
          label="Role"
          name="grantee"
          required
          placeholder="Choose a role…"
          options={options.roles.map((role) => ({ value: role, label: role }))}
          error={fieldError(state, "grantee")}
          defaultValue={fieldValue(state, "grantee", defaults.granteeType === "Role" ? defaults.grantee : undefined)}
        />
      ) : (
        <Field
          label="User"
          required
          error={fieldError(state, "grantee")}
          hint="An email or a principal name, e.g. RAM$wonderland:allen."
        >
          {(control) => (
            <SuggestInput
              {...control}
              name="grantee"
              required
              project={project}
              source={{ kind: "member" }}
              defaultValue={fieldValue(
                state,
                "grantee",
                defaults.granteeType === "User" ? defaults.grantee : undefined,
              )}
            />
          )}
        </Field>
      )}
      <TextInput
        label="Expires on"
        name="expiresOn"
        type="date"
        error={fieldError(state, "expiresOn")}
        defaultValue={fieldValue(state, "expiresOn")}
        hint="Optional: the last day (UTC) the grant is valid. Empty means it never expires."
      />
      <div>
        <SubmitButton>Grant</SubmitButton>
      </div>
    </form>
  );
}
