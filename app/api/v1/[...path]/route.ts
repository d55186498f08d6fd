import { ERROR_STATUS } from "@/lib/errors";

/**
 * Any /api/v1 path no route serves answers in the API's one error shape, not with the console's HTML 404 page.
 * It reads nothing and changes nothing, so it needs no door (listed in EXEMPT_ROUTES of the inventory).
 */
function noSuchRoute(): Response {
  return Response.json(
    { error: { code: "NOT_FOUND", message: "No API route at this path; GET /api/v1/openapi.json lists them." } },
    { status: ERROR_STATUS.NOT_FOUND },
  );
}

export { noSuchRoute as GET, noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
