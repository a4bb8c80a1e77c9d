import { checkDockerName } from '../model/checks';
import { ServiceEndpoint } from '../model/endpoint';
import { SpecError } from '../model/errors';
import {
  LoadBalancerSpec,
  loadBalancerEndpoint,
  ResolvedLoadBalancer,
  resolveLoadBalancer,
} from '../model/load-balancer';
import { PublishSpec, ResolvedPublish, resolvePublish } from '../model/publish';
import { CertificateAndKey } from '../model/tls';
import { RenderedFile } from '../render/file';
import { loadBalancerPlan } from './load-balancer-plan';
import { ServicePlan } from './service-plan';

/** The props of a load balancer component that every engine reads the same way. */
export interface LoadBalancerComponentSpec extends LoadBalancerSpec {
  /** Container name, also the prefix of its config volume (unique on the Docker host). */
  readonly name: string;
  /** Where HTTPS is published on the host. */
  readonly publish: PublishSpec;
  /** Where the HTTP → HTTPS redirect is published. @default not published */
  readonly redirectPublish?: PublishSpec;
  /** Names other containers use to reach the load balancer. @default ['lb'] */
  readonly aliases?: readonly string[];
}

/** A load balancer component decided. */
export interface LoadBalancerComponent {
  /** The validated spec. */
  readonly spec: ResolvedLoadBalancer;
  /** Published HTTPS address. */
  readonly https: ResolvedPublish;
  /** The first alias. */
  readonly serviceName: string;
  /** Where containers on the platform network reach it (HTTPS). */
  readonly endpoint: ServiceEndpoint;
  /** nginx.conf. */
  readonly file: RenderedFile;
  /** The container plan. */
  readonly plan: ServicePlan;
}

/**
 * Decides nginx in front of registry replicas for any engine: at least one replica, each plain
 * HTTP on the private network (TLS ends here).
 * @param replicas where each replica answers; @param ui the UI served at `/`, if any
 * @throws SpecError naming `<id>.<prop>`
 */
export function loadBalancerComponent(
  id: string,
  props: LoadBalancerComponentSpec,
  replicas: readonly ServiceEndpoint[],
  tls: CertificateAndKey,
  ui?: ServiceEndpoint,
): LoadBalancerComponent {
  const name = checkDockerName(`${id}.name`, props.name);
  const spec = resolveLoadBalancer(id, props);
  if (replicas.length === 0) {
    throw new SpecError(`${id}.replicas`, [], 'allowed: at least one registry replica');
  }
  for (const r of replicas) {
    if (r.scheme !== 'http') {
      throw new SpecError(
        `${id}.replicas`,
        r.host,
        'replicas behind the load balancer speak plain HTTP on the private network; remove their tls',
      );
    }
  }
  const https = resolvePublish(`${id}.publish`, props.publish);
  const http =
    props.redirectPublish !== undefined
      ? resolvePublish(`${id}.redirectPublish`, props.redirectPublish)
      : undefined;
  const aliases = [...(props.aliases ?? ['lb'])];
  const serviceName = aliases[0] ?? name;
  const plan = loadBalancerPlan({
    name,
    spec,
    aliases,
    replicas: replicas.map((r) => ({ host: r.host, port: r.port })),
    ...(ui !== undefined ? { ui: { host: ui.host, port: ui.port } } : {}),
    https,
    ...(http ? { http } : {}),
    tls,
  });
  const file = plan.files[0];
  if (file === undefined) throw new Error('internal: the load balancer plan has no nginx.conf');
  return { spec, https, serviceName, endpoint: loadBalancerEndpoint(spec, serviceName), file, plan };
}
