import { execSync } from "node:child_process";

/** The command that installs the browser the end-to-end suite drives (Debian's Chromium). */
export const INSTALL_CHROMIUM = "apt-get install -y chromium";

/** The Chromium the end-to-end suite drives: CHROMIUM_PATH, else `chromium` on the PATH; "" when there is none. */
export function chromiumPath() {
  return process.env.CHROMIUM_PATH ?? execSync("command -v chromium || true", { shell: "/bin/sh" }).toString().trim();
}
