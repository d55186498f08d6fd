/**
 * Coded errors: services throw them, the one wrapper (lib/endpoint) maps them to a form result or an HTTP
 * status. Anything else that escapes a service is an internal error and never leaks its message.
 */
export const ERROR_STATUS = {
  /** A security statement that does not parse, or names an invalid value (lib/statements); details.position says where. */
  INVALID_STATEMENT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 422,
  /** SQL the access check cannot read (POST /api/v1/authorize/sql); details.position says where, when known. */
  INVALID_SQL: 400,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    /** Structured reasons (e.g. the authorization decision's steps) shown to the user. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  /**
   * The tenant whose resource a refusal concerns when it may not be the caller's (a probe of another tenant's
   * project): the door audits the refusal in that tenant's chain too. Never sent to the caller.
   */
  concernsTenantId?: string;
}

/**
 * A refusal the one door has already audited (a statement runs each operation through runEndpoint, which records
 * its refusal as the form's would be): the door around it passes it on without a second row.
 */
export class AuditedRefusal extends AppError {}

export const invalidInput = (fieldErrors: FieldErrors, message = "Some fields need attention.") =>
  new AppError("INVALID_INPUT", message, fieldErrors);

/** The wire shape of an error, for forms and for the API. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fieldErrors?: FieldErrors;
  details?: unknown;
}

export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
      ...(error.details !== undefined ? { details: error.details } : {}),
    };
  }
  return { code: "INTERNAL", message: "Something went wrong on our side. The change was not made." };
}
