import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";

interface UniquelyNamed<T> {
  /** What is created, as a user says it: "Role", "Package". */
  noun: string;
  name: string;
  projectName: string;
  /** The audited creation. */
  create: () => Promise<T>;
}

/**
 * Creates something whose name is unique in its project whatever its case (the engine matches names
 * case-insensitively). A taken name is a CONFLICT naming the field: the case-insensitive unique index decides,
 * so a creation racing another is answered the same as one that came second (the audited transaction rolls back).
 */
export async function createUniquelyNamed<T>({ noun, name, projectName, create }: UniquelyNamed<T>): Promise<T> {
  const taken = () =>
    new AppError("CONFLICT", `${noun} ${name} already exists in ${projectName}.`, {
      name: [`A ${noun.toLowerCase()} with this name already exists in this project.`],
    });
  try {
    return await create();
  } catch (error) {
    throw isUniqueViolation(error) ? taken() : error;
  }
}
