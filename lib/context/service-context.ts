import type { TenantRole, UserKind } from "@/lib/generated/prisma/enums";
import type { RequestMemo } from "./request-memo";

/** Who is acting: resolved by the one wrapper from a session (or, later, a signed AccessKey). */
export interface Actor {
  userId: string;
  tenantId: string;
  tenantName: string;
  kind: UserKind;
  email: string;
  displayName: string;
  /** The principal as MaxCompute statements name it: ALIYUN$<email> or RAM$<tenant>:<name>. */
  principal: string;
  tenantRoles: TenantRole[];
  /** The platform operator: manages tenants and the system whitelist (console permission platform.operate). */
  platformOperator: boolean;
  via: "session" | "access-key";
}

/** Facts about the request that services audit and the authorization core may check. */
export interface RequestMeta {
  /** The connection's address (or the one a trusted proxy vouched for); never a client-supplied header. */
  sourceIp: string | null;
  userAgent: string | null;
  requestId: string;
  /**
   * The system IP whitelist's entries as read while the request was authenticated (a signed request reads
   * them in the statement that spends its nonce, lib/endpoint/signed-actor.ts), so the door does not read them
   * again; absent, refuseOutsideSystemWhitelist reads them.
   */
  systemWhitelist?: readonly string[];
}

export interface ServiceContext {
  actor: Actor;
  request: RequestMeta;
  /** Given by the page layer for one render, so the services a page calls share their lookups. */
  memo?: RequestMemo;
}
