"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { createObjectEndpoint } from "@/lib/services/catalog/create-object";
import { dropObjectEndpoint } from "@/lib/services/catalog/drop-object";
import { importTablesEndpoint } from "@/lib/services/catalog/import-tables";
import { updateObjectEndpoint } from "@/lib/services/catalog/update-object";

export const createObjectAction = serverAction(createObjectEndpoint);
export const updateObjectAction = serverAction(updateObjectEndpoint);
export const dropObjectAction = serverAction(dropObjectEndpoint);
export const importTablesAction = serverAction(importTablesEndpoint);
