import { Construct } from 'constructs';
import { ServiceEndpoint } from '../model/endpoint';
import { ResolvedLoadBalancer } from '../model/load-balancer';
import { ResolvedPublish } from '../model/publish';
import { loadBalancerComponent, LoadBalancerComponentSpec } from '../plans/load-balancer-component';
import { RenderedFile } from '../render/file';
import { PlatformNetwork } from './platform-network';
import { Container } from './providers';
import { certificateAndKey } from './private/secret-values';
import { realizeService } from './service';
import { TlsMaterial } from './tls';
import { Upstream } from './upstream';

/** Props of {@link LoadBalancer}. */
export interface LoadBalancerProps extends LoadBalancerComponentSpec {
  /** The network shared with the replicas. */
  readonly network: PlatformNetwork;
  /** The registry replicas (plain HTTP on the private network; TLS ends here). */
  readonly replicas: readonly Upstream[];
  /** Certificate and key served to clients. */
  readonly tls: TlsMaterial;
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
    const c = loadBalancerComponent(
      id,
      props,
      props.replicas.map((r) => r.endpoint),
      certificateAndKey(props.tls),
      props.ui?.endpoint,
    );
    this.spec = c.spec;
    this.https = c.https;
    this.serviceName = c.serviceName;
    this.endpoint = c.endpoint;
    this.file = c.file;
    // nginx resolves upstream names once, when it starts: everything it proxies to must exist
    // first, and when a replica or the UI is created anew (its address may change), so is nginx.
    this.container = realizeService(this, c.plan, {
      network: props.network,
      startsAfter: [...props.replicas.map((r) => r.container), ...(props.ui ? [props.ui.container] : [])],
    }).container;
  }
}
