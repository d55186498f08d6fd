/**
 * Whether `npm start` / `npm run db:seed` loads the demo (whose users share a public password).
 *   DATABASE_URL unset (embedded PGlite): yes, with the demo platform operator — a newcomer's first command.
 *   DATABASE_URL set: only when asked (`--demo` or SC_DEMO=1), and never with the demo operator; a real
 *   deployment starts from `npm run operator -- create` instead.
 */
export type DemoChoice = { load: true; operator: boolean; why: string } | { load: false; why: string };

export const FIRST_RUN_COMMAND = "npm run operator -- create --email <you@example.com>";

export function demoChoice(env: Readonly<Record<string, string | undefined>>, args: readonly string[]): DemoChoice {
  if (!env.DATABASE_URL) {
    return { load: true, operator: true, why: "The embedded database (DATABASE_URL unset) gets the demo." };
  }
  if (args.includes("--demo") || env.SC_DEMO === "1") {
    return {
      load: true,
      operator: false,
      why: "The demo was asked for (--demo or SC_DEMO=1); it has no demo operator on a server.",
    };
  }
  return {
    load: false,
    why: "DATABASE_URL is set: the demo (a public password) is not loaded; pass --demo or SC_DEMO=1 to load it.",
  };
}
