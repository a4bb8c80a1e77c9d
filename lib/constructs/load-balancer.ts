import { Construct } from 'constructs';
import { checkDockerName } from '../model/checks';
import { SpecError } from '../model/errors';
import { ServiceEndpoint } from '../model/endpoint';
import {
  LoadBalancerSpec,
  loadBalancerEndpoint,
  ResolvedLoadBalancer,
  resolveLoadBalancer,
} from '../model/load-balancer';
import { PublishSpec, ResolvedPublish, resolvePublish } from '../model/publish';
import { loadBalancerPlan } from '../plans/load-balancer-plan';
import { RenderedFile } from '../render/file';
import { PlatformNetwork } from './platform-network';
import { Container } from './providers';
import { certificateAndKey } from './private/secret-values';
import { realizeService } from './service';
import { TlsMaterial } from './tls';
import { Upstream } from './upstream';

/** Props of {@link LoadBalancer}. */
export interface LoadBalancerProps extends LoadBalancerSpec {
  /** Container name, also the prefix of its config volume (unique on the Docker host). */
  readonly name: string;
  /** The network shared with the replicas. */
  readonly network: PlatformNetwork;
  /** The registry replicas (plain HTTP on the private network; TLS ends here). */
  readonly replicas: readonly Upstream[];
  /** Certificate and key served to clients. */
  readonly tls: TlsMaterial;
  /** Where HTTPS is published on the host. */
  readonly publish: PublishSpec;
  /** Where the HTTP → HTTPS redirect is published. @default not published */
  readonly redirectPublish?: PublishSpec;
  /** Names other containers use to reach the load balancer. @default ['lb'] */
  readonly aliases?: readonly string[];
  /** A registry UI to serve at `/` (same origin as `/v2/`); nginx starts after it. @default none */
  readonly ui?: Upstream;
}

/**
 * nginx in front of N registry replicas: TLS termination, HTTP → HTTPS redirect, an upstream with
 * keepalive and passive failover, every directive the registry needs behind a proxy (unbuffered
 * HTTP/1.1 streaming, unlimited body, forwarded headers, the API-version header on nginx's own
 * answers, 900 s timeouts) and `/healthz`. Unprivileged ports inside the container, read-only root,
 * pid and temp files on a tmpfs; the master keeps only CHOWN, SETUID and SETGID to start its
 * workers as `nginx` (so the key can stay 0600, readable by root only).
 * Construct ids `image`, `config`, `config-carrier` and `container` are public API.
 */
export class LoadBalancer extends Construct implements Upstream {
  /** The validated spec. */
  public readonly spec: ResolvedLoadBalancer;
  /** The rendered nginx.conf. */
  public readonly file: RenderedFile;
  /** Published HTTPS address. */
  public readonly https: ResolvedPublish;
  /** The first network alias. */
  public readonly serviceName: string;
  /** Where containers on the platform network reach the load balancer (HTTPS). */
  public readonly endpoint: ServiceEndpoint;
  /** The container resource. */
  public readonly container: Container;

  /** Renders nginx.conf and defines the container. */
  public constructor(scope: Construct, id: string, props: LoadBalancerProps) {
    super(scope, id);
    const name = checkDockerName(`${id}.name`, props.name);
    this.spec = resolveLoadBalancer(id, props);
    if (props.replicas.length === 0) {
      throw new SpecError(`${id}.replicas`, [], 'allowed: at least one registry replica');
    }
    for (const r of props.replicas) {
      if (r.endpoint.scheme !== 'http') {
        throw new SpecError(
          `${id}.replicas`,
          r.endpoint.host,
          'replicas behind the load balancer speak plain HTTP on the private network; remove their tls',
        );
      }
    }
    this.https = resolvePublish(`${id}.publish`, props.publish);
    const http =
      props.redirectPublish !== undefined
        ? resolvePublish(`${id}.redirectPublish`, props.redirectPublish)
        : undefined;
    const aliases = [...(props.aliases ?? ['lb'])];
    this.serviceName = aliases[0] ?? name;
    this.endpoint = loadBalancerEndpoint(this.spec, this.serviceName);
    const plan = loadBalancerPlan({
      name,
      spec: this.spec,
      aliases,
      replicas: props.replicas.map((r) => ({ host: r.endpoint.host, port: r.endpoint.port })),
      ...(props.ui !== undefined
        ? { ui: { host: props.ui.endpoint.host, port: props.ui.endpoint.port } }
        : {}),
      https: this.https,
      ...(http ? { http } : {}),
      tls: certificateAndKey(props.tls),
    });
    const file = plan.files[0];
    if (file === undefined) throw new Error('internal: the load balancer plan has no nginx.conf');
    this.file = file;
    // nginx resolves upstream names once, when it starts: everything it proxies to must exist
    // first, and when a replica or the UI is created anew (its address may change), so is nginx.
    this.container = realizeService(this, plan, {
      network: props.network,
      startsAfter: [...props.replicas.map((r) => r.container), ...(props.ui ? [props.ui.container] : [])],
    }).container;
  }
}
