export const DATA_LAYERS = [
  "Identity",
  "Whitelist",
  "LabelSecurity",
  "Policy",
  "ACL",
  "Package",
  "ProjectProtection",
] as const;
export type DataLayer = (typeof DATA_LAYERS)[number];
export type Layer = DataLayer | "Administration" | "Default";

/** Pipeline position: when several layers deny, the earliest one is reported as the decider. */
export const LAYER_ORDER: Readonly<Record<Layer, number>> = {
  Identity: 0,
  Whitelist: 1,
  LabelSecurity: 2,
  Policy: 3,
  ACL: 4,
  Package: 5,
  ProjectProtection: 6,
  Administration: 7,
  Default: 8,
};
