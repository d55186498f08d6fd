-- Written by hand: Prisma's schema language cannot express an expression index, and its diff leaves indexes it
-- cannot represent alone, so schema.prisma keeps @@unique([projectId, name]) beside it.

-- Package names are compared without regard to case (INSTALL PACKAGE WonderLand.Share finds wonderland.share,
-- and the engine keys packages by lower-cased `<owner>.<package>`), so they must also be unique without regard
-- to case within their project. A database already holding such a pair stops here, naming it.
DO $$
DECLARE
  clash TEXT;
BEGIN
  SELECT string_agg(names, '; ') INTO clash
  FROM (
    SELECT string_agg("name", ', ' ORDER BY "name") AS names
    FROM "packages" GROUP BY "project_id", lower("name") HAVING count(*) > 1
  ) AS clashes;
  IF clash IS NOT NULL THEN
    RAISE EXCEPTION 'Package names differ only in case within one project (%): rename all but one, then migrate again.', clash;
  END IF;
END $$;

CREATE UNIQUE INDEX "packages_project_id_name_lower_key" ON "packages"("project_id", lower("name"));
