import { ServiceEndpoint } from '../model/endpoint';
import { ResolvedLoadBalancer } from '../model/load-balancer';
import { ResolvedPublish } from '../model/publish';
import { loadBalancerComponent, LoadBalancerComponentSpec } from '../plans/load-balancer-component';
import { RenderedFile } from '../render/file';
import { docker, pulumi } from './engine';
import { PlatformNetwork } from './network';
import { certificateAndKey } from './private/values';
import { realizeService } from './service';
import { TlsMaterial } from './tls';
import { Upstream } from './upstream';

/** Args of {@link LoadBalancer}. */
export interface LoadBalancerArgs extends LoadBalancerComponentSpec {
  /** The network shared with the replicas. */
  readonly network: PlatformNetwork;
  /** The registry replicas (plain HTTP on the private network; TLS ends here). */
  readonly replicas: readonly Upstream[];
  /** Certificate and key served to clients. */
  readonly tls: TlsMaterial;
  /** A registry UI to serve at `/`; nginx starts after it. @default none */
  readonly ui?: Upstream;
}

/**
 * nginx in front of N registry replicas, as the cdktf `LoadBalancer` (the same nginx.conf).
 * Children `<name>-image`, `<name>-config`, `<name>-config-carrier` and `<name>-container`.
 */
export class LoadBalancer extends pulumi.ComponentResource implements Upstream {
  /** The validated spec. */
  public readonly spec: ResolvedLoadBalancer;
  /** The rendered nginx.conf. */
  public readonly file: RenderedFile;
  /** Published HTTPS address. */
  public readonly https: ResolvedPublish;
  /** Where containers on the platform network reach it (HTTPS). */
  public readonly endpoint: ServiceEndpoint;
  /** The container. */
  public readonly container: docker.Container;

  /** Renders nginx.conf and defines the container. */
  public constructor(name: string, args: LoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:LoadBalancer', name, {}, opts);
    const c = loadBalancerComponent(
      name,
      args,
      args.replicas.map((r) => r.endpoint),
      certificateAndKey(args.tls),
      args.ui?.endpoint,
    );
    this.spec = c.spec;
    this.https = c.https;
    this.endpoint = c.endpoint;
    this.file = c.file;
    // nginx resolves upstream names once, when it starts: a new replica or UI means a new nginx.
    this.container = realizeService(this, name, c.plan, {
      network: args.network,
      startsAfter: [...args.replicas.map((r) => r.container), ...(args.ui ? [args.ui.container] : [])],
    }).container;
    this.registerOutputs({});
  }
}
