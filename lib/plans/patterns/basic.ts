import { ResolvedBasicRegistry } from '../../model/patterns/basic';
import { dataVolumeOutput, PatternOutput } from '../pattern-outputs';
import { RegistryComponentSpec } from '../registry-component';

/** The basic pattern decided for any engine. */
export interface BasicLayout {
  /** The platform network's Docker name. */
  readonly networkName: string;
  /** The registry (the adapter adds the network). */
  readonly registry: RegistryComponentSpec;
  /** The URL clients on the Docker host use. */
  readonly registryUrl: string;
  /** A warning for the user (a registry without TLS and auth beyond loopback), if any. */
  readonly warning?: string;
  /** The outputs. */
  outputs(dataVolumeName: string): Record<string, PatternOutput>;
}

/** Decides the basic pattern: one registry, no TLS, no auth; a warning when not on loopback. */
export function basicLayout(path: string, p: ResolvedBasicRegistry): BasicLayout {
  const host = p.bindAddress === '0.0.0.0' || p.bindAddress.startsWith('127.') ? 'localhost' : p.bindAddress;
  const registryUrl = `http://${host}:${p.port}`;
  return {
    networkName: `${p.prefix}-net`,
    registry: {
      name: `${p.prefix}-registry`,
      publish: { port: p.port, bindAddress: p.bindAddress },
      version: p.dialect.version,
      ...(p.registryImage !== undefined ? { image: p.registryImage } : {}),
      storage: { deleteEnabled: p.deleteEnabled },
    },
    registryUrl,
    ...(!p.bindAddress.startsWith('127.')
      ? {
          warning:
            `${path}: the registry has no TLS and no auth but is bound to ${p.bindAddress}: anyone who reaches ` +
            'that address can push and pull. Use the secure pattern for anything beyond this host.',
        }
      : {}),
    outputs: (dataVolumeName) => ({
      registry_url: { value: registryUrl, description: 'URL of the registry on the Docker host' },
      data_volume: dataVolumeOutput(dataVolumeName),
    }),
  };
}
