import { checkSpec } from '../checks';
import { RoleSpec } from '../access';
import { TlsMinimumVersion } from '../http';
import { ResolvedTokenServer, resolveTokenServer } from '../token-server';
import { UserSpec } from '../users';
import {
  checkDistinctPorts,
  monitoringPorts,
  PatternBaseProps,
  resolveFlag,
  resolveHostname,
  resolveImage,
  resolvePatternBase,
  resolvePort,
  PatternMonitoringProps,
  resolvePatternMonitoring,
  ResolvedPatternMonitoring,
  ResolvedPatternBase,
} from './common';
import { DEFAULT_UI_IMAGE } from './secure';

/** The token server image every pattern uses unless told otherwise. */
export const DEFAULT_TOKEN_SERVER_IMAGE = 'cesanta/docker_auth:1.14.0';

/** Props of the token pattern: a registry whose roles a token server enforces. */
export interface TokenRegistryProps extends PatternBaseProps {
  /** Monitoring: Prometheus, Alertmanager, node-exporter and Grafana on a network of their own. @default none */
  readonly monitoring?: PatternMonitoringProps;
  /** Hostname clients use for the registry and the token server (in both certificates). @default 'localhost' */
  readonly hostname?: string;
  /** Host port of the registry (TLS). @default 5446 */
  readonly port?: number;
  /** Host port of the token server (TLS); the realm clients are sent to. @default 5447 */
  readonly tokenPort?: number;
  /** Host port of the UI. @default 8081 */
  readonly uiPort?: number;
  /** The roles. @default the lab's: admin, developer, readonly and ci (see README) */
  readonly roles?: readonly RoleSpec[];
  /** The users and their roles. @default admin, developer, readonly and ci, each with the role of its name */
  readonly users?: readonly UserSpec[];
  /** Token server image. @default 'cesanta/docker_auth:1.14.0' */
  readonly tokenServerImage?: string;
  /** UI image. @default 'joxit/docker-registry-ui:2.5.7' */
  readonly uiImage?: string;
  /** Lowest TLS version of both endpoints. @default 'tls1.2' */
  readonly tlsMinimumVersion?: TlsMinimumVersion;
  /** Lifetime of a token in seconds, 60 to 86400. @default 900 */
  readonly tokenLifetimeSeconds?: number;
  /** Deploy the UI. @default true */
  readonly ui?: boolean;
}

/** {@link TokenRegistryProps} validated, with defaults filled in. */
export interface ResolvedTokenRegistry extends ResolvedPatternBase {
  readonly monitoring?: ResolvedPatternMonitoring;
  readonly hostname: string;
  readonly port: number;
  readonly tokenPort: number;
  readonly uiPort: number;
  /** The token server's spec (roles, users, compiled policies, TLS minimum, lifetime). */
  readonly tokenServer: ResolvedTokenServer;
  readonly tokenServerImage: string;
  readonly uiImage: string;
  readonly ui: boolean;
}

/** Validates the token pattern's props; every error names `<path>.<prop>`. */
export function resolveTokenRegistry(
  path: string,
  given: TokenRegistryProps,
  defaultPrefix: string,
): ResolvedTokenRegistry {
  const props = checkSpec(path, given) as TokenRegistryProps;
  const base = resolvePatternBase(path, props, defaultPrefix);
  const ui = resolveFlag(`${path}.ui`, props.ui, true);
  const port = resolvePort(`${path}.port`, props.port, 5446);
  const tokenPort = resolvePort(`${path}.tokenPort`, props.tokenPort, 5447);
  const uiPort = resolvePort(`${path}.uiPort`, props.uiPort, 8081);
  // The token server's own spec, under the pattern's prop names: `<path>.roles`, `<path>.users`,
  // `<path>.tlsMinimumVersion`, `<path>.tokenLifetimeSeconds`, `<path>.registryVersion`.
  const tokenServer = resolveTokenServer(path, {
    registryVersion: base.dialect.version,
    ...(props.roles !== undefined ? { roles: props.roles } : {}),
    ...(props.users !== undefined ? { users: props.users } : {}),
    ...(props.tlsMinimumVersion !== undefined ? { tlsMinimumVersion: props.tlsMinimumVersion } : {}),
    ...(props.tokenLifetimeSeconds !== undefined ? { tokenLifetimeSeconds: props.tokenLifetimeSeconds } : {}),
  });
  const monitoring = resolvePatternMonitoring(`${path}.monitoring`, props.monitoring);
  checkDistinctPorts(path, { port, tokenPort, ...(ui ? { uiPort } : {}), ...monitoringPorts(monitoring) });
  return {
    ...(monitoring !== undefined ? { monitoring } : {}),
    ...base,
    hostname: resolveHostname(`${path}.hostname`, props.hostname),
    port,
    tokenPort,
    uiPort,
    tokenServer,
    tokenServerImage: resolveImage(
      `${path}.tokenServerImage`,
      props.tokenServerImage,
      DEFAULT_TOKEN_SERVER_IMAGE,
    ),
    uiImage: resolveImage(`${path}.uiImage`, props.uiImage, DEFAULT_UI_IMAGE),
    ui,
  };
}
