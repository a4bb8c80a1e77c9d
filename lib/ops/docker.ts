import { execFile } from 'node:child_process';
import { OpsError } from './ops-error';

/**
 * `docker <args>` (the CLI on the PATH, so DOCKER_HOST and contexts apply); resolves to stdout,
 * or stdout and stderr together with `both` (a container's logs).
 */
export function docker(args: readonly string[], timeoutMs = 300_000, both = false): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'docker',
      [...args],
      { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) {
          const why = (stderr || err.message).trim().split('\n').pop() ?? '';
          reject(new OpsError(`docker ${args[0] ?? ''} failed: ${why}`));
        } else resolve(both ? stdout + stderr : stdout);
      },
    );
  });
}

/** A container's state as the engine reports it. */
export interface ContainerHealth {
  readonly name: string;
  /** running, exited, created, ... or `missing`. */
  readonly status: string;
  /** healthy, unhealthy, starting, or '' without a health check. */
  readonly health: string;
  /** A run-once job (label `org.registry-platform.job`) and its exit code. */
  readonly job?: { readonly exitCode: number };
}

/** The state of each named container (`missing` when the engine has none of that name). */
export async function containerHealth(names: readonly string[]): Promise<ContainerHealth[]> {
  const result: ContainerHealth[] = [];
  for (const name of names) {
    try {
      const out = await docker([
        'inspect',
        '--format',
        '{{.State.Status}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}',
        name,
      ]);
      const [status, health] = out.trim().split('|');
      result.push({ name, status: status ?? '', health: health ?? '' });
    } catch {
      result.push({ name, status: 'missing', health: '' });
    }
  }
  return result;
}

/**
 * Runs `entrypoint args...` in a throwaway container of `image` with no network and the given
 * volume mounts (`name:/path[:ro]`); resolves to its stdout.
 */
export function runHelper(
  image: string,
  mounts: readonly string[],
  entrypoint: string,
  args: readonly string[],
): Promise<string> {
  return docker([
    'run',
    '--rm',
    '--network',
    'none',
    ...mounts.flatMap((m) => ['-v', m]),
    '--entrypoint',
    entrypoint,
    image,
    ...args,
  ]);
}

/** Bytes used in a volume (`du` in a throwaway container of `image`). */
export async function volumeBytes(volume: string, image: string): Promise<number> {
  const out = await runHelper(image, [`${volume}:/data:ro`], 'du', ['-sk', '/data']);
  const kib = Number(out.trim().split(/\s+/)[0]);
  if (!Number.isFinite(kib)) throw new OpsError(`cannot measure the volume ${volume}: ${out.trim()}`);
  return kib * 1024;
}
