import { checkSpec } from '../checks';
import { TlsMinimumVersion } from '../http';
import { resolveSuppliedTls, SuppliedTlsSpec } from '../tls';
import { DEFAULT_USERS, resolveHtpasswdUsers, ResolvedUser, UserSpec } from '../users';
import {
  CertificateNamesProps,
  PatternBaseProps,
  resolveExtraHostnames,
  resolveFlag,
  resolveHostname,
  resolveImage,
  resolvePatternBase,
  resolvePort,
  checkDistinctPorts,
  monitoringPorts,
  resolveTlsMinimum,
  PatternMonitoringProps,
  resolvePatternMonitoring,
  ResolvedPatternMonitoring,
  ResolvedPatternBase,
} from './common';

/** The UI image every pattern uses unless told otherwise. */
export const DEFAULT_UI_IMAGE = 'joxit/docker-registry-ui:2.5.7';

/** Props of the secure pattern: TLS, htpasswd users, the UI. */
export interface SecureRegistryProps extends PatternBaseProps, CertificateNamesProps {
  /** Monitoring: Prometheus, Alertmanager, node-exporter and Grafana on a network of their own. @default none */
  readonly monitoring?: PatternMonitoringProps;
  /** Host port of the registry (TLS). @default 5443 */
  readonly port?: number;
  /** Host port of the UI. @default 8080 */
  readonly uiPort?: number;
  /** Users (htpasswd: each can push, pull and delete everywhere; roles need the token pattern). @default one user, admin, with a generated 32-character password */
  readonly users?: readonly UserSpec[];
  /** UI image. @default 'joxit/docker-registry-ui:2.5.7' */
  readonly uiImage?: string;
  /** Lowest TLS version. @default 'tls1.2' */
  readonly tlsMinimumVersion?: TlsMinimumVersion;
  /** Certificates to use instead of a generated CA (the key a secret reference). @default a generated CA and server certificate */
  readonly tls?: SuppliedTlsSpec;
  /** Allow deletes (the UI's delete button). @default true */
  readonly deleteEnabled?: boolean;
  /** Deploy the UI. @default true */
  readonly ui?: boolean;
}

/** {@link SecureRegistryProps} validated, with defaults filled in. */
export interface ResolvedSecureRegistry extends ResolvedPatternBase {
  readonly monitoring?: ResolvedPatternMonitoring;
  readonly hostname: string;
  readonly extraHostnames: readonly string[];
  readonly port: number;
  readonly uiPort: number;
  readonly users: readonly ResolvedUser[];
  readonly uiImage: string;
  readonly tlsMinimumVersion: TlsMinimumVersion;
  readonly tls?: SuppliedTlsSpec;
  readonly deleteEnabled: boolean;
  readonly ui: boolean;
}

/** Validates the secure pattern's props; every error names `<path>.<prop>`. */
export function resolveSecureRegistry(
  path: string,
  given: SecureRegistryProps,
  defaultPrefix: string,
): ResolvedSecureRegistry {
  const props = checkSpec(path, given) as SecureRegistryProps;
  const ui = resolveFlag(`${path}.ui`, props.ui, true);
  const port = resolvePort(`${path}.port`, props.port, 5443);
  const uiPort = resolvePort(`${path}.uiPort`, props.uiPort, 8080);
  const monitoring = resolvePatternMonitoring(`${path}.monitoring`, props.monitoring);
  checkDistinctPorts(path, { port, ...(ui ? { uiPort } : {}), ...monitoringPorts(monitoring) });
  return {
    ...(monitoring !== undefined ? { monitoring } : {}),
    ...resolvePatternBase(path, props, defaultPrefix),
    hostname: resolveHostname(`${path}.hostname`, props.hostname),
    extraHostnames: resolveExtraHostnames(`${path}.extraHostnames`, props.extraHostnames),
    port,
    uiPort,
    users: resolveHtpasswdUsers(`${path}.users`, props.users ?? DEFAULT_USERS),
    uiImage: resolveImage(`${path}.uiImage`, props.uiImage, DEFAULT_UI_IMAGE),
    tlsMinimumVersion: resolveTlsMinimum(`${path}.tlsMinimumVersion`, props.tlsMinimumVersion),
    ...(props.tls !== undefined ? { tls: resolveSuppliedTls(`${path}.tls`, props.tls) } : {}),
    deleteEnabled: resolveFlag(`${path}.deleteEnabled`, props.deleteEnabled, true),
    ui,
  };
}
