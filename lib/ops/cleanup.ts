import { RegistryApi } from './registry-api';
import { planRetention, RetentionPlan, TagInfo } from './retention';
import { Progress } from './maintenance';

/** What `cleanup` is asked to do. */
export interface CleanupOptions {
  /** Repositories to clean. @default every repository in the catalog */
  readonly repositories?: readonly string[];
  readonly keep?: number;
  readonly olderThanMs?: number;
  /** Tag patterns never deleted. */
  readonly protect: readonly string[];
  /** List what would go, delete nothing. */
  readonly dryRun: boolean;
  readonly now: Date;
}

/** One repository's outcome. */
export interface CleanupReport extends RetentionPlan {
  readonly repository: string;
  /** Whether the deletions were carried out (false for a dry run). */
  readonly applied: boolean;
}

/**
 * Retention for each repository: reads every tag's digest and build time, decides with
 * `planRetention` (protected tags, the newest N, the age limit, digest safety) and, unless it is
 * a dry run, deletes the manifests that go. Blobs are freed by `gc` afterwards.
 */
export async function cleanup(
  api: RegistryApi,
  options: CleanupOptions,
  progress: Progress,
  onTag: (done: number, total: number) => void = () => undefined,
): Promise<CleanupReport[]> {
  const repositories = options.repositories ?? (await api.repositories());
  const reports: CleanupReport[] = [];
  for (const repository of repositories) {
    const tags = await api.tags(repository);
    progress(`${repository}: reading ${tags.length} tags`);
    const infos: TagInfo[] = [];
    for (const tag of tags) {
      infos.push({ tag, ...(await api.describe(repository, tag)) });
      onTag(infos.length, tags.length);
    }
    const plan = planRetention(infos, {
      ...(options.keep !== undefined ? { keep: options.keep } : {}),
      ...(options.olderThanMs !== undefined ? { olderThanMs: options.olderThanMs } : {}),
      protect: options.protect,
      now: options.now,
    });
    if (!options.dryRun) {
      for (const d of plan.deleted) {
        progress(`${repository}: deleting ${d.digest} (${d.tags.join(', ')})`);
        await api.deleteManifest(repository, d.digest);
      }
    }
    reports.push({ repository, ...plan, applied: !options.dryRun });
  }
  return reports;
}
