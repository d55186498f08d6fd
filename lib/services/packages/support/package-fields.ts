import { z } from "zod";
import { PRIVILEGES_BY_TYPE, type ObjectType, type Privilege } from "@/lib/authz";

/** The name of a new package: as MaxCompute names objects. */
export const newPackageName = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,127}$/, "Use up to 128 letters, digits or underscores, starting with a letter.");

/** A reference to an existing package of the project; package names compare case-insensitively. */
export const packageReference = z.string().trim().min(1, "Name the package.").max(128);

/** Another project's package as INSTALL PACKAGE names it: `owner_project.package`. */
export const qualifiedPackageField = z
  .string()
  .trim()
  .max(257)
  .transform((value, context) => {
    const parts = value.split(".");
    if (parts.length !== 2 || parts.some((part) => part.length === 0 || part.length > 128)) {
      context.addIssue({ code: "custom", message: "Write the package as owner_project.package." });
      return z.NEVER;
    }
    return { ownerProject: parts[0]!, packageName: parts[1]! };
  });

/** Another project, named as the provider names it (project names are global). */
export const projectNameField = z.string().trim().min(1, "Name the project.").max(128);

/** `USING LABEL n`: the clearance the installer's users read the package's data with; 0 when omitted. */
export const labelField = z.preprocess(
  (value) => (value === "" || value === undefined || value === null ? 0 : value),
  z.coerce
    .number({ error: "Use a whole number from 0 to 9." })
    .int("Use a whole number from 0 to 9.")
    .min(0, "Use a whole number from 0 to 9.")
    .max(9, "Use a whole number from 0 to 9."),
);

/** Object types a package may carry: the catalog's, never a project or a package. */
export const PACKAGE_OBJECT_TYPES = ["Table", "View", "Function", "Resource", "Instance"] as const;
export type PackageObjectType = (typeof PACKAGE_OBJECT_TYPES)[number];

/** The privileges a package may share on an object type: MaxCompute's list for the type, named one by one (not All). */
export const shareablePrivileges = (type: ObjectType): Privilege[] =>
  PRIVILEGES_BY_TYPE[type].filter((privilege) => privilege !== "All");

/** `ADD ... TO PACKAGE` without `WITH PRIVILEGES`: Read/Describe/Select, as far as the type has them. */
export const defaultPackagePrivileges = (type: ObjectType): Privilege[] =>
  (["Read", "Describe", "Select"] as const).filter((privilege) => PRIVILEGES_BY_TYPE[type].includes(privilege));
