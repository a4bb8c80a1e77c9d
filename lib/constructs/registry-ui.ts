import { Construct } from 'constructs';
import { checkDockerName, checkImage } from '../model/checks';
import { endpointUrl, ServiceEndpoint } from '../model/endpoint';
import { PublishSpec, ResolvedPublish, resolvePublish } from '../model/publish';
import { SpecError } from '../model/errors';
import { uiPlan } from '../plans/ui-plan';
import { PlatformNetwork } from './platform-network';
import { Container } from './providers';
import { realizeService } from './service';
import { RegistryUpstream, Upstream } from './upstream';

/** Props of {@link RegistryUi}. */
export interface RegistryUiProps {
  /** Container name (unique on the Docker host). */
  readonly name: string;
  /** The network shared with the registry. */
  readonly network: PlatformNetwork;
  /** The registry the UI browses (a {@link Registry}, or anything of that shape). */
  readonly registry: RegistryUpstream;
  /**
   * Where the UI is published on the host, or `false` when it is served through a load balancer.
   * @default port 8080 on 127.0.0.1
   */
  readonly publish?: PublishSpec | false;
  /** Image reference. @default 'joxit/docker-registry-ui:2.5.7' */
  readonly image?: string;
  /**
   * Where the UI's own nginx proxies `/v2` to, when not the registry itself: for example the load
   * balancer in front of the replicas. @default the registry's endpoint
   */
  readonly proxyTo?: ServiceEndpoint;
  /** Title shown in the UI. @default 'Docker Registry' */
  readonly title?: string;
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
    const name = checkDockerName(`${id}.name`, props.name);
    this.name = name;
    const imageRef = checkImage(`${id}.image`, props.image ?? 'joxit/docker-registry-ui:2.5.7');
    if (props.publish !== false) {
      this.publish = resolvePublish(`${id}.publish`, props.publish ?? { port: 8080 });
    }
    this.endpoint = { host: name, port: 80, scheme: 'http' };
    const token = props.registry.authType === 'token';
    if (token !== (props.tokenServer !== undefined)) {
      throw new SpecError(
        `${id}.tokenServer`,
        props.tokenServer === undefined ? undefined : '<TokenServer>',
        `the UI needs the token server exactly when the registry's auth.type is "token" (it is "${props.registry.authType}")`,
      );
    }
    const plan = uiPlan({
      name,
      image: imageRef,
      settings: {
        title: props.title ?? 'Docker Registry',
        registryUrl: endpointUrl(props.proxyTo ?? props.registry.endpoint),
        secured: props.registry.authType !== 'none',
        deleteEnabled: props.registry.deleteEnabled,
      },
      ...(props.tokenServer !== undefined ? { tokenServerUrl: endpointUrl(props.tokenServer.endpoint) } : {}),
      ...(this.publish ? { publish: this.publish } : {}),
    });
    this.settings = plan.environment;
    this.container = realizeService(this, plan, {
      network: props.network,
      dependsOn: [
        props.registry.container,
        ...(props.tokenServer !== undefined ? [props.tokenServer.container] : []),
      ],
    }).container;
  }
}
