"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { runStatementsEndpoint } from "@/lib/services/statements/run-statements";

/** The command console's run: the endpoint definition POST /api/v1/projects/{project}/statements serves. */
export const runStatementsAction = serverAction(runStatementsEndpoint);
