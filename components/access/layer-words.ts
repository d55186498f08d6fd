import type { Layer, StepVerdict } from "@/lib/authz";
import type { BadgeTone } from "@/components/ui/Badge";

/** The decision layers in an administrator's words. */
export const LAYER_NAMES: Readonly<Record<Layer, string>> = {
  Identity: "Identity",
  Whitelist: "IP whitelist",
  LabelSecurity: "Label security",
  Policy: "Policy",
  ACL: "Grants (ACL)",
  Package: "Package",
  ProjectProtection: "Project protection",
  Administration: "Administration",
  Default: "Default deny",
};

/** What each layer checks, for the check-access page's legend. */
export const LAYER_QUESTIONS: Readonly<Record<Exclude<Layer, "Administration">, string>> = {
  Identity: "Is the principal the owner or an active member, and not disabled?",
  Whitelist: "Does the request come from an address the project accepts?",
  LabelSecurity: "Is the data's sensitivity label within the user's clearance or label grants?",
  Policy: "Does a project or role policy statement allow or deny it?",
  ACL: "Does a grant to the user or one of their roles cover it?",
  Package: "Is another project's object shared through an installed package?",
  ProjectProtection: "May the data leave a protected project this way?",
  Default: "Nothing allowed it, so it is denied.",
};

export const VERDICT_WORDS: Readonly<Record<StepVerdict, { label: string; tone: BadgeTone }>> = {
  Allow: { label: "Allows", tone: "success" },
  Deny: { label: "Denies", tone: "danger" },
  Pass: { label: "Passes", tone: "neutral" },
  Skip: { label: "Not applied", tone: "neutral" },
};
