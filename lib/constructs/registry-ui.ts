import { Construct } from 'constructs';
import { ServiceEndpoint } from '../model/endpoint';
import { ResolvedPublish } from '../model/publish';
import { uiComponent, UiComponentSpec } from '../plans/ui-component';
import { PlatformNetwork } from './platform-network';
import { Container } from './providers';
import { realizeService } from './service';
import { RegistryUpstream, Upstream } from './upstream';

/** Props of {@link RegistryUi}. */
export interface RegistryUiProps extends UiComponentSpec {
  /** The network shared with the registry. */
  readonly network: PlatformNetwork;
  /** The registry the UI browses (a {@link Registry}, or anything of that shape). */
  readonly registry: RegistryUpstream;
  /**
   * The token server, when the registry uses token authentication: the UI's nginx then serves
   * the page, `/v2` and the token endpoint (`/auth`) from one origin, and points the registry's
   * challenge there (docker_auth sends no CORS headers, so a cross-origin realm cannot work in a
   * browser). @default none
   */
  readonly tokenServer?: Upstream;
}

/**
 * The Joxit registry UI, served same-origin: its own nginx proxies `/v2` to the registry on the
 * container network, so the browser never makes a cross-origin request that the registry would
 * refuse under auth. `REGISTRY_SECURED` follows the registry's auth; the delete button is shown
 * only when storage deletes are enabled.
 *
 * The image runs an nginx master as root that rewrites its own files at start, so its root
 * filesystem stays writable; capabilities are dropped to what that master needs.
 * Construct ids `image` and `container` are public API.
 */
export class RegistryUi extends Construct implements Upstream {
  /** Where the UI is published, unless it is served through a load balancer. */
  public readonly publish?: ResolvedPublish;
  /** The environment the UI container gets. */
  public readonly settings: Readonly<Record<string, string>>;
  /** The container resource. */
  public readonly container: Container;
  /** The container name, which other containers on the network resolve. */
  public readonly name: string;
  /** Where containers on the platform network reach the UI (its nginx, plain HTTP). */
  public readonly endpoint: ServiceEndpoint;

  /** Defines the UI container. */
  public constructor(scope: Construct, id: string, props: RegistryUiProps) {
    super(scope, id);
    const c = uiComponent(id, props, props.registry, props.tokenServer?.endpoint);
    this.name = c.name;
    if (c.publish) this.publish = c.publish;
    this.endpoint = c.endpoint;
    this.settings = c.plan.environment;
    this.container = realizeService(this, c.plan, {
      network: props.network,
      dependsOn: [
        props.registry.container,
        ...(props.tokenServer !== undefined ? [props.tokenServer.container] : []),
      ],
    }).container;
  }
}
