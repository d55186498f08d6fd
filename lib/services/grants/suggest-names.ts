import { z } from "zod";
import type { SecurityIndex } from "@/lib/authz";
import { projectInScope } from "@/lib/authorize/project-scope";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { objectTypeField } from "./support/grant-item";
import { projectField } from "@/lib/services/project-field";

export const SUGGESTION_KINDS = ["member", "role", "object"] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

/** Object types that have names to suggest: the project itself has none. */
export const suggestibleTypeSchema = objectTypeField.exclude(["Project"]);
export type SuggestibleType = z.infer<typeof suggestibleTypeSchema>;

export const SUGGESTION_LIMIT = 20;

export const suggestNamesInput = z.object({
  project: projectField,
  kind: z.enum(SUGGESTION_KINDS),
  /** For objects: names of this type only; without it, of every type. */
  type: suggestibleTypeSchema.optional(),
  q: z.string().trim().max(200).default(""),
});

/** A sort key: the name starts with the text, then the text starts a word of it (`RAM$wonderland:allen`), then anywhere. */
function matchRank(name: string, needle: string): number {
  const at = name.toLowerCase().indexOf(needle);
  if (at < 0) return -1;
  if (at === 0) return 0;
  return /[a-z0-9]/i.test(name.charAt(at - 1)) ? 2 : 1;
}

const alphabetical = (a: string, b: string) => {
  const [left, right] = [a.toLowerCase(), b.toLowerCase()];
  return left < right ? -1 : left > right ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

function bestMatches(names: Iterable<string>, q: string): string[] {
  const needle = q.toLowerCase();
  const matches: { name: string; rank: number }[] = [];
  for (const name of new Set(names)) {
    const rank = matchRank(name, needle);
    if (rank >= 0) matches.push({ name, rank });
  }
  matches.sort((a, b) => a.rank - b.rank || alphabetical(a.name, b.name));
  return matches.slice(0, SUGGESTION_LIMIT).map((match) => match.name);
}

/** Principal names of the owner and the members: what the grant form's user field resolves. */
function memberNames(index: SecurityIndex): string[] {
  return index.users
    .filter((user) => user.isMember || user.int === index.project.ownerInt)
    .map((user) => user.displayName);
}

/** Catalog names (lower-cased, as the index keys them) of one type or of every type but the project. */
function objectNames(index: SecurityIndex, type: SuggestibleType | undefined): string[] {
  const types = type ? [type] : suggestibleTypeSchema.options;
  return types.flatMap((each) => [...(index.objectsByType.get(each)?.keys() ?? [])]);
}

/**
 * Names the grants page's pickers suggest as an administrator types: members, roles or catalog objects that
 * contain the text, at most SUGGESTION_LIMIT, read from the project's decision index. The pickers accept any
 * name; the grant itself validates it.
 */
export async function suggestNames(
  ctx: ServiceContext,
  input: z.output<typeof suggestNamesInput>,
): Promise<{ names: string[] }> {
  const project = await projectInScope(ctx, input.project);
  authorizeInspection(ctx, project, "see the names its grant pickers suggest");
  const { index } = project;
  const names =
    input.kind === "member"
      ? memberNames(index)
      : input.kind === "role"
        ? index.roles.map((role) => role.name)
        : objectNames(index, input.type);
  return { names: bestMatches(names, input.q) };
}

export const suggestNamesEndpoint = defineEndpoint({
  name: "grant.suggest-names",
  input: suggestNamesInput,
  permission: "project.inspect",
  run: suggestNames,
});
