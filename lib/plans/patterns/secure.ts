import { ResolvedPatternMonitoring } from '../../model/patterns/common';
import { ResolvedSecureRegistry } from '../../model/patterns/secure';
import { ResolvedUser } from '../../model/users';
import {
  caOutputs,
  credentialsOutput,
  dataVolumeOutput,
  PatternOutput,
  uiUrlOutput,
} from '../pattern-outputs';
import { RegistryComponentSpec } from '../registry-component';
import { UiComponentSpec } from '../ui-component';

/** The names a generated certificate covers. */
export interface CertificateNames {
  readonly hostnames: readonly string[];
  readonly serviceNames: readonly string[];
}

/** A pattern's monitoring as its adapter wires it. */
export interface PatternMonitoringWiring {
  readonly prefix: string;
  readonly monitoring: ResolvedPatternMonitoring;
  readonly notifications: boolean;
  readonly bindAddress: string;
}

/** The secure pattern decided for any engine: names, component specs and outputs. */
export interface SecureLayout {
  /** The platform network's Docker name. */
  readonly networkName: string;
  /** The monitoring network's Docker name, with monitoring. */
  readonly monitoringNetworkName?: string;
  /** The names the generated certificate covers (unless certificates are supplied). */
  readonly certificateNames: CertificateNames;
  /** The users. */
  readonly users: readonly ResolvedUser[];
  /** The URL clients use. */
  readonly registryUrl: string;
  /** The registry (the adapter adds the network, TLS material and users). */
  readonly registry: RegistryComponentSpec;
  /** The UI, when deployed (the adapter adds the network and the registry). */
  readonly ui?: UiComponentSpec;
  /** The monitoring, when asked for. */
  readonly monitoring?: PatternMonitoringWiring;
  /** The outputs, from what the engine made. */
  outputs(values: {
    readonly caCertificatePem: unknown;
    readonly passwords: Readonly<Record<string, unknown>>;
    readonly dataVolumeName: string;
    readonly monitoring?: Readonly<Record<string, PatternOutput>>;
  }): Record<string, PatternOutput>;
}

/** What the secure and token patterns share: a published UI and monitoring without notifications. */
export function publishedUiAndMonitoring(p: {
  readonly prefix: string;
  readonly bindAddress: string;
  readonly ui: boolean;
  readonly uiPort: number;
  readonly uiImage: string;
  readonly monitoring?: ResolvedPatternMonitoring;
}): { ui?: UiComponentSpec; monitoring?: PatternMonitoringWiring } {
  return {
    ...(p.ui
      ? {
          ui: {
            name: `${p.prefix}-ui`,
            publish: { port: p.uiPort, bindAddress: p.bindAddress },
            image: p.uiImage,
          },
        }
      : {}),
    ...(p.monitoring
      ? {
          monitoring: {
            prefix: p.prefix,
            monitoring: p.monitoring,
            notifications: false,
            bindAddress: p.bindAddress,
          },
        }
      : {}),
  };
}

/**
 * Decides the secure pattern: a registry over TLS (the pattern's minimum version, HSTS) with
 * htpasswd users on `port`, the UI on `uiPort`, both on the bind address.
 */
export function secureLayout(p: ResolvedSecureRegistry): SecureLayout {
  const registryUrl = `https://${p.hostname}:${p.port}`;
  return {
    networkName: `${p.prefix}-net`,
    ...(p.monitoring ? { monitoringNetworkName: `${p.prefix}-monitoring` } : {}),
    certificateNames: {
      hostnames: [p.hostname, ...p.extraHostnames],
      serviceNames: ['registry', `${p.prefix}-registry`],
    },
    users: p.users,
    registryUrl,
    registry: {
      name: `${p.prefix}-registry`,
      publish: { port: p.port, bindAddress: p.bindAddress },
      version: p.dialect.version,
      ...(p.registryImage !== undefined ? { image: p.registryImage } : {}),
      http: { host: registryUrl, tls: { minimumVersion: p.tlsMinimumVersion } },
      storage: { deleteEnabled: p.deleteEnabled },
    },
    ...publishedUiAndMonitoring(p),
    outputs: (v) => ({
      ...(p.ui ? { ui_url: uiUrlOutput(p.bindAddress, p.hostname, p.uiPort) } : {}),
      ...(v.monitoring ?? {}),
      registry_url: { value: registryUrl, description: 'URL of the registry' },
      ...caOutputs(v.caCertificatePem, p.hostname, p.port),
      credentials: credentialsOutput(v.passwords),
      data_volume: dataVolumeOutput(v.dataVolumeName),
    }),
  };
}
