import { NotarySpec } from '../../model/notary';
import { ResolvedTrustedRegistry } from '../../model/patterns/trust';
import { dataVolumeOutput, PatternOutput } from '../pattern-outputs';
import { CertificateNames } from './secure';

/** The trust pattern decided for any engine (beside the secure pattern it contains). */
export interface TrustLayout {
  /** notary-server's certificate, from the registry's CA (unless certificates are supplied). */
  readonly notaryCertificateNames: CertificateNames;
  /** Notary (the adapter adds its TLS material and the migrations). */
  readonly notary: NotarySpec & {
    readonly prefix: string;
    readonly registry: string;
    readonly bindAddress: string;
  };
  /** The secure pattern's outputs plus `content_trust_server`, `notary_ca_trust_path`, `notary_data_volume`. */
  outputs(values: {
    readonly secure: Readonly<Record<string, PatternOutput>>;
    readonly notaryUrl: string;
    readonly notaryPort: number;
    readonly databaseVolumeName: string;
  }): Record<string, PatternOutput>;
}

/** Decides the trust pattern's Notary: this registry's GUNs, published on the bind address. */
export function trustLayout(p: ResolvedTrustedRegistry, notary: NotarySpec | undefined): TrustLayout {
  return {
    notaryCertificateNames: { hostnames: [p.hostname, ...p.extraHostnames], serviceNames: ['notary-server'] },
    notary: {
      ...(notary ?? {}),
      prefix: p.prefix,
      registry: `${p.hostname}:${p.port}`,
      bindAddress: p.bindAddress,
    },
    outputs: (v) => ({
      ...v.secure,
      content_trust_server: {
        value: v.notaryUrl,
        description: 'DOCKER_CONTENT_TRUST_SERVER for this registry (with DOCKER_CONTENT_TRUST=1)',
      },
      notary_ca_trust_path: {
        value: `~/.docker/tls/${p.hostname}:${v.notaryPort}/ca.crt`,
        description: "Where the docker CLI looks for Notary's CA: save ca_certificate there",
      },
      notary_data_volume: dataVolumeOutput(v.databaseVolumeName, 'the trust data (Notary database)'),
    }),
  };
}
