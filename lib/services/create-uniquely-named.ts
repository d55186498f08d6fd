import { isUniqueViolation } from "@/lib/db/unique-violation";
import { AppError } from "@/lib/errors";

interface UniquelyNamed<T> {
  /** What is created, as a user says it: "Role", "Package". */
  noun: string;
  name: string;
  projectName: string;
  /** Whether the project already holds this name, whatever its case. */
  exists: () => Promise<boolean>;
  /** The audited creation. */
  create: () => Promise<T>;
}

/**
 * Creates something whose name is unique in its project whatever its case (the engine matches names
 * case-insensitively). A taken name is a CONFLICT naming the field, found before the write; two creations racing
 * past that check are told apart by the case-insensitive unique index, and the loser gets the same answer.
 */
export async function createUniquelyNamed<T>({
  noun,
  name,
  projectName,
  exists,
  create,
}: UniquelyNamed<T>): Promise<T> {
  const taken = () =>
    new AppError("CONFLICT", `${noun} ${name} already exists in ${projectName}.`, {
      name: [`A ${noun.toLowerCase()} with this name already exists in this project.`],
    });
  if (await exists()) throw taken();
  try {
    return await create();
  } catch (error) {
    throw isUniqueViolation(error) ? taken() : error;
  }
}
