import type { SecurityIndex } from "../compile/index-types";
import { ipSetContains } from "../ip/ip-set";
import { constantResult, uniform, type Evaluation, type LayerResult } from "./evaluation";

const WHITELISTED = constantResult("Whitelist", "Pass", "The source IP address is whitelisted");
const NO_WHITELIST = constantResult("Whitelist", "Skip", "No IP whitelist is configured");

/** System-level then project-level IP whitelist; an empty list does not restrict. */
export function checkWhitelist(index: SecurityIndex, address: string | undefined): LayerResult {
  const { system, project } = index.whitelist;
  if (system.isEmpty && project.isEmpty) return NO_WHITELIST;
  if (address === undefined) return uniform("Whitelist", "Deny", "whitelist:no-address", "The request has no source IP address, and an IP whitelist is configured");
  if (!system.isEmpty && !ipSetContains(system, address)) {
    return uniform("Whitelist", "Deny", "whitelist:system", `Source IP ${address} is not in the system-level IP whitelist`);
  }
  if (!project.isEmpty && !ipSetContains(project, address)) {
    return uniform("Whitelist", "Deny", "whitelist:project", `Source IP ${address} is not in the IP whitelist of project ${index.project.name}`);
  }
  return WHITELISTED;
}

export function whitelistLayer(evaluation: Evaluation): LayerResult {
  return checkWhitelist(evaluation.index, evaluation.request.context.sourceIp);
}
