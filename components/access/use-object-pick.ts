"use client";

import { useState } from "react";
import type { ObjectType } from "@/lib/authz";
import { columnsTypeOf, useObjectColumns } from "./use-object-columns";

/**
 * The object a form's name field is picking: what is typed (with suggestions), the name the user settled on,
 * and that object's columns, shown while the field still says the settled name. `nameInput` goes on the
 * field's SuggestInput (with `key={type}`, so a new type starts an empty field); `clear` is for a type change.
 */
export function useObjectPick(project: string, type: ObjectType, initialName: string) {
  const [typedName, setTypedName] = useState(initialName);
  const [objectName, setObjectName] = useState(initialName);
  const stillNamed = typedName.trim().toLowerCase() === objectName.trim().toLowerCase();
  const columns = useObjectColumns(project, columnsTypeOf(type), stillNamed ? objectName : "");
  return {
    objectName,
    columns,
    nameInput: {
      name: "objectName",
      required: true,
      project,
      // A project has no name to pick (the form shows the project itself); every other type suggests its own.
      source: { kind: "object" as const, type: type === "Project" ? undefined : type },
      defaultValue: typedName,
      onChange: (event: { target: { value: string } }) => setTypedName(event.target.value),
      onCommit: setObjectName,
    },
    clear() {
      setTypedName("");
      setObjectName("");
    },
  };
}
