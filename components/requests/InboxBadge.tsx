import Link from "next/link";

/** The header's link to the inbox, with the number of unread notifications (requests to approve, decisions). */
export function InboxBadge({ unread }: { unread: number }) {
  return (
    <Link
      href="/inbox"
      className="relative inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
    >
      Inbox
      {unread > 0 ? (
        <span className="rounded-full bg-danger-600 px-1.5 text-xs font-semibold text-white">
          {unread > 99 ? "99+" : unread}
          <span className="sr-only"> unread</span>
        </span>
      ) : null}
    </Link>
  );
}
