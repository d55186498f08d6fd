import { routeHandler } from "@/lib/endpoint/route-handler";
import { createProjectEndpoint } from "@/lib/services/projects/create-project";
import { listProjectsEndpoint } from "@/lib/services/projects/list-projects";

export const GET = routeHandler(listProjectsEndpoint);
export const POST = routeHandler(createProjectEndpoint);
