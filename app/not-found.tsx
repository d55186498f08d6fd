import Link from "next/link";
import { EmptyState } from "@/components/ui/EmptyState";
import { buttonClasses } from "@/components/ui/Button";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <EmptyState icon="search" title="404 — Nothing here">
        This page does not exist, or it is not shared with you.
        <div className="mt-4">
          <Link href="/" className={buttonClasses("secondary", "md")}>
            Back to your home
          </Link>
        </div>
      </EmptyState>
    </main>
  );
}
