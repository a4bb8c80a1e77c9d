import { ResolvedMirrorRegistry } from '../../model/patterns/mirror';
import { ResolvedUser } from '../../model/users';
import { caOutputs, credentialsOutput, dataVolumeOutput, PatternOutput } from '../pattern-outputs';
import { RegistryComponentSpec } from '../registry-component';
import { CertificateNames } from './secure';

/** The mirror pattern decided for any engine. */
export interface MirrorLayout {
  readonly networkName: string;
  readonly certificateNames: CertificateNames;
  readonly users: readonly ResolvedUser[];
  readonly registryUrl: string;
  /** The mirror (the adapter adds the network, TLS material and users). */
  readonly registry: RegistryComponentSpec;
  outputs(values: {
    readonly caCertificatePem: unknown;
    readonly passwords: Readonly<Record<string, unknown>>;
    readonly dataVolumeName: string;
  }): Record<string, PatternOutput>;
}

/** Decides the mirror pattern: a pull-through cache over TLS with htpasswd users. */
export function mirrorLayout(p: ResolvedMirrorRegistry): MirrorLayout {
  const registryUrl = `https://${p.hostname}:${p.port}`;
  return {
    networkName: `${p.prefix}-net`,
    certificateNames: { hostnames: [p.hostname], serviceNames: ['mirror', `${p.prefix}-mirror`] },
    users: p.users,
    registryUrl,
    registry: {
      name: `${p.prefix}-mirror`,
      aliases: ['mirror'],
      ...(p.remoteNetwork !== undefined ? { extraNetworks: [p.remoteNetwork] } : {}),
      publish: { port: p.port, bindAddress: p.bindAddress },
      version: p.dialect.version,
      ...(p.registryImage !== undefined ? { image: p.registryImage } : {}),
      http: { host: registryUrl },
      proxy: {
        remoteUrl: p.remoteUrl,
        ...(p.remoteUsername !== undefined ? { username: p.remoteUsername } : {}),
        ...(p.remotePassword !== undefined ? { password: p.remotePassword } : {}),
        ...(p.ttl !== undefined ? { ttl: p.ttl } : {}),
      },
    },
    outputs: (v) => ({
      registry_url: { value: registryUrl, description: 'URL of the mirror' },
      ...caOutputs(v.caCertificatePem, p.hostname, p.port, 'the mirror'),
      credentials: credentialsOutput(v.passwords),
      data_volume: dataVolumeOutput(v.dataVolumeName, 'the cached images'),
    }),
  };
}
