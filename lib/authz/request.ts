import { z } from "zod";
import { objectTypeSchema, privilegeSchema } from "./model/privileges";
import { principalKindSchema } from "./model/principal";

export const requestPrincipalSchema = z.object({
  userId: z.string().min(1),
  accountId: z.string().min(1),
  kind: principalKindSchema,
  disabled: z.boolean(),
});

export const requestContextSchema = z.object({
  /** Address of the trusted last hop, as resolved by the caller. */
  sourceIp: z.string().optional(),
  /** Epoch milliseconds of the request. */
  time: z.number(),
  secureTransport: z.boolean().optional(),
  userAgent: z.string().optional(),
  referer: z.string().optional(),
  taskType: z.string().optional(),
  /** Destination project of data leaving this one (CREATE TABLE other.t AS SELECT ...), by name. */
  targetProject: z.string().optional(),
  /**
   * The destination's project id, resolved from its name by the caller; absent when the name names no
   * project. ProjectProtection compares ids only (trusted projects, packages' installations), so a project
   * merely named like a trusted one is not trusted; a destination without an id is one nothing trusts.
   */
  targetProjectId: z.string().min(1).optional(),
});

export const accessRequestSchema = z.object({
  principal: requestPrincipalSchema,
  /** Name of the project whose snapshot is consulted (where the job runs). */
  project: z.string().min(1),
  action: privilegeSchema.exclude(["All"]),
  object: z.object({
    type: objectTypeSchema,
    name: z.string().min(1),
    /** Owning project of an object reached through an installed package; omitted = this project. */
    project: z.string().min(1).optional(),
    /** Columns read by Select/Download; omitted = every column of the table. */
    columns: z.array(z.string().min(1)).optional(),
  }),
  context: requestContextSchema,
});

export type AccessRequest = z.infer<typeof accessRequestSchema>;
export type RequestPrincipal = z.infer<typeof requestPrincipalSchema>;
export type RequestContext = z.infer<typeof requestContextSchema>;
