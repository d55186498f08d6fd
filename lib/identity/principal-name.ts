/** How MaxCompute statements name a user: ALIYUN$<email> for an account, RAM$<account>:<sub-user> for a sub-account. */
export function principalName(user: { kind: "PRIMARY" | "SUB"; email: string; name: string; tenantName: string }): string {
  return user.kind === "PRIMARY" ? `ALIYUN$${user.email}` : `RAM$${user.tenantName}:${user.name}`;
}
