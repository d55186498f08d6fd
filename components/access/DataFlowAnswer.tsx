import { Alert } from "@/components/ui/Alert";
import type { DataFlowResult, FlowRoute } from "@/lib/services/access/data-flow";

const ROUTE_TITLES: Record<FlowRoute, string> = {
  "not-protected": "ProjectProtection is off: nothing holds the data in",
  stays: "The data stays in the project",
  "trusted-project": "It may leave: the target is a trusted project",
  package: "It may leave: a package shares it with the target",
  "exception-policy": "It may leave: the exception policy allows it",
  refused: "Refused: the project is protected",
};

/** ProjectProtection's answer on top of the whole decision: whether the data leaves, and by what. */
export function DataFlowAnswer({ result, project }: { result: DataFlowResult; project: string }) {
  const allowed = result.check.decision.effect === "Allow";
  const flowOk = result.route !== "refused";
  return (
    <Alert tone={flowOk ? (allowed ? "success" : "warn") : "danger"} title={ROUTE_TITLES[result.route]}>
      <p>
        {result.leaves ? `The data would leave ${project}.` : `The data would stay in ${project}.`}{" "}
        {result.protection ? result.protection.text : null}
      </p>
      {flowOk && !allowed ? (
        <p className="mt-1">
          ProjectProtection lets it through, but another layer refuses the read itself (see the steps below).
        </p>
      ) : null}
    </Alert>
  );
}
