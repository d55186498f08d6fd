// What a signed command of the command line stands for: one API call, and how to show its answer.

/** The parsed options of a command line. */
export type Values = Record<string, string | boolean | undefined>;

export interface ApiCall {
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** How the answer's data is shown to people, when a generic table would not do. */
  render?: (data: unknown) => string[];
}

export const listQuery = (values: Values, names: Record<string, string>) =>
  Object.fromEntries(
    Object.entries({ ...names, page: "page", pageSize: "page-size" }).flatMap(([param, option]) =>
      typeof values[option] === "string" ? [[param, values[option] as string]] : [],
    ),
  );
