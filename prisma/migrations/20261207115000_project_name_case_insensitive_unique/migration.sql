-- Written by hand: Prisma's schema language cannot express these two indexes (an expression index and a
-- partial index). Prisma's diff leaves indexes it cannot represent alone, so schema.prisma stays as is.

-- Project names are global and compared without regard to case everywhere (trusted projects, a job's
-- target project, lookups), so they must also be unique without regard to case: otherwise `wonderland_dev`
-- could be created beside `WonderLand_dev` and be taken for it. A database already holding such a pair
-- stops here, naming it; rename one of the two projects, then migrate again.
DO $$
DECLARE
  clash TEXT;
BEGIN
  SELECT string_agg(names, '; ') INTO clash
  FROM (SELECT string_agg("name", ', ' ORDER BY "name") AS names FROM "projects" GROUP BY lower("name") HAVING count(*) > 1) AS clashes;
  IF clash IS NOT NULL THEN
    RAISE EXCEPTION 'Project names differ only in case (%): rename all but one of each, then migrate again.', clash;
  END IF;
END $$;

CREATE UNIQUE INDEX "projects_name_lower_key" ON "projects"(lower("name"));

-- A project has at most one project policy (the policy row without a role); role policies are already
-- unique by role_id. The engine enforces every project-policy row while the editor shows and saves only the
-- first, so a second row would hold statements no one sees. Merging them is a security decision (a Deny
-- dropped loosens access), so a database holding several stops here, naming the projects.
DO $$
DECLARE
  clash TEXT;
BEGIN
  SELECT string_agg(p."name", ', ' ORDER BY p."name") INTO clash
  FROM "projects" p
  WHERE (SELECT count(*) FROM "policies" pol WHERE pol."project_id" = p."id" AND pol."role_id" IS NULL) > 1;
  IF clash IS NOT NULL THEN
    RAISE EXCEPTION 'Projects with more than one project policy (%): merge them into one, then migrate again.', clash;
  END IF;
END $$;

CREATE UNIQUE INDEX "policies_project_id_project_policy_key" ON "policies"("project_id") WHERE "role_id" IS NULL;
