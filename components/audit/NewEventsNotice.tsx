"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/Button";
import { BACKGROUND_REQUEST_HEADER } from "@/lib/auth/session-lifetime";

interface AuditPage {
  data: { items: { seq: string }[] };
}

/**
 * The audit log keeps growing while an auditor reads it: this polls the newest event and offers to show the
 * ones that arrived since the page was rendered, without moving the rows under the reader's eyes.
 */
export function NewEventsNotice({ newestSeq }: { newestSeq: string | null }) {
  const router = useRouter();
  const { data } = useQuery({
    queryKey: ["audit", "newest"],
    queryFn: async (): Promise<string | null> => {
      // A poll is not activity: the header keeps it from holding an idle session open.
      const response = await fetch("/api/v1/audit?pageSize=1", {
        headers: { accept: "application/json", [BACKGROUND_REQUEST_HEADER]: "1" },
      });
      if (!response.ok) throw new Error(`audit poll answered ${response.status}`);
      return ((await response.json()) as AuditPage).data.items[0]?.seq ?? null;
    },
    refetchInterval: 10_000,
  });
  const arrived = data && newestSeq !== null ? Number(BigInt(data) - BigInt(newestSeq)) : 0;
  if (arrived <= 0) return null;
  return (
    <div
      role="status"
      className="mb-3 flex items-center justify-between rounded-md border border-accent-200 bg-accent-50 px-4 py-2 text-sm text-accent-900"
    >
      <span>
        {arrived} new event{arrived === 1 ? "" : "s"} since you opened this page.
      </span>
      <Button size="sm" variant="secondary" onClick={() => router.refresh()}>
        Show them
      </Button>
    </div>
  );
}
