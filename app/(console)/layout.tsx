import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/AppShell";
import { SignOutButton } from "@/components/auth/SignOutButton";
import { SessionMenu } from "@/components/auth/SessionMenu";
import { changePasswordAction, signOutEverywhereAction } from "./session-actions";
import { guardPage } from "@/lib/endpoint/page-guard";
import { navigationFor } from "./navigation";
import { roleLabel } from "@/lib/identity/role-label";
import { InboxBadge } from "@/components/requests/InboxBadge";
import { readPage } from "@/lib/endpoint/read-page";
import { listNotificationsEndpoint } from "@/lib/services/notifications/list-notifications";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const { actor, permissions } = await guardPage();
  const inbox = await readPage(listNotificationsEndpoint, { unread: true, pageSize: 1 });
  return (
    <AppShell
      nav={navigationFor(permissions)}
      user={{
        name: actor.displayName,
        email: actor.email,
        tenant: actor.tenantName,
        roleLabel: roleLabel(actor, permissions),
      }}
      signOut={
        <>
          <InboxBadge unread={inbox.ok ? inbox.data.unread : 0} />
          <SessionMenu changePassword={changePasswordAction} signOutEverywhere={signOutEverywhereAction} />
          <SignOutButton />
        </>
      }
    >
      {children}
    </AppShell>
  );
}
