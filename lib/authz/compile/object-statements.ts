import type { ObjectType } from "../model/privileges";
import type { PolicyBuckets, SecurityIndex } from "./index-types";
import { collectCandidates } from "./policy-buckets";

/** The resource collections an object type answers to (a view also answers to `tables/<v>`). */
const COLLECTIONS: Readonly<Record<ObjectType, readonly string[]>> = {
  Project: [],
  Table: ["tables/"],
  View: ["views/", "tables/"],
  Function: ["functions/"],
  Resource: ["resources/"],
  Instance: ["instances/"],
  Package: ["packages/"],
};

const NONE: readonly number[] = Object.freeze([]);

/**
 * Ordinals of the statements bucketed under a name in the collections of its type, in bucket order, without
 * duplicates. The broad statements (buckets.broad) are not included: they may name every object.
 */
export function bucketStatements(buckets: PolicyBuckets, type: ObjectType, name: string): readonly number[] {
  const found: number[] = [];
  for (const collection of COLLECTIONS[type]) collectCandidates(buckets, collection, name, found);
  if (found.length === 0) return NONE;
  const distinct: number[] = [];
  for (const ordinal of found) if (!distinct.includes(ordinal)) distinct.push(ordinal);
  return distinct;
}

/** bucketStatements of a catalog object in the project's policies, computed on first use and kept with the index. */
export function objectStatements(index: SecurityIndex, objectInt: number): readonly number[] {
  let ordinals = index.statementsByObject[objectInt];
  if (ordinals === undefined) {
    const object = index.objects[objectInt]!;
    ordinals = bucketStatements(index.policy, object.type, object.name);
    index.statementsByObject[objectInt] = ordinals;
  }
  return ordinals;
}
