import { formatPrincipalName } from "@/lib/authz/model/principal";

/** How MaxCompute statements name a stored user: ALIYUN$<email> for an account, RAM$<account>:<sub-user> for a sub-account. */
export function principalName(user: {
  kind: "PRIMARY" | "SUB";
  email: string;
  name: string;
  tenantName: string;
}): string {
  return user.kind === "PRIMARY"
    ? formatPrincipalName({ kind: "primary", login: user.email })
    : formatPrincipalName({ kind: "sub", accountName: user.tenantName, subUser: user.name });
}
