import { checkSpec } from '../checks';
import { checkInt } from '../checks';
import { TlsMinimumVersion } from '../http';
import {
  NotificationEndpointSpec,
  resolveNotifications,
  ResolvedNotificationEndpoint,
} from '../notifications';
import { DEFAULT_USERS, resolveHtpasswdUsers, ResolvedUser, UserSpec } from '../users';
import {
  checkDistinctPorts,
  monitoringPorts,
  CertificateNamesProps,
  PatternBaseProps,
  resolveExtraHostnames,
  resolveFlag,
  resolveHostname,
  resolvePatternBase,
  resolvePort,
  resolveTlsMinimum,
  PatternMonitoringProps,
  resolvePatternMonitoring,
  ResolvedPatternMonitoring,
  ResolvedPatternBase,
} from './common';

/** Props of the HA pattern: nginx over N replicas sharing storage, Redis and one `http.secret`. */
export interface HaRegistryProps extends PatternBaseProps, CertificateNamesProps {
  /** Monitoring: Prometheus, Alertmanager, node-exporter and Grafana on a network of their own. @default none */
  readonly monitoring?: PatternMonitoringProps;
  /** Host port of the load balancer (HTTPS). @default 5443 */
  readonly port?: number;
  /** Host port of the HTTP → HTTPS redirect. @default 5080 */
  readonly httpPort?: number;
  /** Number of registry replicas, 1 to 16. @default 3 */
  readonly replicas?: number;
  /** Users (htpasswd: each can push, pull and delete everywhere; roles need the token pattern). @default one user, admin, with a generated password */
  readonly users?: readonly UserSpec[];
  /** Lowest TLS version at the load balancer. @default 'tls1.2' */
  readonly tlsMinimumVersion?: TlsMinimumVersion;
  /** Redis memory cap in MiB, 16 to 65536. @default 256 */
  readonly redisMaxMemoryMb?: number;
  /** Webhooks for registry events (every replica sends its own). @default none */
  readonly notifications?: readonly NotificationEndpointSpec[];
  /** Serve the Joxit UI at `/` of the load balancer. @default true */
  readonly ui?: boolean;
}

/** {@link HaRegistryProps} validated, with defaults filled in. */
export interface ResolvedHaRegistry extends ResolvedPatternBase {
  readonly monitoring?: ResolvedPatternMonitoring;
  readonly hostname: string;
  readonly extraHostnames: readonly string[];
  readonly port: number;
  readonly httpPort: number;
  readonly replicas: number;
  readonly users: readonly ResolvedUser[];
  readonly tlsMinimumVersion: TlsMinimumVersion;
  readonly redisMaxMemoryMb: number;
  readonly notifications: readonly ResolvedNotificationEndpoint[];
  readonly ui: boolean;
}

/** Validates the HA pattern's props; every error names `<path>.<prop>`. */
export function resolveHaRegistry(
  path: string,
  given: HaRegistryProps,
  defaultPrefix: string,
): ResolvedHaRegistry {
  const props = checkSpec(path, given) as HaRegistryProps;
  const port = resolvePort(`${path}.port`, props.port, 5443);
  const httpPort = resolvePort(`${path}.httpPort`, props.httpPort, 5080);
  const monitoring = resolvePatternMonitoring(`${path}.monitoring`, props.monitoring);
  checkDistinctPorts(path, { port, httpPort, ...monitoringPorts(monitoring) });
  return {
    ...(monitoring !== undefined ? { monitoring } : {}),
    ...resolvePatternBase(path, props, defaultPrefix),
    hostname: resolveHostname(`${path}.hostname`, props.hostname),
    extraHostnames: resolveExtraHostnames(`${path}.extraHostnames`, props.extraHostnames),
    port,
    httpPort,
    replicas: checkInt(`${path}.replicas`, props.replicas ?? 3, 1, 16),
    users: resolveHtpasswdUsers(`${path}.users`, props.users ?? DEFAULT_USERS),
    tlsMinimumVersion: resolveTlsMinimum(`${path}.tlsMinimumVersion`, props.tlsMinimumVersion),
    redisMaxMemoryMb: checkInt(`${path}.redisMaxMemoryMb`, props.redisMaxMemoryMb ?? 256, 16, 65536),
    notifications: resolveNotifications(`${path}.notifications`, props.notifications ?? []),
    ui: resolveFlag(`${path}.ui`, props.ui, true),
  };
}
