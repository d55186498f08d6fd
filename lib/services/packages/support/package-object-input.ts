import { z } from "zod";
import { PRIVILEGES, type Privilege } from "@/lib/authz";
import type { ScopedProject } from "@/lib/authorize/project-scope";
import { prisma } from "@/lib/db/client";
import { invalidInput } from "@/lib/errors";
import { projectField } from "@/lib/services/project-field";
import { DB_OBJECT_TYPE } from "@/lib/services/grants/support/grant-object";
import { PACKAGE_OBJECT_TYPES, packageReference, type PackageObjectType } from "./package-fields";

/** The object an ADD/REMOVE ... PACKAGE statement names. */
export const packageObjectInput = z.object({
  project: projectField,
  packageName: packageReference,
  objectType: z.enum(PACKAGE_OBJECT_TYPES, { error: "Choose a table, view, function, resource or instance." }),
  objectName: z.string().trim().min(1, "Name the object.").max(256),
});

/** `WITH PRIVILEGES a, b`: a list, repeated form fields or comma-separated text; empty = the default. */
export const privilegesField = z.preprocess(
  (value) =>
    value === undefined || value === ""
      ? []
      : typeof value === "string"
        ? value
            .split(",")
            .map((privilege) => privilege.trim())
            .filter(Boolean)
        : value,
  z.array(z.string().max(32)).max(20),
);

/** A catalog object of the provider project by type and name (any case), or a field error. */
export async function providerObject(project: ScopedProject, type: PackageObjectType, name: string) {
  const object = await prisma.catalogObject.findFirst({
    where: { projectId: project.id, type: DB_OBJECT_TYPE[type], name: { equals: name, mode: "insensitive" } },
    select: { id: true, name: true },
  });
  if (!object) throw invalidInput({ objectName: [`${project.name} has no ${type.toLowerCase()} named ${name}.`] });
  return object;
}

/** Privilege names (any case) as the engine spells them, or undefined for one that is not a privilege. */
export function canonicalPrivilege(name: string): Privilege | undefined {
  return PRIVILEGES.find((privilege) => privilege.toLowerCase() === name.toLowerCase());
}
