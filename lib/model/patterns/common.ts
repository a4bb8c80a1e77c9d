import { checkBool, checkHostname, checkImage, checkIpv4, checkList, checkPort, checkSpec } from '../checks';
import { MonitoringSpec, ResolvedMonitoring, resolveMonitoring } from '../monitoring';
import { checkImageMatchesDialect, dialectFor, RegistryDialect, RegistryVersion } from '../dialect';
import { SpecError } from '../errors';
import { checkTlsMinimum, TlsMinimumVersion } from '../http';

/** Props every pattern has. */
export interface PatternBaseProps {
  /** Prefix of every Docker object's name (up to 40 characters). @default the pattern's id (a stack's id for a stack) */
  readonly namePrefix?: string;
  /** Host address every published port is bound to. @default '127.0.0.1' */
  readonly bindAddress?: string;
  /** Registry major version. @default 2 (the mirror: 3) */
  readonly registryVersion?: RegistryVersion;
  /** Registry image. @default the dialect's pinned official image */
  readonly registryImage?: string;
}

/** Props of a pattern whose certificate is generated for the names clients use. */
export interface CertificateNamesProps {
  /** Hostname clients use; it goes into the certificate and `http.host`. @default 'localhost' */
  readonly hostname?: string;
  /** More names or IPv4 addresses for the certificate. @default none */
  readonly extraHostnames?: readonly string[];
}

/** {@link PatternBaseProps} validated, with defaults filled in. */
export interface ResolvedPatternBase {
  /** The name prefix. */
  readonly prefix: string;
  /** The bind address. */
  readonly bindAddress: string;
  /** The registry dialect. */
  readonly dialect: RegistryDialect;
  /** The registry image, when one is given. */
  readonly registryImage?: string;
}

/** Validates the props every pattern has; `defaultPrefix` is the pattern's id. */
export function resolvePatternBase(
  path: string,
  props: PatternBaseProps,
  defaultPrefix: string,
  defaultVersion: RegistryVersion = 2,
): ResolvedPatternBase {
  const prefix = props.namePrefix ?? defaultPrefix;
  if (typeof prefix !== 'string' || !/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,39}$/.test(prefix)) {
    throw new SpecError(
      `${path}.namePrefix`,
      prefix,
      'allowed: 1 to 40 characters of letters, digits, "_", "." and "-", starting with a letter or digit ' +
        '(Docker names are the prefix plus a suffix such as "-registry-1-config")',
    );
  }
  const dialect = dialectFor(`${path}.registryVersion`, props.registryVersion ?? defaultVersion);
  let registryImage: string | undefined;
  if (props.registryImage !== undefined) {
    registryImage = checkImage(`${path}.registryImage`, props.registryImage);
    checkImageMatchesDialect(`${path}.registryImage`, registryImage, dialect);
  }
  return {
    prefix,
    bindAddress: checkIpv4(`${path}.bindAddress`, props.bindAddress ?? '127.0.0.1'),
    dialect,
    ...(registryImage !== undefined ? { registryImage } : {}),
  };
}

/** A hostname prop. */
export function resolveHostname(path: string, value: unknown): string {
  return checkHostname(path, value ?? 'localhost');
}

/** Extra certificate names: hostnames or IPv4 addresses. */
export function resolveExtraHostnames(path: string, value: unknown): string[] {
  return checkList(path, value ?? [], checkHostname);
}

/** An optional boolean prop with its default. */
export function resolveFlag(path: string, value: unknown, fallback: boolean): boolean {
  return checkBool(path, value ?? fallback);
}

/** An optional image prop with its default. */
export function resolveImage(path: string, value: unknown, fallback: string): string {
  return checkImage(path, value ?? fallback);
}

/** An optional TLS minimum prop. */
export function resolveTlsMinimum(path: string, value: unknown): TlsMinimumVersion {
  return checkTlsMinimum(path, value ?? 'tls1.2');
}

/** A port prop with its default. */
export function resolvePort(path: string, value: unknown, fallback: number): number {
  return checkPort(path, value ?? fallback);
}

/**
 * Checks that no host port is used twice (the ports share one bind address).
 * @param ports prop name → port, in the order the props are documented
 */
export function checkDistinctPorts(path: string, ports: Readonly<Record<string, number | undefined>>): void {
  const seen = new Map<number, string>();
  for (const [name, port] of Object.entries(ports)) {
    if (port === undefined) continue;
    const other = seen.get(port);
    if (other !== undefined) {
      throw new SpecError(`${path}.${name}`, port, `allowed: a port other than ${path}.${other} (${port})`);
    }
    seen.set(port, name);
  }
}

/** Monitoring for a pattern: the monitoring spec and where Prometheus and Grafana are published. */
export interface PatternMonitoringProps extends MonitoringSpec {
  /** Host port of Prometheus' UI and API (on the pattern's bind address). @default 9090 */
  readonly prometheusPort?: number;
  /** Host port of Grafana. @default 3000 */
  readonly grafanaPort?: number;
}

/** {@link PatternMonitoringProps} validated. */
export interface ResolvedPatternMonitoring {
  readonly spec: ResolvedMonitoring;
  readonly prometheusPort: number;
  readonly grafanaPort: number;
}

/** Validates a pattern's `monitoring` prop (absent: no monitoring). */
export function resolvePatternMonitoring(
  path: string,
  value: PatternMonitoringProps | undefined,
): ResolvedPatternMonitoring | undefined {
  if (value === undefined) return undefined;
  const props = checkSpec(path, value) as PatternMonitoringProps;
  const { prometheusPort, grafanaPort, ...spec } = props;
  const resolved = resolveMonitoring(path, spec);
  const ports = {
    prometheusPort: resolvePort(`${path}.prometheusPort`, prometheusPort, 9090),
    grafanaPort: resolvePort(`${path}.grafanaPort`, grafanaPort, 3000),
  };
  checkDistinctPorts(path, {
    prometheusPort: ports.prometheusPort,
    ...(resolved.grafana ? { grafanaPort: ports.grafanaPort } : {}),
  });
  return { spec: resolved, ...ports };
}

/** The host ports monitoring publishes, by prop path under the pattern, for a port-clash check. */
export function monitoringPorts(m: ResolvedPatternMonitoring | undefined): Record<string, number> {
  if (m === undefined) return {};
  return {
    'monitoring.prometheusPort': m.prometheusPort,
    ...(m.spec.grafana ? { 'monitoring.grafanaPort': m.grafanaPort } : {}),
  };
}
