import type { SecurityIndex } from "../compile/index-types";
import type { Step } from "../decision";
import { compileIpSet, ipSetContains, type IpSet } from "../ip/ip-set";
import { constantResult, uniform, type Evaluation, type LayerResult } from "./evaluation";

const WHITELISTED = constantResult("Whitelist", "Pass", "The source IP address is whitelisted");
const NO_WHITELIST = constantResult("Whitelist", "Skip", "No IP whitelist is configured");
const NO_PROJECT_LIST = compileIpSet([]);

/** System-level then project-level IP whitelist (`project` names the project's list); an empty list does not restrict. */
function checkLists(system: IpSet, project: IpSet, projectName: string, address: string | undefined): LayerResult {
  if (system.isEmpty && project.isEmpty) return NO_WHITELIST;
  if (address === undefined)
    return uniform(
      "Whitelist",
      "Deny",
      "whitelist:no-address",
      "The request has no source IP address, and an IP whitelist is configured",
    );
  if (!system.isEmpty && !ipSetContains(system, address)) {
    return uniform(
      "Whitelist",
      "Deny",
      "whitelist:system",
      `Source IP ${address} is not in the system-level IP whitelist`,
    );
  }
  if (!project.isEmpty && !ipSetContains(project, address)) {
    return uniform(
      "Whitelist",
      "Deny",
      "whitelist:project",
      `Source IP ${address} is not in the IP whitelist of project ${projectName}`,
    );
  }
  return WHITELISTED;
}

/** The whitelist layer of a project: the system-level list (part of every snapshot), then the project's own. */
export function checkWhitelist(index: SecurityIndex, address: string | undefined): LayerResult {
  return checkLists(index.whitelist.system, index.whitelist.project, index.project.name, address);
}

/**
 * The same layer for a call that concerns no project (the account, the caller's own identity): the
 * system-level list alone, given as its entries.
 */
export function checkSystemWhitelist(entries: readonly string[], address: string | undefined): Step {
  return checkLists(compileIpSet(entries), NO_PROJECT_LIST, "", address).step;
}

/** The whitelist layer's step for a project's request from `address` (what the console's way in checks). */
export function whitelistStep(index: SecurityIndex, address: string | undefined): Step {
  return checkWhitelist(index, address).step;
}

export function whitelistLayer(evaluation: Evaluation): LayerResult {
  return checkWhitelist(evaluation.index, evaluation.request.context.sourceIp);
}
