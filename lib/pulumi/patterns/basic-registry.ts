import { BasicRegistryProps, ResolvedBasicRegistry, resolveBasicRegistry } from '../../model/patterns/basic';
import { PatternOutput, RegistryPattern } from '../../plans/pattern-outputs';
import { basicLayout } from '../../plans/patterns/basic';
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
    const d = basicLayout(name, p);
    const network = new PlatformNetwork(`${name}-network`, { name: d.networkName }, { parent: this });
    this.registry = new Registry(`${name}-registry`, { ...d.registry, network }, { parent: this });
    if (d.warning !== undefined) void pulumi.log.warn(d.warning, this);
    this.registryUrl = d.registryUrl;
    this.outputs = d.outputs(this.registry.dataVolumeName);
    this.registerOutputs(pulumiOutputs(this.outputs));
  }
}
