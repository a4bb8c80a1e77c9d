import { BasicRegistryProps, ResolvedBasicRegistry, resolveBasicRegistry } from '../../model/patterns/basic';
import { dataVolumeOutput, PatternOutput, RegistryPattern } from '../../plans/pattern-outputs';
import { pulumi } from '../engine';
import { PlatformNetwork } from '../network';
import { Registry } from '../registry';
import { pulumiOutputs } from './outputs';

/**
 * One registry with a persistent data volume, no TLS and no auth (bound to 127.0.0.1 by
 * default), as the cdktf `BasicRegistry`. Children `<name>-network` and `<name>-registry`.
 */
export class BasicRegistry extends pulumi.ComponentResource implements RegistryPattern {
  /** The validated props. */
  public readonly props: ResolvedBasicRegistry;
  /** The registry. */
  public readonly registry: Registry;
  /** The URL clients on the Docker host use. */
  public readonly registryUrl: string;
  /** Outputs: `registry_url`, `data_volume`. */
  public readonly outputs: Readonly<Record<string, PatternOutput>>;

  /** Validates the props (errors name `<name>.<prop>`) and defines the registry. */
  public constructor(name: string, props: BasicRegistryProps = {}, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:BasicRegistry', name, {}, opts);
    const p = resolveBasicRegistry(name, props, name);
    this.props = p;
    const network = new PlatformNetwork(`${name}-network`, { name: `${p.prefix}-net` }, { parent: this });
    this.registry = new Registry(
      `${name}-registry`,
      {
        name: `${p.prefix}-registry`,
        network,
        publish: { port: p.port, bindAddress: p.bindAddress },
        version: p.dialect.version,
        ...(p.registryImage !== undefined ? { image: p.registryImage } : {}),
        storage: { deleteEnabled: p.deleteEnabled },
      },
      { parent: this },
    );
    if (!p.bindAddress.startsWith('127.')) {
      void pulumi.log.warn(
        `${name}: the registry has no TLS and no auth but is bound to ${p.bindAddress}: anyone who reaches ` +
          'that address can push and pull. Use the secure pattern for anything beyond this host.',
        this,
      );
    }
    const host =
      p.bindAddress === '0.0.0.0' || p.bindAddress.startsWith('127.') ? 'localhost' : p.bindAddress;
    this.registryUrl = `http://${host}:${p.port}`;
    this.outputs = {
      registry_url: { value: this.registryUrl, description: 'URL of the registry on the Docker host' },
      data_volume: dataVolumeOutput(this.registry.dataVolumeName),
    };
    this.registerOutputs(pulumiOutputs(this.outputs));
  }
}
