import type { RequestView } from "@/lib/services/requests/support/request-view";

const EVENT: Record<RequestView["history"][number]["event"], string> = {
  requested: "Requested",
  approved: "Approved",
  denied: "Denied",
  withdrawn: "Withdrawn",
  expired: "Expired",
  granted: "Granted",
};

/** A request's history, oldest first: who did what, when, and what they said. */
export function RequestHistory({ request }: { request: RequestView }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-accent-700">
        History<span className="sr-only"> of the request for {request.summary}</span>
      </summary>
      <ol className="mt-2 grid gap-1.5">
        {request.history.map((entry, index) => (
          <li key={index} className="grid gap-0.5">
            <span>
              <strong>{EVENT[entry.event]}</strong>
              {entry.by ? <> by {entry.by}</> : null}{" "}
              <time dateTime={entry.at}>{entry.at.slice(0, 16).replace("T", " ")}</time>
            </span>
            {entry.comment ? <span className="text-slate-600">{entry.comment}</span> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
