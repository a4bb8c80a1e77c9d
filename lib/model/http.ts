import {
  checkBool,
  checkDuration,
  checkHeaders,
  checkPort,
  checkSection,
  checkSwitchableSection,
  checkUrl,
} from './checks';
import { SpecError } from './errors';

/** Minimum TLS versions the library accepts (TLS 1.0 and 1.1 are refused). */
export type TlsMinimumVersion = 'tls1.2' | 'tls1.3';

/** TLS on the registry's own listener. */
export interface HttpTlsSpec {
  /** Lowest TLS version offered. @default 'tls1.2' */
  readonly minimumVersion?: TlsMinimumVersion;
}

/** The debug listener: `/metrics`, `/debug/health`, pprof. Never published to the host. */
export interface DebugSpec {
  /** Port inside the container, reachable only on the container network. @default 5001 */
  readonly port?: number;
  /** Serve Prometheus metrics at `/metrics`. @default true */
  readonly prometheus?: boolean;
}

/** The registry's HTTP listener. */
export interface HttpSpec {
  /** Port the registry listens on inside the container. @default 5000 */
  readonly port?: number;
  /**
   * Externally reachable URL of the registry (`http.host`), used for `Location` headers.
   * @default derived by the construct from the published address, or none
   */
  readonly host?: string;
  /**
   * TLS on the listener (the construct supplies certificate and key files), or `false` for none.
   * @default TLS off (the secure stacks turn it on)
   */
  readonly tls?: HttpTlsSpec | false;
  /** Extra response headers; the security headers are always added. @default none */
  readonly headers?: Readonly<Record<string, readonly string[]>>;
  /** The debug/metrics listener, or `false` to turn it off. @default port 5001 with metrics */
  readonly debug?: DebugSpec | false;
  /** Return relative URLs in `Location` headers. @default false */
  readonly relativeUrls?: boolean;
  /** How long to let connections drain on stop. @default '30s' */
  readonly drainTimeout?: string;
}

/** HTTP settings with defaults filled in. */
export interface ResolvedHttp {
  readonly port: number;
  readonly host?: string;
  readonly tls?: Required<HttpTlsSpec>;
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly debug?: Required<DebugSpec>;
  readonly relativeUrls: boolean;
  readonly drainTimeout: string;
}

/** Headers the registry always sends; HSTS only when the listener speaks TLS. */
export function securityHeaders(tls: boolean): Record<string, string[]> {
  const headers: Record<string, string[]> = { 'X-Content-Type-Options': ['nosniff'] };
  if (tls) headers['Strict-Transport-Security'] = ['max-age=31536000; includeSubDomains'];
  return headers;
}

/** A minimum TLS version: 1.2 or 1.3; TLS 1.0 and 1.1 are refused. */
export function checkTlsMinimum(path: string, value: unknown): TlsMinimumVersion {
  if (value !== 'tls1.2' && value !== 'tls1.3') {
    throw new SpecError(
      path,
      value,
      'allowed: "tls1.2" or "tls1.3" (TLS 1.0 and 1.1 are insecure and refused)',
    );
  }
  return value;
}

/** Fills in HTTP defaults and validates every field. */
export function resolveHttp(path: string, given?: HttpSpec): ResolvedHttp {
  const spec = checkSection(path, given) ?? {};
  const port = checkPort(`${path}.port`, spec.port ?? 5000);
  let tls: Required<HttpTlsSpec> | undefined;
  const tlsSpec = checkSwitchableSection(`${path}.tls`, spec.tls);
  if (tlsSpec !== undefined && tlsSpec !== false) {
    tls = {
      minimumVersion: checkTlsMinimum(`${path}.tls.minimumVersion`, tlsSpec.minimumVersion ?? 'tls1.2'),
    };
  }
  const headers = checkHeaders(`${path}.headers`, checkSection(`${path}.headers`, spec.headers) ?? {});
  let debug: Required<DebugSpec> | undefined;
  const debugSpec = checkSwitchableSection(`${path}.debug`, spec.debug);
  if (debugSpec !== false) {
    const d = debugSpec ?? {};
    debug = {
      port: checkPort(`${path}.debug.port`, d.port ?? 5001),
      prometheus: checkBool(`${path}.debug.prometheus`, d.prometheus ?? true),
    };
    if (debug.port === port) {
      throw new SpecError(`${path}.debug.port`, debug.port, `allowed: a port other than http.port (${port})`);
    }
  }
  return {
    port,
    ...(spec.host !== undefined ? { host: checkUrl(`${path}.host`, spec.host, ['http', 'https']) } : {}),
    ...(tls ? { tls } : {}),
    headers: { ...securityHeaders(tls !== undefined), ...headers },
    ...(debug ? { debug } : {}),
    relativeUrls: checkBool(`${path}.relativeUrls`, spec.relativeUrls ?? false),
    drainTimeout: checkDuration(`${path}.drainTimeout`, spec.drainTimeout ?? '30s'),
  };
}
