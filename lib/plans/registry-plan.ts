import { ResolvedPublish } from '../model/publish';
import { ResolvedRegistrySpec } from '../model/registry-spec';
import { SecretRef, TextOrSecret } from '../model/secret';
import { CertificateAndKey } from '../model/tls';
import { wholeFile } from '../render/secret-slots';
import { RenderedFile } from '../render/file';
import { HtpasswdEntry, renderHtpasswd } from '../render/htpasswd';
import { renderRegistryConfig } from '../render/registry-config';
import { RegistryPaths, registryPaths } from '../render/registry-paths';
import { ServicePlan, TMP_TMPFS, wgetHealthCheck } from './service-plan';

/** The values a registry plan takes from outside its spec; secrets are engine-supplied values. */
export interface RegistryPlanInput {
  /** Container name. */
  readonly name: string;
  /** The validated spec. */
  readonly spec: ResolvedRegistrySpec;
  /** Names on the platform network. */
  readonly aliases: readonly string[];
  /** Existing networks it joins too. */
  readonly extraNetworks: readonly string[];
  /** Where the API port is published. @default not published */
  readonly publish?: ResolvedPublish;
  /** The data volume (for the filesystem driver). */
  readonly dataVolumeName: string;
  /** `http.secret`. */
  readonly httpSecret: SecretRef;
  /** Server certificate and key (PEM), when TLS is on. */
  readonly tls?: CertificateAndKey;
  /** htpasswd entries, for htpasswd auth. */
  readonly htpasswd?: readonly HtpasswdEntry[];
  /** The token signing certificate(s), for token auth. */
  readonly tokenRootCertBundle?: TextOrSecret;
}

/** A registry's files and paths, and its container plan. */
export interface RegistryPlan extends ServicePlan {
  /** Paths of the files inside the container. */
  readonly paths: RegistryPaths;
}

/**
 * Plans a distribution registry: `config.yml` at the dialect's path, the htpasswd file, the token
 * bundle and the certificate where the config points, data on a named volume, the debug port on
 * the network only (its `/debug/health` is the health check), a read-only root.
 */
export function registryPlan(input: RegistryPlanInput): RegistryPlan {
  const { spec } = input;
  const paths = registryPaths(spec.dialect);
  const files: RenderedFile[] = [renderRegistryConfig(spec, { httpSecret: input.httpSecret })];
  if (input.htpasswd !== undefined) files.push(renderHtpasswd(paths.htpasswd, input.htpasswd));
  if (input.tokenRootCertBundle !== undefined) {
    files.push(wholeFile(paths.tokenRootCertBundle, input.tokenRootCertBundle, '0644'));
  }
  if (input.tls !== undefined) {
    files.push(wholeFile(paths.tlsCertificate, input.tls.certificatePem, '0644'));
    files.push(wholeFile(paths.tlsKey, input.tls.privateKeyPem, '0600'));
  }
  const debug = spec.http.debug;
  return {
    name: input.name,
    image: spec.image,
    environment: spec.dialect.environment,
    aliases: input.aliases,
    extraNetworks: input.extraNetworks,
    ports: input.publish
      ? [
          {
            containerPort: spec.http.port,
            hostPort: input.publish.port,
            bindAddress: input.publish.bindAddress,
          },
        ]
      : [],
    configDir: paths.configDir,
    files,
    volumes:
      spec.storage.driver.driver === 'filesystem'
        ? [{ name: input.dataVolumeName, containerPath: spec.storage.driver.rootDirectory }]
        : [],
    tmpfs: TMP_TMPFS,
    rootFilesystem: { readOnly: true },
    capabilities: [],
    memoryMb: 1024,
    ...(debug ? { healthCheck: wgetHealthCheck(`http://127.0.0.1:${debug.port}/debug/health`, '10s') } : {}),
    paths,
  };
}
