import { ResolvedPublish } from '../model/publish';
import { SecretRef } from '../model/secret';
import { CertificateAndKey } from '../model/tls';
import { ResolvedTokenServer } from '../model/token-server';
import { wholeFile } from '../render/secret-slots';
import { DOCKER_AUTH_PATHS, renderDockerAuthConfig } from '../render/docker-auth-config';
import { httpsHealthCheck, ServicePlan, TMP_TMPFS } from './service-plan';

/**
 * Plans docker_auth: its configuration (users with engine-supplied bcrypt hashes, the compiled
 * access list), the HTTPS certificate and key, the token signing certificate and key, the token
 * endpoint published for clients, a read-only root and no capabilities. Healthy once its HTTPS
 * index answers; a deploy waits for it.
 */
export function tokenServerPlan(input: {
  readonly name: string;
  readonly image: string;
  readonly spec: ResolvedTokenServer;
  readonly aliases: readonly string[];
  readonly publish: ResolvedPublish;
  /** Each user's bcrypt hash. */
  readonly passwordHashes: Readonly<Record<string, SecretRef>>;
  readonly tls: CertificateAndKey;
  readonly signing: CertificateAndKey;
}): ServicePlan {
  const p = DOCKER_AUTH_PATHS;
  return {
    name: input.name,
    image: input.image,
    command: ['--logtostderr=true', p.config],
    environment: {},
    aliases: input.aliases,
    extraNetworks: [],
    ports: [
      {
        containerPort: input.spec.port,
        hostPort: input.publish.port,
        bindAddress: input.publish.bindAddress,
      },
    ],
    configDir: p.configDir,
    files: [
      renderDockerAuthConfig(input.spec, { passwordHashes: input.passwordHashes }),
      wholeFile(p.serverCertificate, input.tls.certificatePem, '0644'),
      wholeFile(p.serverKey, input.tls.privateKeyPem, '0600'),
      wholeFile(p.tokenCertificate, input.signing.certificatePem, '0644'),
      wholeFile(p.tokenKey, input.signing.privateKeyPem, '0600'),
    ],
    volumes: [],
    tmpfs: TMP_TMPFS,
    rootFilesystem: { readOnly: true },
    capabilities: [],
    memoryMb: 128,
    // Its index page over HTTPS.
    healthCheck: httpsHealthCheck(input.spec.port),
  };
}
