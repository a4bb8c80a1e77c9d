import { checkDockerName } from '../model/checks';
import { docker, pulumi } from './engine';

/** Args of {@link PlatformNetwork}. */
export interface PlatformNetworkArgs {
  /** Docker network name (unique on the Docker host). */
  readonly name: string;
  /** Containers on an internal network cannot reach outside it. @default false */
  readonly internal?: boolean;
}

/**
 * A user-defined bridge network: containers find each other by name through Docker's DNS.
 * Child `<name>-network` (a `docker.Network`).
 */
export class PlatformNetwork extends pulumi.ComponentResource {
  /** The Docker network name. */
  public readonly name: string;
  /** The network resource; containers that join it use its `name` output (so they come after it). */
  public readonly resource: docker.Network;

  /** Creates the network. */
  public constructor(name: string, args: PlatformNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:PlatformNetwork', name, {}, opts);
    this.name = checkDockerName(`${name}.name`, args.name);
    this.resource = new docker.Network(
      `${name}-network`,
      { name: this.name, driver: 'bridge', internal: args.internal ?? false },
      { parent: this },
    );
    this.registerOutputs({ name: this.resource.name });
  }
}
