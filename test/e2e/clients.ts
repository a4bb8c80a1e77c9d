/**
 * Real registry clients for the e2e: skopeo (OCI layouts to and from a registry), the docker CLI
 * (login, push, pull through the daemon, trusting a CA through certs.d) and raw TLS probes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { connect } from 'node:tls';
import { makeOciImage } from '../helpers/oci';
import { docker, must, run, RunResult } from './harness';

/** A registry as a client sees it. */
export interface RegistryClient {
  /** `host:port` as clients address it, for example `localhost:5443`. */
  readonly host: string;
  /** PEM of the CA to trust; none for a plain-HTTP loopback registry. */
  readonly ca?: string;
  /** Credentials; none for an open registry. */
  readonly user?: string;
  readonly password?: string;
}

/** skopeo against one registry, with its CA in a cert dir and its credentials. */
export class Skopeo {
  private readonly dir = mkdtempSync(join(tmpdir(), 'e2e-skopeo-'));
  private readonly certDir = join(this.dir, 'certs');

  /** Prepares the CA directory. */
  public constructor(private readonly registry: RegistryClient) {
    mkdirSync(this.certDir);
    if (registry.ca !== undefined) writeFileSync(join(this.certDir, 'ca.crt'), registry.ca);
  }

  /** A fresh one-layer OCI image layout (random content) at a new path; resolves to its path. */
  public image(tag: string, bytes = 4096, created?: Date): string {
    const layout = mkdtempSync(join(this.dir, 'img-'));
    makeOciImage(layout, tag, bytes, created);
    return layout;
  }

  /** The manifest digest of `tag` in an OCI layout. */
  public static layoutDigest(layout: string): string {
    const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as {
      manifests: { digest: string }[];
    };
    return index.manifests[0]!.digest;
  }

  /** Pushes `layout:tag` to `repo:tag`. */
  public push(layout: string, tag: string, repo: string, retries = 0): Promise<RunResult> {
    return this.copy(
      'dest',
      `oci:${layout}:${tag}`,
      `docker://${this.registry.host}/${repo}:${tag}`,
      retries,
    );
  }

  /** Pulls `repo:tag` into a new layout; resolves to the result and the layout's path. */
  public async pull(repo: string, tag: string, retries = 0): Promise<RunResult & { layout: string }> {
    const layout = mkdtempSync(join(this.dir, 'pull-'));
    const r = await this.copy(
      'src',
      `docker://${this.registry.host}/${repo}:${tag}`,
      `oci:${layout}:${tag}`,
      retries,
    );
    return { ...r, layout };
  }

  /** Deletes the manifest `repo:tag` points to (`skopeo delete`). */
  public delete(repo: string, tag: string): Promise<RunResult> {
    const r = this.registry;
    return run(
      'skopeo',
      [
        'delete',
        ...(r.ca !== undefined ? ['--cert-dir', this.certDir] : ['--tls-verify=false']),
        ...(r.user !== undefined ? ['--creds', `${r.user}:${r.password ?? ''}`] : ['--no-creds']),
        `docker://${r.host}/${repo}:${tag}`,
      ],
      { timeoutMs: 60_000 },
    );
  }

  /** The tags of `repo` (`skopeo list-tags`), sorted; throws when skopeo fails. */
  public async tags(repo: string): Promise<string[]> {
    const r = await run('skopeo', ['list-tags', ...this.auth(), `docker://${this.registry.host}/${repo}`], {
      timeoutMs: 60_000,
    });
    if (r.code !== 0) throw new Error(`skopeo list-tags ${repo}: ${r.output}`);
    return ((JSON.parse(r.output) as { Tags: string[] | null }).Tags ?? []).sort();
  }

  /** The manifest digest of `repo:tag` (`skopeo inspect`); throws when skopeo fails. */
  public async digest(repo: string, tag: string): Promise<string> {
    const r = await run(
      'skopeo',
      ['inspect', '--raw', ...this.auth(), `docker://${this.registry.host}/${repo}:${tag}`],
      { timeoutMs: 60_000 },
    );
    if (r.code !== 0) throw new Error(`skopeo inspect ${repo}:${tag}: ${r.output}`);
    return `sha256:${createHash('sha256').update(r.output).digest('hex')}`;
  }

  /** Removes the temporary files. */
  public close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** skopeo's CA and credential flags for this registry (commands without a side). */
  private auth(): string[] {
    const r = this.registry;
    return [
      ...(r.ca !== undefined ? ['--cert-dir', this.certDir] : ['--tls-verify=false']),
      ...(r.user !== undefined ? ['--creds', `${r.user}:${r.password ?? ''}`] : ['--no-creds']),
    ];
  }

  private copy(side: 'src' | 'dest', from: string, to: string, retries: number): Promise<RunResult> {
    const r = this.registry;
    return run(
      'skopeo',
      [
        'copy',
        '--retry-times',
        String(retries),
        ...(r.ca !== undefined ? [`--${side}-cert-dir`, this.certDir] : [`--${side}-tls-verify=false`]),
        ...(r.user !== undefined
          ? [`--${side}-creds`, `${r.user}:${r.password ?? ''}`]
          : [`--${side}-no-creds`]),
        from,
        to,
      ],
      { timeoutMs: 120_000 },
    );
  }
}

/** Marks a CA file this e2e wrote (x509 readers skip text outside the PEM block). */
const E2E_MARK = '# written by the registry-platform e2e\n';

/**
 * The docker CLI as a user runs it: the daemon trusts the registry's CA through
 * `/etc/docker/certs.d/<host:port>/ca.crt` (written from the stack's outputs by `trust()`, and
 * put back as it was by `close()`), and the client keeps its login in a private config directory.
 *
 * Note: the daemon treats registries on 127.0.0.0/8 as insecure (it skips verification there), so
 * only a registry addressed by a non-loopback address shows that the CA is what makes it trusted.
 */
export class DockerCli {
  private readonly config = mkdtempSync(join(tmpdir(), 'e2e-docker-config-'));
  private readonly previousCa: string | undefined;

  /** Remembers what `caPath` held (a file a killed e2e run left counts as nothing). */
  public constructor(
    private readonly registry: RegistryClient,
    private readonly caPath: string,
  ) {
    const previous = existsSync(caPath) ? readFileSync(caPath, 'utf8') : undefined;
    this.previousCa = previous?.startsWith(E2E_MARK) ? undefined : previous;
  }

  /** The client's config directory (`DOCKER_CONFIG` for tools that read its logins, such as cosign). */
  public get configDir(): string {
    return this.config;
  }

  /** Installs the registry's CA where the daemon looks for it. */
  public trust(): this {
    if (this.registry.ca === undefined) throw new Error(`no CA for ${this.registry.host}`);
    mkdirSync(dirname(this.caPath), { recursive: true });
    writeFileSync(this.caPath, E2E_MARK + this.registry.ca);
    return this;
  }

  /** Runs `docker <args>` with this client's config directory (and more environment). */
  public run(args: readonly string[], input?: string, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
    return run('docker', ['--config', this.config, ...args], {
      timeoutMs: 180_000,
      ...(input !== undefined ? { input } : {}),
      ...(Object.keys(env).length > 0 ? { env: { ...process.env, ...env } } : {}),
    });
  }

  /** `docker login` with the password on stdin. */
  public login(user: string, password: string): Promise<RunResult> {
    return this.run(['login', this.registry.host, '-u', user, '--password-stdin'], password);
  }

  /** Builds a small image `<host>/<repo>:<tag>` locally (classic builder, FROM scratch). */
  public async build(repo: string, tag: string): Promise<string> {
    const ctx = mkdtempSync(join(tmpdir(), 'e2e-build-'));
    try {
      writeFileSync(join(ctx, 'hello.txt'), `hello from the e2e, ${new Date().toISOString()}\n`);
      writeFileSync(join(ctx, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\nCMD ["/hello.txt"]\n');
      const ref = `${this.registry.host}/${repo}:${tag}`;
      await must('docker', ['build', '-q', '-t', ref, ctx], {
        env: { ...process.env, DOCKER_BUILDKIT: '0' },
        timeoutMs: 180_000,
      });
      return ref;
    } finally {
      rmSync(ctx, { recursive: true, force: true });
    }
  }

  /** Puts back whatever CA file was there before and removes the client config. */
  public close(): void {
    if (this.previousCa !== undefined) writeFileSync(this.caPath, this.previousCa);
    else rmSync(dirname(this.caPath), { recursive: true, force: true });
    rmSync(this.config, { recursive: true, force: true });
  }
}

/** The local image id of a reference ('' when absent). */
export async function imageId(ref: string): Promise<string> {
  const r = await run('docker', ['image', 'inspect', '--format', '{{.Id}}', ref]);
  return r.code === 0 ? r.output.trim() : '';
}

/** Removes local images (no error when absent). */
export async function removeImages(...refs: string[]): Promise<void> {
  await run('docker', ['image', 'rm', '-f', ...refs]);
}

/**
 * A TLS handshake with exactly one protocol version offered (SECLEVEL=0, so that OpenSSL 3 is
 * willing to offer TLS 1.0/1.1 at all): resolves to the negotiated version or the error.
 */
export function tlsHandshake(
  port: number,
  version: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3',
  ca?: string,
): Promise<{ ok: boolean; detail: string }> {
  return new Promise((resolveP) => {
    const socket = connect({
      host: '127.0.0.1',
      port,
      servername: 'localhost',
      minVersion: version,
      maxVersion: version,
      ciphers: 'DEFAULT@SECLEVEL=0',
      ...(ca !== undefined ? { ca } : { rejectUnauthorized: false }),
      timeout: 5000,
    });
    const done = (ok: boolean, detail: string): void => {
      socket.destroy();
      resolveP({ ok, detail });
    };
    socket.once('secureConnect', () => done(true, socket.getProtocol() ?? 'unknown'));
    socket.once('error', (e) => done(false, e.message));
    socket.once('timeout', () => done(false, 'timeout'));
  });
}

/** Removes a docker object quietly (cleanup). */
export async function removeQuietly(kind: 'container' | 'network', name: string): Promise<void> {
  // A container's anonymous volumes (registry images declare one) go with it.
  await run('docker', kind === 'container' ? ['rm', '-f', '-v', name] : ['network', 'rm', name]);
}

export { docker };

/**
 * A line in /etc/hosts that the daemon resolves (a registry container's name to its address on
 * the stack's network), removed again by `remove()`; lines a killed run left are dropped first.
 */
export class HostsEntry {
  private static readonly FILE = '/etc/hosts';
  private static readonly MARK = '# registry-platform e2e';

  /** Adds `<ip> <name>`. */
  public constructor(name: string, ip: string) {
    HostsEntry.strip();
    writeFileSync(
      HostsEntry.FILE,
      `${readFileSync(HostsEntry.FILE, 'utf8').replace(/\n?$/, '\n')}${ip} ${name} ${HostsEntry.MARK}\n`,
    );
  }

  /** Removes every line this e2e added. */
  public remove(): void {
    HostsEntry.strip();
  }

  private static strip(): void {
    const lines = readFileSync(HostsEntry.FILE, 'utf8').split('\n');
    const kept = lines.filter((l) => !l.endsWith(HostsEntry.MARK));
    if (kept.length !== lines.length) writeFileSync(HostsEntry.FILE, kept.join('\n'));
  }
}

/** A container's address on one of its networks. */
export async function containerIp(container: string, network: string): Promise<string> {
  const ip = (
    await docker([
      'inspect',
      '--format',
      `{{(index .NetworkSettings.Networks "${network}").IPAddress}}`,
      container,
    ])
  ).trim();
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) throw new Error(`${container} has no address on ${network}: "${ip}"`);
  return ip;
}
