import { compile, securitySnapshotSchema, type SecurityIndex } from "@/lib/authz";
import { prisma } from "@/lib/db/client";
import { loadSnapshot } from "@/lib/db/load-snapshot";

interface CacheEntry {
  version: number;
  index: Promise<SecurityIndex>;
}

/**
 * Compiled decision indexes, one per project, kept while the project's security version is unchanged.
 * INVARIANT: every security change bumps the version in its own transaction (bumpSecurityVersion), and each
 * lookup reads the current version first, so a decision never uses a state older than the last commit —
 * on this instance or any other sharing the database.
 */
const cache = new Map<string, CacheEntry>();

export async function projectIndex(projectId: string): Promise<SecurityIndex | null> {
  const project = await prisma.project.findUnique({ where: { id: projectId }, select: { securityVersion: true } });
  if (!project) {
    cache.delete(projectId);
    return null;
  }
  const cached = cache.get(projectId);
  if (cached && cached.version === project.securityVersion) return cached.index;

  // Concurrent callers share one load; a failed load is not kept.
  const index = loadAndCompile(projectId);
  cache.set(projectId, { version: project.securityVersion, index });
  index.catch(() => {
    if (cache.get(projectId)?.index === index) cache.delete(projectId);
  });
  return index;
}

async function loadAndCompile(projectId: string): Promise<SecurityIndex> {
  const snapshot = await loadSnapshot(projectId);
  if (!snapshot) throw new Error(`Project ${projectId} disappeared while loading its security state.`);
  return compile(securitySnapshotSchema.parse(snapshot));
}
