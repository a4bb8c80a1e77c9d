/**
 * A process-level lab on 127.0.0.1: the real redis-server, registry and nginx programs started
 * with the files this library renders. It stands in for containers where no Terraform deploy is
 * possible; what it shows is what the rendered files make the real programs do.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { hashSync } from 'bcryptjs';
import {
  RegistrySpec,
  RegistryVersion,
  LoadBalancerSpec,
  resolveLoadBalancer,
  resolveRedisCache,
  resolveRegistrySpec,
} from '../../lib/model';
import { renderHtpasswd, renderNginxConf, renderRedisConf, renderRegistryConfig } from '../../lib/render';
import { makeTestCerts, TestCerts } from './certs';
import { freePort, get, waitFor } from './net';
import { registryBinary } from './programs';
import { start, Started } from './processes';
import { filled, testSecret } from './secrets';

const run = promisify(execFile);

/** A started registry process. */
export interface RegistryProcess extends Started {
  readonly port: number;
  readonly debugPort: number;
  readonly url: string;
}

/** A lab directory with certificates, a user and helpers to start programs in it. */
export class Lab {
  public readonly dir = mkdtempSync(join(tmpdir(), 'lab-'));
  public readonly certs: TestCerts;
  /** A directory holding only ca.crt, for skopeo's --cert-dir. */
  public readonly caDir: string;
  public readonly user = 'admin';
  public readonly password = 'LabPassw0rd0123456789abcdef';
  public readonly storage: string;
  private readonly started: Started[] = [];

  public constructor() {
    chmodSync(this.dir, 0o755);
    this.certs = makeTestCerts(this.dir);
    this.caDir = join(this.dir, 'ca');
    mkdirSync(this.caDir);
    writeFileSync(join(this.caDir, 'ca.crt'), this.certs.caPem);
    this.storage = join(this.dir, 'storage');
    mkdirSync(this.storage);
    writeFileSync(
      join(this.dir, 'htpasswd'),
      filled(
        renderHtpasswd('htpasswd', [{ name: this.user, bcryptHash: testSecret(hashSync(this.password, 8)) }]),
      ),
    );
  }

  /** Starts redis-server with the rendered redis.conf (on `fixedPort` to restart it in place). */
  public async redis(password: string, fixedPort?: number): Promise<{ port: number; proc: Started }> {
    const port = fixedPort ?? (await freePort());
    const conf = renderRedisConf(resolveRedisCache('redis', { port, maxMemoryMb: 64 }), {
      path: join(this.dir, `redis-${port}.conf`),
      password: testSecret(password),
    });
    writeFileSync(
      conf.path,
      filled(conf).replace('dir /data', `dir ${this.dir}`).replace('bind 0.0.0.0', 'bind 127.0.0.1'),
    );
    const proc = this.track(start('redis-server', [conf.path]));
    await waitFor('redis-server', 10000, async () => {
      const { stdout } = await run(
        'redis-cli',
        ['-p', String(port), '--no-auth-warning', '-a', password, 'ping'],
        { timeout: 3000 },
      );
      return stdout.trim() === 'PONG';
    });
    return { port, proc };
  }

  /** Starts a registry with the rendered config.yml (secrets in `spec` are {@link testSecret}s). */
  public async registry(
    version: RegistryVersion,
    spec: RegistrySpec,
    ports?: { port: number; debugPort: number },
    storageDir: string = this.storage,
  ): Promise<RegistryProcess> {
    const port = ports?.port ?? (await freePort());
    const debugPort = ports?.debugPort ?? (await freePort());
    const resolved = resolveRegistrySpec(
      {
        ...spec,
        version,
        http: { ...spec.http, port, debug: { port: debugPort } },
        storage: { ...spec.storage, driver: { driver: 'filesystem', rootDirectory: storageDir } },
      },
      'lab',
    );
    const paths = {
      config: join(this.dir, `registry-${port}.yml`),
      configDir: this.dir,
      tlsCertificate: this.certs.certFile,
      tlsKey: this.certs.keyFile,
      htpasswd: join(this.dir, 'htpasswd'),
      tokenRootCertBundle: join(this.dir, 'token.crt'),
    };
    const httpSecret = testSecret('sharedsecret0123456789');
    writeFileSync(paths.config, filled(renderRegistryConfig(resolved, { httpSecret, paths })));
    const proc = this.track(
      start(registryBinary(version), ['serve', paths.config], { OTEL_TRACES_EXPORTER: 'none' }),
    );
    const scheme = resolved.http.tls ? 'https' : 'http';
    const url = `${scheme}://127.0.0.1:${port}`;
    await waitFor(`registry on ${url}`, 15000, async () => {
      if (proc.proc.exitCode !== null) throw new Error(`registry exited:\n${proc.output()}`);
      await get(`${url}/v2/`, { ca: this.certs.caPem });
      return true;
    });
    return { ...proc, port, debugPort, url };
  }

  /**
   * Starts nginx with the rendered load balancer config in front of `upstreams` (HTTPS on
   * `fixedHttpsPort` if given; `spec` adds load balancer props such as `plainHttp`).
   */
  public async nginx(
    upstreams: readonly string[],
    fixedHttpsPort?: number,
    spec: LoadBalancerSpec = {},
  ): Promise<{ httpsPort: number; httpPort: number; proc: Started; accessLog: string }> {
    const httpsPort = fixedHttpsPort ?? (await freePort());
    const httpPort = await freePort();
    const temp = join(this.dir, `nginx-${httpsPort}`);
    mkdirSync(temp);
    chmodSync(temp, 0o777);
    const accessLog = join(temp, 'access.log');
    const conf = renderNginxConf(resolveLoadBalancer('lb', { ...spec, httpsPort, httpPort }), {
      path: join(temp, 'nginx.conf'),
      upstreams,
      publicHttpsPort: httpsPort,
      certificate: this.certs.certFile,
      key: this.certs.keyFile,
      tempDir: temp,
      accessLog,
    });
    writeFileSync(conf.path, conf.content);
    const proc = this.track(start('nginx', ['-c', conf.path, '-g', 'daemon off;']));
    await waitFor(
      'nginx',
      10000,
      async () => (await get(`http://127.0.0.1:${httpPort}/healthz`)).status === 200,
    );
    return { httpsPort, httpPort, proc, accessLog };
  }

  /** skopeo copy with this lab's CA and user; resolves to the exit status and output. */
  public async skopeo(args: readonly string[]): Promise<{ ok: boolean; output: string }> {
    try {
      const { stdout, stderr } = await run('skopeo', [...args], { timeout: 60000 });
      return { ok: true, output: stdout + stderr };
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; message: string };
      return { ok: false, output: `${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}` };
    }
  }

  /** Pushes an OCI layout dir to `ref` (host:port/repo:tag) with the lab user. */
  public push(
    layout: string,
    tag: string,
    ref: string,
    retries = 0,
  ): Promise<{ ok: boolean; output: string }> {
    return this.copy('dest', `oci:${layout}:${tag}`, `docker://${ref}`, retries);
  }

  /** Pulls `ref` into an OCI layout dir with the lab user. */
  public pull(
    ref: string,
    layout: string,
    tag: string,
    retries = 0,
  ): Promise<{ ok: boolean; output: string }> {
    return this.copy('src', `docker://${ref}`, `oci:${layout}:${tag}`, retries);
  }

  /** skopeo copy with the lab's CA and user on the registry side (`src` or `dest`). */
  private copy(
    side: 'src' | 'dest',
    from: string,
    to: string,
    retries: number,
  ): Promise<{ ok: boolean; output: string }> {
    return this.skopeo([
      'copy',
      '--retry-times',
      String(retries),
      `--${side}-cert-dir`,
      this.caDir,
      `--${side}-creds`,
      `${this.user}:${this.password}`,
      from,
      to,
    ]);
  }

  /** Stops every program this lab started and removes its directory. */
  public async close(): Promise<void> {
    for (const p of this.started.reverse()) await p.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Stops `p` when the lab closes. */
  public track(p: Started): Started {
    this.started.push(p);
    return p;
  }
}

/** Runs `tasks` with at most `limit` at once. */
export async function pool<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
