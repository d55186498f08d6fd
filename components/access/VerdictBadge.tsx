import type { StepVerdict } from "@/lib/authz";
import { Badge } from "@/components/ui/Badge";
import { VERDICT_WORDS } from "./layer-words";

export function VerdictBadge({ verdict }: { verdict: StepVerdict }) {
  const words = VERDICT_WORDS[verdict];
  return (
    <Badge tone={words.tone} dot={verdict === "Allow" || verdict === "Deny"}>
      {words.label}
    </Badge>
  );
}

/** Allowed / Denied, for whole decisions (a step's Allow is "Allows"). */
export function EffectBadge({ effect }: { effect: "Allow" | "Deny" }) {
  return (
    <Badge tone={effect === "Allow" ? "success" : "danger"} dot>
      {effect === "Allow" ? "Allowed" : "Denied"}
    </Badge>
  );
}
