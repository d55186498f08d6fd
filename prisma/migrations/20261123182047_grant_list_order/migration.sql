-- CreateIndex
CREATE INDEX "acl_grants_project_id_created_at_idx" ON "acl_grants"("project_id", "created_at");
