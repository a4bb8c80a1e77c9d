import { SecretRef } from '../model/secret';
import { RenderedFile } from '../render/file';

/** A container port published on the host. */
export interface PlannedPort {
  /** Port inside the container. */
  readonly containerPort: number;
  /** Port on the host. */
  readonly hostPort: number;
  /** Host address it is bound to. */
  readonly bindAddress: string;
}

/** A named volume mounted into the container (data that outlives the container). */
export interface PlannedVolume {
  /** Docker volume name. */
  readonly name: string;
  /** Where it is mounted. */
  readonly containerPath: string;
  /** Mounted read-only (another service's data it only looks at). @default false */
  readonly readOnly?: boolean;
}

/** A container health check. */
export interface PlannedHealthCheck {
  /** Docker's test, for example `['CMD', 'wget', '-q', '-O', '/dev/null', URL]`. */
  readonly test: readonly string[];
  /** Grace period before failures count. */
  readonly startPeriod: string;
  /** Whether a deploy waits until the container is healthy. */
  readonly waitForHealthy: boolean;
}

/** Whether the root filesystem is read-only; a writable root must say why. */
export type RootFilesystem =
  { readonly readOnly: true } | { readonly readOnly: false; readonly reason: string };

/**
 * Everything one service container needs, decided without any engine: what runs, what it is
 * given, what it may do. An engine adapter realizes a plan as a hardened container (every
 * capability dropped but `capabilities`, no privilege escalation, the root read-only unless the
 * plan states why not); files reach a read-only container through a config carrier, a writable
 * one directly.
 */
export interface ServicePlan {
  /** Container name (unique on the Docker host); also the prefix of its config volume. */
  readonly name: string;
  /** Image reference. */
  readonly image: string;
  /** Arguments after the image's entrypoint. @default the image's command */
  readonly command?: readonly string[];
  /** `uid:gid` to run as. @default the image's user */
  readonly user?: string;
  /** Environment variables. */
  readonly environment: Readonly<Record<string, string>>;
  /** Environment variables whose values are secrets the engine supplies. @default none */
  readonly secretEnvironment?: Readonly<Record<string, SecretRef>>;
  /** Names other containers on the platform network use. */
  readonly aliases: readonly string[];
  /** Existing Docker networks (not managed by the platform) it joins too, by name. */
  readonly extraNetworks: readonly string[];
  /** Ports published on the host. */
  readonly ports: readonly PlannedPort[];
  /** The directory its files live in (the config volume, for a read-only root). */
  readonly configDir: string;
  /** The files it is given; every path lies under `configDir` when the root is read-only. */
  readonly files: readonly RenderedFile[];
  /** Named volumes (data). */
  readonly volumes: readonly PlannedVolume[];
  /** tmpfs mounts by path (options as Docker takes them). */
  readonly tmpfs: Readonly<Record<string, string>>;
  /** The root filesystem. */
  readonly rootFilesystem: RootFilesystem;
  /** Capabilities added back after dropping all (only what the image's process needs). */
  readonly capabilities: readonly string[];
  /** Memory limit in MB (swap included: the container gets no swap). */
  readonly memoryMb: number;
  /** Its health check. @default none */
  readonly healthCheck?: PlannedHealthCheck;
  /**
   * A job, not a service: it runs to completion during the deploy, which fails when it exits
   * non-zero, and is never restarted (a migration). @default false
   */
  readonly runOnce?: boolean;
}

/** A writable, non-executable `/tmp` for a read-only root. */
export const TMP_TMPFS: Readonly<Record<string, string>> = { '/tmp': 'rw,noexec,nosuid,size=64m' };

/** A health check that fetches `url` with the image's `wget`. */
export function wgetHealthCheck(url: string, startPeriod = '5s', waitForHealthy = true): PlannedHealthCheck {
  return { test: ['CMD', 'wget', '-q', '-O', '/dev/null', url], startPeriod, waitForHealthy };
}

/**
 * A health check that fetches `https://127.0.0.1:<port><path>` with the image's busybox `wget`
 * (ssl_client). The certificate is not checked: the address is 127.0.0.1, not a name in it.
 */
export function httpsHealthCheck(port: number, path = '/', startPeriod = '5s'): PlannedHealthCheck {
  return {
    test: [
      'CMD',
      'wget',
      '--no-check-certificate',
      '-q',
      '-O',
      '/dev/null',
      `https://127.0.0.1:${port}${path}`,
    ],
    startPeriod,
    waitForHealthy: true,
  };
}

/** Docker's `KEY=value` list from a map, sorted by key so the plan never reorders it. */
export function environmentList(env: Readonly<Record<string, string>>): string[] {
  return Object.keys(env)
    .sort()
    .map((k) => `${k}=${env[k]}`);
}

/** A hardening rule a planned container may break, and why (the plan states it). */
export interface PlannedException {
  /** The rule id, for example `RP-5.12`. */
  readonly rule: string;
  /** Why. */
  readonly reason: string;
}

/**
 * The hardening rules a plan itself says its container breaks, with the reason: a run-once job
 * is never restarted (RP-5.26, no health check to wait on), a writable root states why (RP-5.12),
 * ports asked for on every interface (RP-5.13). Every engine suppresses exactly these.
 */
export function plannedExceptions(plan: ServicePlan): PlannedException[] {
  const out: PlannedException[] = [];
  if (plan.runOnce === true) {
    out.push({
      rule: 'RP-5.26',
      reason: 'a run-once job: the deploy waits for it to exit and checks its exit code',
    });
  }
  if (!plan.rootFilesystem.readOnly) out.push({ rule: 'RP-5.12', reason: plan.rootFilesystem.reason });
  const everywhere = plan.ports.filter((p) => p.bindAddress === '0.0.0.0').map((p) => p.hostPort);
  if (everywhere.length > 0) {
    out.push({
      rule: 'RP-5.13',
      reason: `port(s) ${everywhere.join(', ')} published on every interface because bindAddress "0.0.0.0" was asked for (the default is 127.0.0.1)`,
    });
  }
  return out;
}

/** How a read-only service's files reach it: the config volume and its carrier, decided once. */
export interface ConfigDelivery {
  /** Where the config volume is mounted (the plan's `configDir`, no trailing slash). */
  readonly dir: string;
  /** The Docker name of the config volume and of its carrier container: `<service>-config`. */
  readonly name: string;
  /** The volume's files label: the sorted paths (a changed list replaces the volume). */
  readonly filesLabel: string;
}

/**
 * The config volume of a service whose files go through a carrier (both adapters use it).
 * @throws Error when a file lies outside `configDir` (a plan bug)
 */
export function configDelivery(service: {
  readonly name: string;
  readonly configDir: string;
  readonly files: readonly RenderedFile[];
}): ConfigDelivery {
  const dir = service.configDir.replace(/\/+$/, '');
  for (const f of service.files) {
    if (!f.path.startsWith(`${dir}/`))
      throw new Error(`internal: ${f.path} is not under the config volume ${dir}`);
  }
  const paths = service.files.map((f) => f.path).sort();
  return { dir, name: `${service.name}-config`, filesLabel: paths.join(',') };
}
