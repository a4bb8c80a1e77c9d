import { CertificateAndKey } from '../model/tls';
import { wholeFile } from '../render/secret-slots';
import { ResolvedLoadBalancer } from '../model/load-balancer';
import { ResolvedPublish } from '../model/publish';
import { renderNginxConf } from '../render/nginx-conf';
import { ServicePlan, TMP_TMPFS, wgetHealthCheck } from './service-plan';

/** Where the load balancer's files live. */
export const LB_CONFIG_DIR = '/etc/nginx/lb';

/** An endpoint another container serves on the platform network. */
export interface Endpoint {
  /** Name on the network. */
  readonly host: string;
  /** Port. */
  readonly port: number;
}

/**
 * Plans nginx in front of registry replicas: the rendered nginx.conf, the certificate and key,
 * HTTPS (and the redirect port) published, a read-only root with pid and temp files on a tmpfs;
 * the master keeps CHOWN, SETGID and SETUID to start its workers as `nginx`. Healthy when
 * `/healthz` answers; a deploy waits for it.
 */
export function loadBalancerPlan(input: {
  readonly name: string;
  readonly spec: ResolvedLoadBalancer;
  readonly aliases: readonly string[];
  readonly replicas: readonly Endpoint[];
  readonly ui?: Endpoint;
  readonly https: ResolvedPublish;
  readonly http?: ResolvedPublish;
  readonly tls: CertificateAndKey;
}): ServicePlan {
  const { spec } = input;
  const file = renderNginxConf(spec, {
    path: `${LB_CONFIG_DIR}/nginx.conf`,
    upstreams: input.replicas.map((r) => `${r.host}:${r.port}`),
    publicHttpsPort: input.https.port,
    certificate: `${LB_CONFIG_DIR}/server.crt`,
    key: `${LB_CONFIG_DIR}/server.key`,
    user: 'nginx',
    tempDir: '/tmp',
    ...(input.ui !== undefined ? { uiUpstream: `http://${input.ui.host}:${input.ui.port}` } : {}),
  });
  return {
    name: input.name,
    image: spec.image,
    command: ['nginx', '-c', file.path, '-g', 'daemon off;'],
    environment: {},
    aliases: input.aliases,
    extraNetworks: [],
    ports: [
      { containerPort: spec.httpsPort, hostPort: input.https.port, bindAddress: input.https.bindAddress },
      ...(input.http
        ? [{ containerPort: spec.httpPort, hostPort: input.http.port, bindAddress: input.http.bindAddress }]
        : []),
    ],
    configDir: LB_CONFIG_DIR,
    files: [
      file,
      wholeFile(`${LB_CONFIG_DIR}/server.crt`, input.tls.certificatePem, '0644'),
      wholeFile(`${LB_CONFIG_DIR}/server.key`, input.tls.privateKeyPem, '0600'),
    ],
    volumes: [],
    tmpfs: TMP_TMPFS,
    rootFilesystem: { readOnly: true },
    capabilities: ['CHOWN', 'SETGID', 'SETUID'],
    memoryMb: 256,
    healthCheck: wgetHealthCheck(`http://127.0.0.1:${spec.httpPort}/healthz`),
  };
}
