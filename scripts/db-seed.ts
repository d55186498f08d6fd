// npm run db:seed — loads the demo into an empty database when demo-choice.ts says so (always on the embedded
// default; on a server named by DATABASE_URL only with --demo or SC_DEMO=1; does nothing when the demo is
// already there), then refreshes the planner's statistics (npm start runs this before every serve).
import { disconnect, prisma } from "@/lib/db/client";
import { refreshPlannerStatistics } from "@/lib/db/planner-statistics";
import { demoChoice, FIRST_RUN_COMMAND } from "@/lib/db/seed/demo-choice";
import { seedDemo } from "@/lib/db/seed/seed-demo";

try {
  const choice = demoChoice(process.env, process.argv.slice(2));
  if (choice.load) {
    const loaded = await seedDemo(prisma, { operator: choice.operator });
    console.log(loaded ? `Loaded the demo data. ${choice.why}` : "The demo data is already there.");
  } else {
    console.log(choice.why);
  }
  if ((await prisma.user.count({ where: { platformOperator: true } })) === 0) {
    console.log(`No platform operator yet. Create the first one with: ${FIRST_RUN_COMMAND}`);
  }
  await refreshPlannerStatistics(prisma);
} catch (error) {
  console.error(`db:seed failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await disconnect();
}
