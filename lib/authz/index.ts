export { compile, type CompileOptions } from "./compile/compile";
export { applyDelta, type SecurityDelta } from "./compile/apply-delta";
export type { SecurityIndex } from "./compile/index-types";
export type { IndexedObject, IndexedRole, IndexedUser, IndexedLabelGrant } from "./compile/index-types";
export { unitLabel } from "./layers/labels";
export { decide } from "./pipeline";
export { decideAdmin } from "./admin/decide-admin";
export { administers } from "./admin/administers";
export { inspects, auditsProject, type InspectingUser } from "./admin/inspects";
export { grantsAsCreator } from "./admin/grants-as-creator";
export {
  adminRequestSchema,
  adminOperationSchema,
  SECURITY_SETTINGS,
  type AdminRequest,
  type AdminOperation,
} from "./admin/admin-request";
export { accessRequestSchema, type AccessRequest, type RequestContext, type RequestPrincipal } from "./request";
export type { Decision, Step, StepVerdict, ColumnVerdict } from "./decision";
export { withoutStatementText } from "./statement-redaction";
export {
  securitySnapshotSchema,
  labelGrantExpiry,
  DEFAULT_LABEL_GRANT_DAYS,
  type SecuritySnapshot,
  type SnapshotGrant,
  type SnapshotObject,
  type SnapshotPackage,
  type SnapshotUser,
  type Grantee,
} from "./snapshot";
export { whitelistStep, checkSystemWhitelist } from "./layers/whitelist";
export {
  parseWhitelistEntry,
  parseWhitelist,
  printWhitelistEntry,
  printWhitelist,
  type WhitelistEntry,
} from "./ip/whitelist-entry";
export {
  parsePolicyDocument,
  printPolicyDocument,
  parseConditionBlock,
  type PolicyDocument,
  type PolicyStatement,
  type PolicyError,
  type PolicyParseResult,
} from "./policy/policy-document";
export { CONDITION_OPERATORS, CONDITION_KEYS } from "./policy/condition-operators";
export { OBJECT_TYPES, PRIVILEGES, PRIVILEGES_BY_TYPE, type ObjectType, type Privilege } from "./model/privileges";
export { formatPrincipalName } from "./model/principal";
export { DATA_LAYERS, LAYER_ORDER, type Layer } from "./model/layers";
