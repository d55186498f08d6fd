/**
 * The text a policy that was never saved starts from: valid, and harmless until edited, since its Principal
 * placeholder names nobody (a Principal also narrows a role policy to the members it names).
 */
export function starterPolicy(project: string, accountName: string): string {
  const statement = {
    Effect: "Allow",
    Principal: [`RAM$${accountName}:<user>`],
    Action: ["odps:Describe"],
    Resource: [`acs:odps:*:projects/${project}/tables/*`],
  };
  return JSON.stringify({ Version: "1", Statement: [statement] }, null, 2);
}
