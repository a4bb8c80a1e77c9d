import { Construct } from 'constructs';
import { Annotations } from '../constructs/cdktf';
import { PlatformNetwork } from '../constructs/platform-network';
import { Registry } from '../constructs/registry';
import { BasicRegistryProps, ResolvedBasicRegistry, resolveBasicRegistry } from '../model/patterns/basic';
import { basicLayout } from '../plans/patterns/basic';
import { PatternOutput, patternPath, RegistryPattern } from './pattern-outputs';

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
    const d = basicLayout(path, p);
    const network = new PlatformNetwork(this, 'network', { name: d.networkName });
    this.registry = new Registry(this, 'registry', { ...d.registry, network });
    if (d.warning !== undefined) Annotations.of(this).addWarning(d.warning);
    this.registryUrl = d.registryUrl;
    this.outputs = d.outputs(this.registry.dataVolumeName);
  }
}
