import { checkHostname, checkInt, checkPort, checkImage, checkSpec } from './checks';
import { SpecError } from './errors';
import { ServiceEndpoint } from './endpoint';
import { checkTlsMinimum, TlsMinimumVersion } from './http';

/** The load balancer's default HTTPS port inside its container. */
export const LB_HTTPS_PORT = 8443;

/** nginx in front of registry replicas. */
export interface LoadBalancerSpec {
  /** Name clients use (`server_name`). @default 'localhost' */
  readonly serverName?: string;
  /** HTTPS port inside the container (unprivileged). @default 8443 */
  readonly httpsPort?: number;
  /** HTTP port inside the container, which only redirects to HTTPS. @default 8080 */
  readonly httpPort?: number;
  /** Lowest TLS version. @default 'tls1.2' */
  readonly tlsMinimumVersion?: TlsMinimumVersion;
  /** Failures within `failTimeoutSeconds` that mark a replica down. @default 2 */
  readonly maxFails?: number;
  /** How long a replica stays marked down, and the window for `maxFails`. @default 10 */
  readonly failTimeoutSeconds?: number;
  /** Idle keepalive connections to the replicas per worker. @default 32 */
  readonly keepalive?: number;
  /** Send and read timeout towards the replicas, for long layer transfers. @default 900 */
  readonly timeoutSeconds?: number;
  /** Connect timeout towards a replica before trying the next (a local bridge connects in ms). @default 3 */
  readonly connectTimeoutSeconds?: number;
  /** Image reference. @default 'nginx:1.27-alpine' */
  readonly image?: string;
  /**
   * What the plain HTTP listener does: `'redirect'` sends every request to HTTPS; `'serve'` also
   * serves the registry API there, for a TLS-terminating proxy in front of this one or a private
   * network only (passwords and tokens cross it in clear). @default 'redirect'
   */
  readonly plainHttp?: PlainHttpMode;
}

/** What the load balancer's plain HTTP listener does. */
export type PlainHttpMode = 'redirect' | 'serve';

/** A load balancer spec with defaults filled in. */
export type ResolvedLoadBalancer = Required<LoadBalancerSpec>;

/** Validates a load balancer spec and fills in its defaults. */
export function resolveLoadBalancer(path: string, given?: LoadBalancerSpec): ResolvedLoadBalancer {
  const spec = checkSpec(path, given) as LoadBalancerSpec;
  const httpsPort = checkPort(`${path}.httpsPort`, spec.httpsPort ?? LB_HTTPS_PORT);
  const httpPort = checkPort(`${path}.httpPort`, spec.httpPort ?? 8080);
  for (const [name, port] of [
    ['httpsPort', httpsPort],
    ['httpPort', httpPort],
  ] as const) {
    if (port < 1024) {
      throw new SpecError(
        `${path}.${name}`,
        port,
        'allowed: an unprivileged port (1024-65535) inside the container',
      );
    }
  }
  if (httpsPort === httpPort) {
    throw new SpecError(`${path}.httpPort`, httpPort, `allowed: a port other than httpsPort (${httpsPort})`);
  }
  return {
    serverName: checkHostname(`${path}.serverName`, spec.serverName ?? 'localhost'),
    httpsPort,
    httpPort,
    tlsMinimumVersion: checkTlsMinimum(`${path}.tlsMinimumVersion`, spec.tlsMinimumVersion ?? 'tls1.2'),
    maxFails: checkInt(`${path}.maxFails`, spec.maxFails ?? 2, 1, 100),
    failTimeoutSeconds: checkInt(`${path}.failTimeoutSeconds`, spec.failTimeoutSeconds ?? 10, 1, 3600),
    keepalive: checkInt(`${path}.keepalive`, spec.keepalive ?? 32, 1, 1024),
    timeoutSeconds: checkInt(`${path}.timeoutSeconds`, spec.timeoutSeconds ?? 900, 10, 86400),
    connectTimeoutSeconds: checkInt(`${path}.connectTimeoutSeconds`, spec.connectTimeoutSeconds ?? 3, 1, 60),
    image: checkImage(`${path}.image`, spec.image ?? 'nginx:1.27-alpine'),
    plainHttp: checkPlainHttp(`${path}.plainHttp`, spec.plainHttp ?? 'redirect'),
  };
}

function checkPlainHttp(path: string, value: unknown): PlainHttpMode {
  if (value !== 'redirect' && value !== 'serve') {
    throw new SpecError(path, value, 'allowed: "redirect" (the default) or "serve"');
  }
  return value;
}

/** Where containers on the network reach a load balancer (its HTTPS port, by its alias). */
export function loadBalancerEndpoint(spec: ResolvedLoadBalancer, alias: string): ServiceEndpoint {
  return { host: alias, port: spec.httpsPort, scheme: 'https' };
}
