"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { authorizeSqlEndpoint } from "@/lib/services/access/authorize-sql";

/** The console's door to POST /api/v1/authorize/sql: the same endpoint definition. */
export const checkQueryAction = serverAction(authorizeSqlEndpoint);
