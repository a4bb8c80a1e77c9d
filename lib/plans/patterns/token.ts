import { ResolvedTokenRegistry } from '../../model/patterns/token';
import {
  caOutputs,
  credentialsOutput,
  dataVolumeOutput,
  PatternOutput,
  uiUrlOutput,
} from '../pattern-outputs';
import { RegistryComponentSpec } from '../registry-component';
import { TokenServerComponentSpec } from '../token-server-component';
import { UiComponentSpec } from '../ui-component';
import { CertificateNames, PatternMonitoringWiring, publishedUiAndMonitoring } from './secure';

/** The token pattern decided for any engine. */
export interface TokenLayout {
  readonly networkName: string;
  readonly monitoringNetworkName?: string;
  /** The registry's certificate. */
  readonly certificateNames: CertificateNames;
  /** The token server's certificate, from the same CA. */
  readonly tokenServerCertificateNames: CertificateNames;
  /** The hostname clients use (the token realm's host). */
  readonly hostname: string;
  /** The token server (the adapter adds the network and TLS material). */
  readonly tokenServer: TokenServerComponentSpec;
  readonly registryUrl: string;
  /** The registry (the adapter adds the network, TLS material, auth and the signing certificate). */
  readonly registry: RegistryComponentSpec;
  /** The UI, when deployed (the adapter adds the network, the registry and the token server). */
  readonly ui?: UiComponentSpec;
  readonly monitoring?: PatternMonitoringWiring;
  outputs(values: {
    readonly caCertificatePem: unknown;
    readonly passwords: Readonly<Record<string, unknown>>;
    readonly realm: string;
    readonly dataVolumeName: string;
    readonly monitoring?: Readonly<Record<string, PatternOutput>>;
  }): Record<string, PatternOutput>;
}

/** Decides the token pattern: the registry and docker_auth over TLS from one CA, deletes on. */
export function tokenLayout(p: ResolvedTokenRegistry): TokenLayout {
  const t = p.tokenServer;
  const registryUrl = `https://${p.hostname}:${p.port}`;
  return {
    networkName: `${p.prefix}-net`,
    ...(p.monitoring ? { monitoringNetworkName: `${p.prefix}-monitoring` } : {}),
    certificateNames: { hostnames: [p.hostname], serviceNames: ['registry', `${p.prefix}-registry`] },
    tokenServerCertificateNames: {
      hostnames: [p.hostname],
      serviceNames: ['token-server', `${p.prefix}-token-server`],
    },
    hostname: p.hostname,
    tokenServer: {
      name: `${p.prefix}-token-server`,
      publish: { port: p.tokenPort, bindAddress: p.bindAddress },
      registryVersion: t.registryVersion,
      roles: t.roles,
      users: t.users,
      image: p.tokenServerImage,
      tlsMinimumVersion: t.tlsMinimumVersion,
      tokenLifetimeSeconds: t.tokenLifetimeSeconds,
    },
    registryUrl,
    registry: {
      name: `${p.prefix}-registry`,
      publish: { port: p.port, bindAddress: p.bindAddress },
      version: p.dialect.version,
      ...(p.registryImage !== undefined ? { image: p.registryImage } : {}),
      http: { host: registryUrl, tls: { minimumVersion: t.tlsMinimumVersion } },
      storage: { deleteEnabled: true },
    },
    ...publishedUiAndMonitoring(p),
    outputs: (v) => ({
      ...(p.ui ? { ui_url: uiUrlOutput(p.bindAddress, p.hostname, p.uiPort) } : {}),
      ...(v.monitoring ?? {}),
      registry_url: { value: registryUrl, description: 'URL of the registry' },
      token_realm: { value: v.realm, description: 'The token endpoint clients are sent to' },
      ...caOutputs(v.caCertificatePem, p.hostname, p.port, 'both endpoints'),
      credentials: credentialsOutput(v.passwords),
      roles: {
        value: Object.fromEntries(t.users.map((u) => [u.name, u.roles.join(',')])),
        description: 'Each user and its roles',
      },
      data_volume: dataVolumeOutput(v.dataVolumeName),
    }),
  };
}
