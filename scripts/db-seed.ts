// npm run db:seed — loads the demo into an empty database (does nothing when the demo is already there),
// then refreshes the planner's statistics (npm start runs this before every serve).
import { disconnect, prisma } from "@/lib/db/client";
import { refreshPlannerStatistics } from "@/lib/db/planner-statistics";
import { seedDemo } from "@/lib/db/seed/seed-demo";

try {
  console.log((await seedDemo(prisma)) ? "Loaded the demo data." : "The demo data is already there.");
  await refreshPlannerStatistics(prisma);
} catch (error) {
  console.error(`db:seed failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await disconnect();
}
