import { Construct } from 'constructs';
import { Annotations, TerraformOutput, TerraformStack } from '../lib/constructs/cdktf';
import { PlatformNetwork } from '../lib/constructs/platform-network';
import { configureProviders } from '../lib/constructs/providers';
import { Registry } from '../lib/constructs/registry';
import { RegistryVersion } from '../lib/model/dialect';

/** Parameters of the `basic` stack. */
export interface BasicStackProps {
  /** Prefix of every Docker object's name. @default the stack id */
  readonly namePrefix?: string;
  /** Host port of the registry. @default 5000 */
  readonly port?: number;
  /** Host address the port is bound to. @default '127.0.0.1' */
  readonly bindAddress?: string;
  /** Registry major version. @default 2 */
  readonly registryVersion?: RegistryVersion;
  /** Registry image. @default the dialect's pinned official image */
  readonly registryImage?: string;
  /** Allow deletes by digest. @default false */
  readonly deleteEnabled?: boolean;
  /** Docker host the provider talks to. @default the local socket */
  readonly dockerHost?: string;
}

/**
 * One registry with a persistent data volume on a chosen port: no TLS and no auth, so it binds
 * to 127.0.0.1 by default (Docker clients accept plain HTTP only for loopback registries).
 * Terraform addresses: `docker_container.registry_container_*` and friends under `registry`.
 */
export class BasicStack extends TerraformStack {
  /** The registry. */
  public readonly registry: Registry;

  /** Defines the stack. */
  public constructor(scope: Construct, id: string, props: BasicStackProps = {}) {
    super(scope, id);
    configureProviders(this, props.dockerHost !== undefined ? { dockerHost: props.dockerHost } : {});
    const prefix = props.namePrefix ?? id;
    const network = new PlatformNetwork(this, 'network', { name: `${prefix}-net` });
    this.registry = new Registry(this, 'registry', {
      name: `${prefix}-registry`,
      network,
      publish: { port: props.port ?? 5000, bindAddress: props.bindAddress ?? '127.0.0.1' },
      ...(props.registryVersion !== undefined ? { version: props.registryVersion } : {}),
      ...(props.registryImage !== undefined ? { image: props.registryImage } : {}),
      storage: { deleteEnabled: props.deleteEnabled ?? false },
    });
    const publish = this.registry.publish;
    if (publish && !publish.bindAddress.startsWith('127.')) {
      Annotations.of(this).addWarning(
        `basic: the registry has no TLS and no auth but is bound to ${publish.bindAddress}: anyone who reaches ` +
          'that address can push and pull. Use the secure stack for anything beyond this host.',
      );
    }
    new TerraformOutput(this, 'registry_url', {
      value: this.registry.hostUrl(
        publish === undefined || publish.bindAddress === '0.0.0.0' || publish.bindAddress.startsWith('127.')
          ? 'localhost'
          : publish.bindAddress,
      ),
      description: 'URL of the registry on the Docker host',
    });
    new TerraformOutput(this, 'data_volume', {
      value: this.registry.dataVolumeName,
      description: 'Docker volume holding the images (kept on destroy)',
    });
  }
}
