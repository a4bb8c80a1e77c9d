import { docker } from './docker';
import { OpsError } from './ops-error';
import { StackInfo } from './stack-info';

/** Reports a step of long work (the CLI prints it, with `--json` on stderr). */
export type Progress = (step: string) => void;

/** What `docker inspect` says of a registry container, as far as a stand-in copy needs it. */
interface Inspected {
  Config: {
    Image: string;
    Cmd: string[] | null;
    Entrypoint: string[] | null;
    User: string;
    Env: string[] | null;
  };
  HostConfig: {
    PortBindings: Record<string, { HostIp: string; HostPort: string }[]> | null;
    Tmpfs: Record<string, string> | null;
    ReadonlyRootfs: boolean;
    Memory: number;
  };
  Mounts: { Type: string; Name?: string; Destination: string; RW: boolean }[];
  NetworkSettings: { Networks: Record<string, { Aliases: string[] | null }> };
  State: { Running: boolean };
}

/** The environment override that puts a registry (2.x and 3.x) in read-only maintenance mode. */
export const READ_ONLY_ENV = 'REGISTRY_STORAGE_MAINTENANCE_READONLY={"enabled":true}';

/**
 * The registry container of a stack. Day-2 commands that stop the registry handle one replica:
 * the HA stack's nginx resolves its upstreams when it starts, so replicas that come back on new
 * addresses would not be reached again.
 * @throws OpsError for a stack with several replicas or none
 */
export function registryContainer(info: StackInfo): string {
  const base = info.dataVolume?.replace(/-data$/, '');
  const registries = info.containers.filter(
    (n) => base !== undefined && new RegExp(`^${base}(-\\d+)?$`).test(n),
  );
  if (registries.length !== 1) {
    throw new OpsError(
      registries.length === 0
        ? `stack "${info.stack}" has no registry container in its state`
        : `stack "${info.stack}" has ${registries.length} registry replicas (${registries.join(', ')}): this command handles a single registry`,
    );
  }
  return registries[0]!;
}

/** The image of a container (for throwaway helpers that must find the same tools). */
export async function imageOf(container: string): Promise<string> {
  return (await docker(['inspect', '--format', '{{.Config.Image}}', container])).trim();
}

/**
 * Runs `work` with the registry in read-only maintenance mode: the registry container is stopped
 * and a copy of it (same image, command, user, volumes, network aliases and published ports,
 * read-only root, no capabilities) serves pulls with `storage.maintenance.readonly` on, refusing
 * pushes. Afterwards, also when `work` fails, the copy is removed and the registry started again
 * (the same container: Terraform sees no change). `work` gets the copy's name.
 */
export async function withReadOnlyRegistry<T>(
  registry: string,
  progress: Progress,
  work: (maintenance: string) => Promise<T>,
): Promise<T> {
  const [c] = JSON.parse(await docker(['inspect', registry])) as Inspected[];
  if (c === undefined) throw new OpsError(`no container ${registry}`);
  if (!c.State.Running)
    throw new OpsError(`${registry} is not running; start it (or deploy the stack) first`);
  const copy = `${registry}-maintenance`;
  await docker(['rm', '-f', copy]).catch(() => undefined);
  const networks = Object.entries(c.NetworkSettings.Networks);
  const aliases = (n: { Aliases: string[] | null }): string[] =>
    (n.Aliases ?? []).filter((a) => !/^[0-9a-f]{12}$/.test(a));
  const [firstNet, firstCfg] = networks[0] ?? [];
  progress(`stopping ${registry}; ${copy} serves read-only (pushes are refused until this ends)`);
  await docker(['stop', registry]);
  try {
    await docker([
      'run',
      '-d',
      '--name',
      copy,
      '--label',
      `org.registry-platform.maintenance-of=${registry}`,
      ...(c.Config.User !== '' ? ['--user', c.Config.User] : []),
      ...(c.HostConfig.ReadonlyRootfs ? ['--read-only'] : []),
      ...Object.entries(c.HostConfig.Tmpfs ?? {}).flatMap(([p, o]) => ['--tmpfs', `${p}:${o}`]),
      '--cap-drop',
      'ALL',
      '--security-opt',
      'no-new-privileges:true',
      ...(c.HostConfig.Memory > 0 ? ['--memory', String(c.HostConfig.Memory)] : []),
      ...(c.Config.Env ?? []).flatMap((e) => ['-e', e]),
      '-e',
      READ_ONLY_ENV,
      ...c.Mounts.filter((m) => m.Type === 'volume' && m.Name !== undefined).flatMap((m) => [
        '-v',
        `${m.Name}:${m.Destination}${m.RW ? '' : ':ro'}`,
      ]),
      ...Object.entries(c.HostConfig.PortBindings ?? {}).flatMap(([port, binds]) =>
        binds.flatMap((b) => ['-p', `${b.HostIp ? `${b.HostIp}:` : ''}${b.HostPort}:${port}`]),
      ),
      ...(firstNet !== undefined
        ? ['--network', firstNet, ...aliases(firstCfg!).flatMap((a) => ['--network-alias', a])]
        : []),
      ...(c.Config.Entrypoint !== null && c.Config.Entrypoint.length > 0
        ? ['--entrypoint', c.Config.Entrypoint[0]!]
        : []),
      c.Config.Image,
      ...(c.Config.Entrypoint ?? []).slice(1),
      ...(c.Config.Cmd ?? []),
    ]);
    for (const [net, cfg] of networks.slice(1)) {
      await docker(['network', 'connect', ...aliases(cfg).flatMap((a) => ['--alias', a]), net, copy]);
    }
    await waitListening(copy);
    return await work(copy);
  } finally {
    progress(`removing ${copy}; starting ${registry} again (read-write)`);
    await docker(['rm', '-f', copy]).catch(() => undefined);
    await docker(['start', registry]);
  }
}

/** Waits (30 s at most) until the registry in `container` logs that it listens. */
async function waitListening(container: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const all = await docker(['logs', container], 10_000, true).catch(() => '');
    if (/listening on/.test(all)) return;
    const running = (await docker(['inspect', '--format', '{{.State.Running}}', container])).trim();
    if (running !== 'true')
      throw new OpsError(`${container} stopped: ${all.trim().split('\n').slice(-3).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new OpsError(`${container} did not start listening within 30 s`);
}

/**
 * Runs `work` with the registry stopped (nothing served: its data is being replaced), and starts
 * it again afterwards, also when `work` fails.
 */
export async function withRegistryStopped<T>(
  registry: string,
  progress: Progress,
  work: () => Promise<T>,
): Promise<T> {
  progress(`stopping ${registry} (nothing is served until this ends)`);
  await docker(['stop', registry]);
  try {
    return await work();
  } finally {
    progress(`starting ${registry} again`);
    await docker(['start', registry]);
  }
}
