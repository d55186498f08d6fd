// npm run cli -- <command> (also the package's `security-center` bin): see CLI_USAGE in scripts/cli-command.ts.
import os from "node:os";
import { disconnect } from "@/lib/db/client";
import { runCli } from "./cli-command";

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    print: (line) => console.log(line),
    error: (line) => console.error(line),
    env: process.env,
    osUser: os.userInfo().username,
  });
} catch (error) {
  console.error(`cli: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await disconnect();
}
