import { Construct } from 'constructs';
import { JOB_LABEL } from '../plans/labels';
import { environmentList, plannedExceptions, ServicePlan } from '../plans/service-plan';
import { ConfigFiles, deliverConfigFiles } from './private/config-files';
import { HEALTHCHECK_CONTEXT_KEY, resolveHealthcheckTiming } from '../model/healthcheck-timing';
import { hardening, healthcheck } from '../plans/hardening';
import { suppressHardeningRule } from './hardening-policy';
import { PlatformNetwork } from './platform-network';
import { Container, ContainerConfig, Image } from './providers';
import { startsAfter } from './private/started-with';
import { uploads } from './private/terraform-text';
import { terraformString } from './private/secret-values';

export { JOB_LABEL } from '../plans/labels';

/** How a planned service is tied to the rest of the stack. */
export interface ServiceWiring {
  /** The platform network it joins (with the plan's aliases). */
  readonly network: PlatformNetwork;
  /**
   * Containers whose work it reads when it starts (nginx's upstreams): created first, and a new
   * one of them replaces this container. Its config carrier is always one. @default none
   */
  readonly startsAfter?: readonly Container[];
  /** Containers that must exist first, without replacing this one when they change. @default none */
  readonly dependsOn?: readonly Container[];
  /** More managed networks it joins, each with its aliases (the monitoring network). @default none */
  readonly moreNetworks?: readonly {
    readonly network: PlatformNetwork;
    readonly aliases: readonly string[];
  }[];
}

/** The resources a realized plan defined. */
export interface RealizedService {
  /** The image (construct id `image`). */
  readonly image: Image;
  /** The service container (construct id `container`). */
  readonly container: Container;
  /** The config volume and carrier (construct ids `config`, `config-carrier`), for a read-only root with files. */
  readonly delivery?: ConfigFiles;
}

/**
 * The health check timing the app or stack set in the context key `registry-platform:healthcheck`
 * (in `cdktf.json`'s `context`, `new App({ context })` or `node.setContext` before the children
 * are added); the default where none is set.
 */
function healthcheckTiming(scope: Construct): ReturnType<typeof resolveHealthcheckTiming> {
  return resolveHealthcheckTiming(HEALTHCHECK_CONTEXT_KEY, scope.node.tryGetContext(HEALTHCHECK_CONTEXT_KEY));
}

/**
 * Realizes a service plan in `scope` as a hardened container: every capability dropped but the
 * plan's, no privilege escalation, `restart: unless-stopped`, the root read-only unless the plan
 * states why not (then RP-5.12 of the hardening policy is suppressed with that reason), a memory
 * limit and no swap. A read-only container gets its files through a config carrier (see
 * {@link deliverConfigFiles}); a writable one gets them uploaded directly. Defined in the
 * component's own scope, so the construct ids `image`, `config`, `config-carrier` and `container`
 * (public API) stay where they were.
 */
export function realizeService(scope: Construct, plan: ServicePlan, wiring: ServiceWiring): RealizedService {
  const image = new Image(scope, 'image', { name: plan.image, keepLocally: true });
  const readOnly = plan.rootFilesystem.readOnly;
  const delivery =
    readOnly && plan.files.length > 0
      ? deliverConfigFiles(scope, {
          name: plan.name,
          imageId: image.imageId,
          containerPath: plan.configDir,
          files: plan.files,
        })
      : undefined;
  const h = hardening(plan.capabilities);
  const after = [...(delivery ? [delivery.carrier] : []), ...(wiring.startsAfter ?? [])];
  const ordering = after.length > 0 ? startsAfter(after) : { labels: undefined, dependsOn: [] };
  const dependsOn = [...ordering.dependsOn, ...(wiring.dependsOn ?? [])];
  const check = plan.healthCheck;
  const ports = plan.ports.map((p) => ({
    internal: p.containerPort,
    external: p.hostPort,
    ip: p.bindAddress,
    protocol: 'tcp',
  }));
  const volumes = [
    ...(delivery ? [delivery.mount] : []),
    ...plan.volumes.map((v) => ({
      volumeName: v.name,
      containerPath: v.containerPath,
      ...(v.readOnly === true ? { readOnly: true } : {}),
    })),
  ];
  const env = [
    ...environmentList(plan.environment),
    ...Object.entries(plan.secretEnvironment ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${terraformString(v)}`),
  ];
  const job = plan.runOnce === true;
  const labels = [...(ordering.labels ?? []), ...(job ? [{ label: JOB_LABEL, value: 'run once' }] : [])];
  const config: ContainerConfig = {
    name: plan.name,
    image: image.imageId,
    ...(job
      ? {
          // Created, started and waited for (`attach`); a stopped job is what a deploy leaves, so
          // `must_run` is off and the plan after it stays empty. Its exit code is checked below.
          restart: 'no',
          mustRun: false,
          attach: true,
          logs: false,
          lifecycle: {
            postcondition: [
              {
                condition: '${self.exit_code == 0}',
                errorMessage: `The job ${plan.name} failed; see \`docker logs ${plan.name}\`.`,
              },
            ],
          },
        }
      : { restart: 'unless-stopped', mustRun: true }),
    ...(plan.command !== undefined ? { command: [...plan.command] } : {}),
    ...(plan.user !== undefined ? { user: plan.user } : {}),
    ...(env.length > 0 ? { env } : {}),
    networksAdvanced: [
      { name: wiring.network.ref, ...(plan.aliases.length > 0 ? { aliases: [...plan.aliases] } : {}) },
      ...(wiring.moreNetworks ?? []).map((n) => ({
        name: n.network.ref,
        ...(n.aliases.length > 0 ? { aliases: [...n.aliases] } : {}),
      })),
      ...plan.extraNetworks.map((name) => ({ name })),
    ],
    ...(ports.length > 0 ? { ports } : {}),
    ...(volumes.length > 0 ? { volumes } : {}),
    readOnly,
    memory: plan.memoryMb,
    memorySwap: plan.memoryMb,
    ...(Object.keys(plan.tmpfs).length > 0 ? { tmpfs: { ...plan.tmpfs } } : {}),
    capabilities: h.add.length > 0 ? { drop: h.drop, add: h.add } : { drop: h.drop },
    securityOpts: h.securityOpts,
    ...(!readOnly && plan.files.length > 0 ? { upload: uploads(plan.files) } : {}),
    ...(check !== undefined
      ? {
          healthcheck: healthcheck([...check.test], check.startPeriod, healthcheckTiming(scope)),
          ...(check.waitForHealthy ? { wait: true, waitTimeout: 120 } : {}),
        }
      : {}),
    ...(labels.length > 0 ? { labels } : {}),
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
  };
  const container = new Container(scope, 'container', config);
  for (const e of plannedExceptions(plan)) suppressHardeningRule(container, e.rule, e.reason);
  return { image, container, ...(delivery ? { delivery } : {}) };
}
