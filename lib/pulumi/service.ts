import { HEALTHCHECK_CONTEXT_KEY, resolveHealthcheckTiming } from '../model/healthcheck-timing';
import { hardening, healthcheck } from '../plans/hardening';
import {
  carrierRole,
  FILES_LABEL,
  JOB_LABEL,
  ROLE_LABEL,
  STARTED_WITH_LABEL,
  VOLUME_LABEL,
} from '../plans/labels';
import { configDelivery, environmentList, plannedExceptions, ServicePlan } from '../plans/service-plan';
import { RenderedFile } from '../render/file';
import { docker, pulumi } from './engine';
import { PlatformNetwork } from './network';
import { checkHardening } from './private/policy';
import { fileContent, outputOf } from './private/values';

/** How a planned service is tied to the rest of the program. */
export interface ServiceWiring {
  /** The platform network it joins (with the plan's aliases). */
  readonly network: PlatformNetwork;
  /**
   * Containers whose work it reads when it starts (nginx's upstreams): created first, and their
   * ids go into a label, so a new one of them replaces this container. @default none
   */
  readonly startsAfter?: readonly docker.Container[];
  /** Containers that must exist first. @default none */
  readonly dependsOn?: readonly docker.Container[];
  /** More managed networks it joins, each with its aliases. @default none */
  readonly moreNetworks?: readonly {
    readonly network: PlatformNetwork;
    readonly aliases: readonly string[];
  }[];
}

/** The resources a realized plan defined. */
export interface RealizedService {
  /** The image (`<name>-image`). */
  readonly image: docker.RemoteImage;
  /** The service container (`<name>-container`). */
  readonly container: docker.Container;
  /** The config volume and carrier (`<name>-config`, `<name>-config-carrier`), for a read-only root with files. */
  readonly carrier?: docker.Container;
  /**
   * The files handed to the container (through its carrier or directly), each content an output
   * that is secret when a secret is written into it.
   */
  readonly uploads: readonly { readonly file: string; readonly content: pulumi.Output<string> }[];
  /**
   * For a run-once job: its exit code, which fails the update when it is not 0 (registered as an
   * output of the component, so the engine waits for it).
   */
  readonly completed?: pulumi.Output<number>;
}

/** Rendered files as container uploads, secrets filled in from their outputs. */
function uploadsOf(
  files: readonly RenderedFile[],
): { file: string; content: pulumi.Output<string>; permissions: string }[] {
  return files.map((f) => ({ file: f.path, content: fileContent(f), permissions: f.mode }));
}

/**
 * The health check timing the stack config `registry-platform:healthcheck` sets (an object, as
 * `pulumi config set --path 'registry-platform:healthcheck.interval' 2s` writes it); the default
 * where none is set.
 */
function healthcheckTiming(): ReturnType<typeof resolveHealthcheckTiming> {
  const [namespace, key] = HEALTHCHECK_CONTEXT_KEY.split(':') as [string, string];
  return resolveHealthcheckTiming(HEALTHCHECK_CONTEXT_KEY, new pulumi.Config(namespace).getObject(key));
}

/**
 * Realizes a service plan under `parent` as a hardened container, as the cdktf adapter does
 * (`lib/constructs/service.ts`): every capability dropped but the plan's, no privilege
 * escalation, `restart: unless-stopped`, the root read-only unless the plan states why not, a
 * memory limit and no swap. A read-only container gets its files through a config carrier: a
 * container created from the service's image and never started, with the config volume mounted,
 * that the provider uploads the files into; the service mounts the volume read-only and carries
 * the carrier's id in a label, so a changed file replaces both. Children are named
 * `<name>-image`, `<name>-config`, `<name>-config-carrier` and `<name>-container`.
 */
export function realizeService(
  parent: pulumi.Resource,
  name: string,
  plan: ServicePlan,
  wiring: ServiceWiring,
): RealizedService {
  const opts = { parent };
  const image = new docker.RemoteImage(`${name}-image`, { name: plan.image, keepLocally: true }, opts);
  const readOnly = plan.rootFilesystem.readOnly;
  const uploads = uploadsOf(plan.files);
  let carrier: docker.Container | undefined;
  let configMount: docker.types.input.ContainerVolume | undefined;
  if (readOnly && plan.files.length > 0) {
    const d = configDelivery(plan);
    const volume = new docker.Volume(
      `${name}-config`,
      { name: d.name, labels: [{ label: FILES_LABEL, value: d.filesLabel }] },
      opts,
    );
    const h = hardening();
    const carrierArgs: docker.ContainerArgs = {
      name: d.name,
      image: image.imageId,
      start: false,
      mustRun: false,
      restart: 'no',
      networkMode: 'none',
      volumes: [{ volumeName: volume.name, containerPath: d.dir }],
      uploads,
      capabilities: { drops: h.drop },
      securityOpts: h.securityOpts,
      labels: [
        { label: ROLE_LABEL, value: carrierRole(plan.name) },
        { label: VOLUME_LABEL, value: volume.id },
      ],
    };
    checkHardening(`${name}-config-carrier`, carrierArgs, []);
    carrier = new docker.Container(`${name}-config-carrier`, carrierArgs, opts);
    configMount = { volumeName: volume.name, containerPath: d.dir, readOnly: true };
  }
  const after = [...(carrier ? [carrier] : []), ...(wiring.startsAfter ?? [])];
  const job = plan.runOnce === true;
  const labels: docker.types.input.ContainerLabel[] = [
    ...(after.length > 0
      ? [
          {
            label: STARTED_WITH_LABEL,
            value: pulumi.all(after.map((c) => c.id)).apply((ids) => ids.join(',')),
          },
        ]
      : []),
    ...(job ? [{ label: JOB_LABEL, value: 'run once' }] : []),
  ];
  const h = hardening(plan.capabilities);
  const check = plan.healthCheck;
  const volumes: docker.types.input.ContainerVolume[] = [
    ...(configMount ? [configMount] : []),
    ...plan.volumes.map((v) => ({
      volumeName: v.name,
      containerPath: v.containerPath,
      ...(v.readOnly === true ? { readOnly: true } : {}),
    })),
  ];
  const secretEnv = Object.entries(plan.secretEnvironment ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const envs = pulumi
    .all(secretEnv.map(([, v]) => outputOf(v)))
    .apply((values) => [
      ...environmentList(plan.environment),
      ...secretEnv.map(([k], i) => `${k}=${values[i] ?? ''}`),
    ]);
  const args: docker.ContainerArgs = {
    name: plan.name,
    image: image.imageId,
    ...(job
      ? { restart: 'no', mustRun: false, attach: true, logs: false }
      : { restart: 'unless-stopped', mustRun: true }),
    ...(plan.command !== undefined ? { command: [...plan.command] } : {}),
    ...(plan.user !== undefined ? { user: plan.user } : {}),
    ...(Object.keys(plan.environment).length + secretEnv.length > 0 ? { envs } : {}),
    networksAdvanced: [
      {
        name: wiring.network.resource.name,
        ...(plan.aliases.length > 0 ? { aliases: [...plan.aliases] } : {}),
      },
      ...(wiring.moreNetworks ?? []).map((n) => ({
        name: n.network.resource.name,
        ...(n.aliases.length > 0 ? { aliases: [...n.aliases] } : {}),
      })),
      ...plan.extraNetworks.map((n) => ({ name: n })),
    ],
    ...(plan.ports.length > 0
      ? {
          ports: plan.ports.map((p) => ({
            internal: p.containerPort,
            external: p.hostPort,
            ip: p.bindAddress,
            protocol: 'tcp',
          })),
        }
      : {}),
    ...(volumes.length > 0 ? { volumes } : {}),
    readOnly,
    memory: plan.memoryMb,
    memorySwap: plan.memoryMb,
    ...(Object.keys(plan.tmpfs).length > 0 ? { tmpfs: { ...plan.tmpfs } } : {}),
    capabilities: h.add.length > 0 ? { drops: h.drop, adds: h.add } : { drops: h.drop },
    securityOpts: h.securityOpts,
    ...(!readOnly && plan.files.length > 0 ? { uploads } : {}),
    ...(check !== undefined
      ? {
          healthcheck: (({ test, ...rest }) => ({ tests: test, ...rest }))(
            healthcheck([...check.test], check.startPeriod, healthcheckTiming()),
          ),
          ...(check.waitForHealthy ? { wait: true, waitTimeout: 120 } : {}),
        }
      : {}),
    ...(labels.length > 0 ? { labels } : {}),
  };
  checkHardening(`${name}-container`, args, plannedExceptions(plan));
  const container = new docker.Container(`${name}-container`, args, {
    parent,
    dependsOn: [...after, ...(wiring.dependsOn ?? [])],
  });
  const completed = job
    ? container.exitCode.apply((code) => {
        // Unknown during a preview; after the job ran, anything but 0 fails the update.
        if (code !== undefined && code !== null && code !== 0) {
          throw new Error(
            `The job ${plan.name} failed (exit code ${code}); see \`docker logs ${plan.name}\`.`,
          );
        }
        return code ?? 0;
      })
    : undefined;
  return { image, container, ...(carrier ? { carrier } : {}), uploads, ...(completed ? { completed } : {}) };
}
