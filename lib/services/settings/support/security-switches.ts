/**
 * The project's seven security switches: the name MaxCompute and the engine use, the database column, and
 * one sentence on what turning it on does. Shared by the settings page, its service and the API.
 */
export const SECURITY_SWITCHES = [
  {
    setting: "CheckPermissionUsingACL",
    column: "checkPermissionUsingAcl",
    description:
      "Grants (GRANT … ON … TO …) give access; when off, ACL grants are ignored and only policies and packages can allow.",
  },
  {
    setting: "CheckPermissionUsingPolicy",
    column: "checkPermissionUsingPolicy",
    description:
      "Project and role policies are enforced (Allow and Deny statements with conditions); when off, they are ignored.",
  },
  {
    setting: "ObjectCreatorHasAccessPermission",
    column: "objectCreatorHasAccessPermission",
    description:
      "Whoever creates a table, view, function or resource may use it without a grant (checked with the ACL).",
  },
  {
    setting: "ObjectCreatorHasGrantPermission",
    column: "objectCreatorHasGrantPermission",
    description: "Whoever creates an object may grant privileges on it to other members.",
  },
  {
    setting: "LabelSecurity",
    column: "labelSecurity",
    description:
      "Mandatory access control: nobody but the owner and administrators reads columns labelled above their clearance (No-ReadUp).",
  },
  {
    setting: "NoWriteDown",
    column: "noWriteDown",
    description:
      "With LabelSecurity on, nobody but the owner and administrators writes into a table holding data labelled below their clearance (No-WriteDown), so labelled data cannot be copied down.",
  },
  {
    setting: "ProjectProtection",
    column: "projectProtection",
    description:
      "Data may flow in but not out: no reads into other projects and no downloads, except to trusted projects, through packages or under the exception policy.",
  },
] as const;

export type SecuritySwitch = (typeof SECURITY_SWITCHES)[number];
export type SecuritySwitchName = SecuritySwitch["setting"];
