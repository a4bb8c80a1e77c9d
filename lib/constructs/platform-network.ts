import { Construct } from 'constructs';
import { checkDockerName } from '../model/checks';
import { Network } from './providers';

/** Props of {@link PlatformNetwork}. */
export interface PlatformNetworkProps {
  /** Docker network name (unique on the Docker host). */
  readonly name: string;
  /** Containers on an internal network cannot reach outside it. @default false */
  readonly internal?: boolean;
}

/** A user-defined bridge network: containers find each other by name through Docker's DNS. */
export class PlatformNetwork extends Construct {
  /** The Docker network name. */
  public readonly name: string;
  /** The underlying provider resource (construct id `network`). */
  public readonly resource: Network;

  /**
   * The name as a Terraform reference, for containers that join the network: through it they
   * are created after the network and destroyed before it (the plain `name` orders nothing).
   */
  public get ref(): string {
    return this.resource.name;
  }

  /** Creates the network. */
  public constructor(scope: Construct, id: string, props: PlatformNetworkProps) {
    super(scope, id);
    this.name = checkDockerName(`${id}.name`, props.name);
    this.resource = new Network(this, 'network', {
      name: this.name,
      driver: 'bridge',
      internal: props.internal ?? false,
    });
  }
}
