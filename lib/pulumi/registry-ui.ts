import { ServiceEndpoint } from '../model/endpoint';
import { ResolvedPublish } from '../model/publish';
import { uiComponent, UiComponentSpec } from '../plans/ui-component';
import { docker, pulumi } from './engine';
import { PlatformNetwork } from './network';
import { realizeService } from './service';
import { RegistryUpstream, Upstream } from './upstream';

/** Args of {@link RegistryUi}. */
export interface RegistryUiArgs extends UiComponentSpec {
  /** The network shared with the registry. */
  readonly network: PlatformNetwork;
  /** The registry the UI browses. */
  readonly registry: RegistryUpstream;
  /** The token server, when the registry uses token authentication (served from the UI's origin). @default none */
  readonly tokenServer?: Upstream;
}

/**
 * The Joxit registry UI served same-origin through its own nginx, as the cdktf `RegistryUi`.
 * Children `<name>-image` and `<name>-container`.
 */
export class RegistryUi extends pulumi.ComponentResource implements Upstream {
  /** Where the UI is published, unless it is served through a load balancer. */
  public readonly publish?: ResolvedPublish;
  /** The environment the UI container gets. */
  public readonly settings: Readonly<Record<string, string>>;
  /** The container. */
  public readonly container: docker.Container;
  /** Where containers on the platform network reach the UI. */
  public readonly endpoint: ServiceEndpoint;

  /** Defines the UI container. */
  public constructor(name: string, args: RegistryUiArgs, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:RegistryUi', name, {}, opts);
    const c = uiComponent(name, args, args.registry, args.tokenServer?.endpoint);
    if (c.publish) this.publish = c.publish;
    this.endpoint = c.endpoint;
    this.settings = c.plan.environment;
    this.container = realizeService(this, name, c.plan, {
      network: args.network,
      dependsOn: [args.registry.container, ...(args.tokenServer ? [args.tokenServer.container] : [])],
    }).container;
    this.registerOutputs({});
  }
}
