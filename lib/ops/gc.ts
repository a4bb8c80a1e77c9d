import { docker, volumeBytes } from './docker';
import { Progress, registryContainer, withReadOnlyRegistry } from './maintenance';
import { OpsError } from './ops-error';
import { StackInfo } from './stack-info';

/** What a garbage collection did. */
export interface GcResult {
  readonly registry: string;
  /** Bytes in the data volume before and after. */
  readonly bytesBefore: number;
  readonly bytesAfter: number;
  /** Redis caches flushed (containers). */
  readonly flushed: readonly string[];
  /** The collector's last lines. */
  readonly log: string;
}

/**
 * Garbage collection done safely: the registry goes read-only (see `withReadOnlyRegistry`),
 * optionally waits `drainMs` for uploads in flight, runs `registry garbage-collect
 * --delete-untagged` on its own config, flushes the Redis blob descriptor cache where the stack has
 * one (a cache that still lists deleted blobs would answer for them), and goes back to read-write,
 * also when a step fails.
 */
export async function garbageCollect(info: StackInfo, progress: Progress, drainMs = 0): Promise<GcResult> {
  const registry = registryContainer(info);
  if (info.dataVolume === undefined) throw new OpsError(`stack "${info.stack}" has no data_volume output`);
  // One inspect gives both the image (for the helpers) and the command (its config path).
  const { Image: image, Cmd: command } = JSON.parse(
    await docker(['inspect', '--format', '{{json .Config}}', registry]),
  ) as { Image: string; Cmd: string[] | null };
  const configPath = (command ?? []).find((a) => /\.ya?ml$/.test(a));
  if (configPath === undefined) throw new OpsError(`${registry}: no config.yml in its command`);
  const bytesBefore = await volumeBytes(info.dataVolume, image);
  const redis = info.containers.filter((n) => /-redis$/.test(n));
  const { log, flushed } = await withReadOnlyRegistry(registry, progress, async (copy) => {
    if (drainMs > 0) {
      progress(`read-only for ${Math.round(drainMs / 1000)} s so that uploads in flight can finish`);
      await new Promise((r) => setTimeout(r, drainMs));
    }
    progress('registry garbage-collect --delete-untagged');
    const out = await docker(
      ['exec', copy, 'registry', 'garbage-collect', '--delete-untagged', configPath],
      1_800_000,
      true,
    );
    for (const r of redis) {
      progress(`flushing the blob descriptor cache in ${r}`);
      await docker([
        'exec',
        r,
        'sh',
        '-c',
        'redis-cli --no-auth-warning -a "$(sed -n "s/^requirepass //p" /usr/local/etc/redis/redis.conf)" FLUSHALL',
      ]);
    }
    return { log: out.trim().split('\n').slice(-5).join('\n'), flushed: redis };
  });
  const bytesAfter = await volumeBytes(info.dataVolume, image);
  return { registry, bytesBefore, bytesAfter, flushed, log };
}
