import { Construct } from 'constructs';
import { checkDockerName, checkWord } from '../model/checks';
import { PublishSpec, ResolvedPublish, resolvePublish } from '../model/publish';
import { SpecError } from '../model/errors';
import { uiPlan } from '../plans/ui-plan';
import { PlatformNetwork } from './platform-network';
import { Container } from './providers';
import { Registry } from './registry';
import { realizeService } from './service';
import { TokenServer } from './token-server';

/** Props of {@link RegistryUi}. */
export interface RegistryUiProps {
  /** Container name (unique on the Docker host). */
  readonly name: string;
  /** The network shared with the registry. */
  readonly network: PlatformNetwork;
  /** The registry the UI browses. */
  readonly registry: Registry;
  /**
   * Where the UI is published on the host, or `false` when it is served through a load balancer.
   * @default port 8080 on 127.0.0.1
   */
  readonly publish?: PublishSpec | false;
  /** Image reference. @default 'joxit/docker-registry-ui:2.5.7' */
  readonly image?: string;
  /** URL the UI's own nginx proxies `/v2` to. @default the registry's internal URL */
  readonly registryUrl?: string;
  /** Title shown in the UI. @default 'Docker Registry' */
  readonly title?: string;
  /**
   * The token server, when the registry uses token authentication: the UI's nginx then serves
   * the page, `/v2` and the token endpoint (`/auth`) from one origin, and points the registry's
   * challenge there (docker_auth sends no CORS headers, so a cross-origin realm cannot work in a
   * browser). @default none
   */
  readonly tokenServer?: TokenServer;
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
export class RegistryUi extends Construct {
  /** Where the UI is published, unless it is served through a load balancer. */
  public readonly publish?: ResolvedPublish;
  /** The environment the UI container gets. */
  public readonly settings: Readonly<Record<string, string>>;
  /** The container resource. */
  public readonly container: Container;
  /** The container name, which other containers on the network resolve. */
  public readonly name: string;

  /** Defines the UI container. */
  public constructor(scope: Construct, id: string, props: RegistryUiProps) {
    super(scope, id);
    const name = checkDockerName(`${id}.name`, props.name);
    this.name = name;
    const imageRef = checkWord(`${id}.image`, props.image ?? 'joxit/docker-registry-ui:2.5.7');
    if (props.publish !== false) {
      this.publish = resolvePublish(`${id}.publish`, props.publish ?? { port: 8080 });
    }
    const token = props.registry.spec.auth.type === 'token';
    if (token !== (props.tokenServer !== undefined)) {
      throw new SpecError(
        `${id}.tokenServer`,
        props.tokenServer === undefined ? undefined : '<TokenServer>',
        `the UI needs the token server exactly when the registry's auth.type is "token" (it is "${props.registry.spec.auth.type}")`,
      );
    }
    const plan = uiPlan({
      name,
      image: imageRef,
      settings: {
        title: props.title ?? 'Docker Registry',
        registryUrl: props.registryUrl ?? props.registry.internalUrl,
        secured: props.registry.authEnabled,
        deleteEnabled: props.registry.spec.storage.deleteEnabled,
      },
      ...(props.tokenServer !== undefined ? { tokenServerUrl: props.tokenServer.internalUrl } : {}),
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
