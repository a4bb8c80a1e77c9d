import { AuthSpec } from '../model/auth';
import { ServiceEndpoint } from '../model/endpoint';
import { Container } from './providers';

/**
 * A service another component connects to: where it answers on the network, and its container,
 * which the connecting component starts after. {@link Registry}, {@link TokenServer},
 * {@link RegistryUi} and {@link LoadBalancer} are upstreams; so is anything of this shape.
 */
export interface Upstream {
  /** Where it answers on the platform network. */
  readonly endpoint: ServiceEndpoint;
  /** Its container. */
  readonly container: Container;
}

/** A registry as a UI sees it: an upstream, plus what the UI shows. */
export interface RegistryUpstream extends Upstream {
  /** How clients authenticate. */
  readonly authType: AuthSpec['type'];
  /** Whether deletes are enabled (the UI's delete button). */
  readonly deleteEnabled: boolean;
}
