-- Written by hand: Prisma's schema language cannot express an expression index (as for packages' names), so
-- schema.prisma keeps @@unique([projectId, name]) beside it.

-- Role names are matched without regard to case (the engine and MaxCompute's statements), so they must also be
-- unique without regard to case within their project: the index decides a creation racing another, which a
-- check before the write cannot. A database already holding such a pair stops here, naming it.
DO $$
DECLARE
  clash TEXT;
BEGIN
  SELECT string_agg(names, '; ') INTO clash
  FROM (
    SELECT string_agg("name", ', ' ORDER BY "name") AS names
    FROM "project_roles" GROUP BY "project_id", lower("name") HAVING count(*) > 1
  ) AS clashes;
  IF clash IS NOT NULL THEN
    RAISE EXCEPTION 'Role names differ only in case within one project (%): rename all but one, then migrate again.', clash;
  END IF;
END $$;

CREATE UNIQUE INDEX "project_roles_project_id_name_lower_key" ON "project_roles"("project_id", lower("name"));
