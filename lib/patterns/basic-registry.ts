import { Construct } from 'constructs';
import { Annotations } from '../constructs/cdktf';
import { PlatformNetwork } from '../constructs/platform-network';
import { Registry } from '../constructs/registry';
import { BasicRegistryProps, ResolvedBasicRegistry, resolveBasicRegistry } from '../model/patterns/basic';
import { dataVolumeOutput, PatternOutput, patternPath, RegistryPattern } from './pattern-outputs';

/**
 * One registry with a persistent data volume on a chosen port: no TLS and no auth, so it binds
 * to 127.0.0.1 by default (Docker clients accept plain HTTP only for loopback registries).
 * Put it in any stack: `new BasicRegistry(this, 'registry', { port: 5000 })`.
 * Child ids `network` and `registry` are public API.
 */
export class BasicRegistry extends Construct implements RegistryPattern {
  /** The validated props. */
  public readonly props: ResolvedBasicRegistry;
  /** The registry. */
  public readonly registry: Registry;
  /** The URL clients on the Docker host use. */
  public readonly registryUrl: string;
  /** Outputs: `registry_url`, `data_volume`. */
  public readonly outputs: Readonly<Record<string, PatternOutput>>;

  /** Validates the props (errors name `<id>.<prop>`) and defines the registry. */
  public constructor(scope: Construct, id: string, props: BasicRegistryProps = {}) {
    super(scope, id);
    const path = patternPath(scope, id);
    const p = resolveBasicRegistry(path, props, path);
    this.props = p;
    const network = new PlatformNetwork(this, 'network', { name: `${p.prefix}-net` });
    this.registry = new Registry(this, 'registry', {
      name: `${p.prefix}-registry`,
      network,
      publish: { port: p.port, bindAddress: p.bindAddress },
      version: p.dialect.version,
      ...(p.registryImage !== undefined ? { image: p.registryImage } : {}),
      storage: { deleteEnabled: p.deleteEnabled },
    });
    if (!p.bindAddress.startsWith('127.')) {
      Annotations.of(this).addWarning(
        `${path}: the registry has no TLS and no auth but is bound to ${p.bindAddress}: anyone who reaches ` +
          'that address can push and pull. Use the secure pattern for anything beyond this host.',
      );
    }
    const host =
      p.bindAddress === '0.0.0.0' || p.bindAddress.startsWith('127.') ? 'localhost' : p.bindAddress;
    this.registryUrl = `http://${host}:${p.port}`;
    this.outputs = {
      registry_url: { value: this.registryUrl, description: 'URL of the registry on the Docker host' },
      data_volume: dataVolumeOutput(this.registry.dataVolumeName),
    };
  }
}
