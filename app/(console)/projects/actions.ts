"use server";

import { serverAction } from "@/lib/endpoint/server-action";
import { createProjectEndpoint } from "@/lib/services/projects/create-project";

export const createProjectAction = serverAction(createProjectEndpoint);
