import { ResolvedLoadBalancer } from '../model/load-balancer';
import { RenderedFile } from './file';
import { renderTemplate } from './templates';

/** Inputs of {@link renderNginxConf} that do not come from the spec. */
export interface NginxConfInputs {
  /** Where the file goes. */
  readonly path: string;
  /** `host:port` of each replica, reached over plain HTTP on the private network. */
  readonly upstreams: readonly string[];
  /** Host port clients use for HTTPS, for the HTTP → HTTPS redirect. */
  readonly publicHttpsPort: number;
  /** Certificate and key paths inside the container. */
  readonly certificate: string;
  readonly key: string;
  /** Unprivileged user the workers run as. @default none (the master's user) */
  readonly user?: string;
  /** Where pid and temp files go (a tmpfs). @default '/tmp' */
  readonly tempDir?: string;
  /** The UI's base URL, served at `/`. @default none */
  readonly uiUpstream?: string;
  /** Access log destination. @default '/dev/stdout' (the container's log) */
  readonly accessLog?: string;
}

/** The narrow view the nginx template sees, and nothing else. */
export interface NginxView {
  readonly user: string | null;
  readonly accessLog: string;
  readonly pidFile: string;
  readonly tempDir: string;
  readonly serverName: string;
  readonly httpPort: number;
  readonly httpsPort: number;
  readonly redirectPort: number;
  readonly plainHttpServes: boolean;
  readonly certificate: string;
  readonly key: string;
  readonly sslProtocols: string;
  readonly upstreams: readonly string[];
  readonly maxFails: number;
  readonly failTimeout: string;
  readonly keepalive: number;
  readonly timeout: number;
  readonly connectTimeout: number;
  readonly nextUpstreamTries: number;
  readonly uiUpstream: string | null;
}

/** Builds the template's view-model from the spec and the inputs. */
export function nginxView(spec: ResolvedLoadBalancer, inputs: NginxConfInputs): NginxView {
  const tempDir = inputs.tempDir ?? '/tmp';
  return {
    user: inputs.user ?? null,
    accessLog: inputs.accessLog ?? '/dev/stdout',
    pidFile: `${tempDir}/nginx.pid`,
    tempDir,
    serverName: spec.serverName,
    httpPort: spec.httpPort,
    httpsPort: spec.httpsPort,
    redirectPort: inputs.publicHttpsPort,
    plainHttpServes: spec.plainHttp === 'serve',
    certificate: inputs.certificate,
    key: inputs.key,
    sslProtocols: spec.tlsMinimumVersion === 'tls1.3' ? 'TLSv1.3' : 'TLSv1.2 TLSv1.3',
    upstreams: [...inputs.upstreams],
    maxFails: spec.maxFails,
    failTimeout: `${spec.failTimeoutSeconds}s`,
    keepalive: spec.keepalive,
    timeout: spec.timeoutSeconds,
    connectTimeout: spec.connectTimeoutSeconds,
    nextUpstreamTries: Math.max(1, inputs.upstreams.length),
    uiUpstream: inputs.uiUpstream ?? null,
  };
}

/** Renders nginx.conf for the load balancer from `templates/nginx/nginx.conf.hbs`. */
export function renderNginxConf(spec: ResolvedLoadBalancer, inputs: NginxConfInputs): RenderedFile {
  return {
    path: inputs.path,
    content: renderTemplate('nginx/nginx.conf.hbs', nginxView(spec, inputs)),
    mode: '0644',
  };
}
