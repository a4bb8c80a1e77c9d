import { AuthSpec } from '../model/auth';
import { ServiceEndpoint } from '../model/endpoint';
import { docker } from './engine';

/** A component other containers reach on a platform network. */
export interface Upstream {
  /** Where it answers on the platform network. */
  readonly endpoint: ServiceEndpoint;
  /** Its container. */
  readonly container: docker.Container;
}

/** A registry as a UI sees it: an upstream, plus what the UI shows. */
export interface RegistryUpstream extends Upstream {
  /** How clients authenticate. */
  readonly authType: AuthSpec['type'];
  /** Whether deletes are enabled (the UI's delete button). */
  readonly deleteEnabled: boolean;
}
