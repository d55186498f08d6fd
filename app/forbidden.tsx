import Link from "next/link";
import { EmptyState } from "@/components/ui/EmptyState";
import { buttonClasses } from "@/components/ui/Button";

/** Rendered with HTTP 403 by forbidden(): the page exists, but this user may not open it. */
export default function Forbidden() {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <EmptyState icon="lock" title="403 — You don't have access to this page">
        Your role does not include this part of the console. If you need it, ask a project administrator.
        <div className="mt-4">
          <Link href="/" className={buttonClasses("secondary", "md")}>
            Back to your home
          </Link>
        </div>
      </EmptyState>
    </main>
  );
}
