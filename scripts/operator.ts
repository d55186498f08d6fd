// npm run operator -- create --email <email> [--name <name>] [--password-stdin] [--another]
// The first-run path of a real deployment (the demo is not loaded when DATABASE_URL is set): creates the
// platform operator. Run the migrations first (npm start or npm run db:migrate). On the embedded database,
// stop the server first: its folder is open in one process at a time.
import os from "node:os";
import { text } from "node:stream/consumers";
import { disconnect } from "@/lib/db/client";
import { runOperatorCommand } from "./operator-command";

try {
  process.exitCode = await runOperatorCommand(process.argv.slice(2), {
    readStdin: () => text(process.stdin),
    print: (line) => console.log(line),
    error: (line) => console.error(line),
    osUser: os.userInfo().username,
  });
} catch (error) {
  console.error(`operator: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await disconnect();
}
