import { AuthSpec } from '../model/auth';
import { checkDockerName, checkImage } from '../model/checks';
import { endpointUrl, ServiceEndpoint } from '../model/endpoint';
import { SpecError } from '../model/errors';
import { PublishSpec, ResolvedPublish, resolvePublish } from '../model/publish';
import { ServicePlan } from './service-plan';
import { uiPlan } from './ui-plan';

/** The props of a registry UI component that every engine reads the same way. */
export interface UiComponentSpec {
  /** Container name (unique on the Docker host). */
  readonly name: string;
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
}

/** The registry as the UI sees it. */
export interface UiRegistryView {
  /** How clients authenticate. */
  readonly authType: AuthSpec['type'];
  /** Whether deletes are enabled (the delete button). */
  readonly deleteEnabled: boolean;
  /** Where the registry answers on the platform network. */
  readonly endpoint: ServiceEndpoint;
}

/** A UI component decided. */
export interface UiComponent {
  /** The container name. */
  readonly name: string;
  /** Where it is published, unless served through a load balancer. */
  readonly publish?: ResolvedPublish;
  /** Where containers on the platform network reach it (its nginx, plain HTTP). */
  readonly endpoint: ServiceEndpoint;
  /** The container plan. */
  readonly plan: ServicePlan;
}

/**
 * Decides the Joxit UI for any engine: `REGISTRY_SECURED` follows the registry's auth, the
 * delete button its storage, and with token auth the token server must be given (and only then).
 * @param tokenServer where the token server answers on the platform network, with token auth
 * @throws SpecError naming `<id>.<prop>`
 */
export function uiComponent(
  id: string,
  props: UiComponentSpec,
  registry: UiRegistryView,
  tokenServer?: ServiceEndpoint,
): UiComponent {
  const name = checkDockerName(`${id}.name`, props.name);
  const image = checkImage(`${id}.image`, props.image ?? 'joxit/docker-registry-ui:2.5.7');
  const publish =
    props.publish !== false ? resolvePublish(`${id}.publish`, props.publish ?? { port: 8080 }) : undefined;
  if ((registry.authType === 'token') !== (tokenServer !== undefined)) {
    throw new SpecError(
      `${id}.tokenServer`,
      tokenServer === undefined ? undefined : '<TokenServer>',
      `the UI needs the token server exactly when the registry's auth.type is "token" (it is "${registry.authType}")`,
    );
  }
  const plan = uiPlan({
    name,
    image,
    settings: {
      title: props.title ?? 'Docker Registry',
      registryUrl: endpointUrl(props.proxyTo ?? registry.endpoint),
      secured: registry.authType !== 'none',
      deleteEnabled: registry.deleteEnabled,
    },
    ...(tokenServer !== undefined ? { tokenServerUrl: endpointUrl(tokenServer) } : {}),
    ...(publish ? { publish } : {}),
  });
  return { name, ...(publish ? { publish } : {}), endpoint: { host: name, port: 80, scheme: 'http' }, plan };
}
