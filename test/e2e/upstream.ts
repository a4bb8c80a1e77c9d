import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docker, removeQuietly, Skopeo } from './clients';
import { MIRROR_UPSTREAM, MIRROR_UPSTREAM_NET } from './names';

/**
 * The upstream registry a mirror in the e2e caches: `registry:2.8.3`, plain HTTP, no auth, named
 * {@link MIRROR_UPSTREAM} on its own network {@link MIRROR_UPSTREAM_NET} (which the mirror joins),
 * published on 127.0.0.1:`port` so the test can seed it. Info-level logs: its access log shows
 * which requests reach it.
 */
export class Upstream {
  /** skopeo against the upstream (no TLS, no auth). */
  public readonly client: Skopeo;
  private readonly confDir = mkdtempSync(join(tmpdir(), 'e2e-upstream-'));

  public constructor(private readonly port: number) {
    this.client = new Skopeo({ host: `127.0.0.1:${port}` });
  }

  /**
   * Removes what an interrupted run left, starts the upstream and pushes `layout` as
   * `repo:tag` (tried for at most 30 s while the registry starts).
   */
  public async start(layout: string, tag: string, repo: string): Promise<void> {
    await this.remove();
    writeFileSync(
      join(this.confDir, 'config.yml'),
      'version: 0.1\nlog:\n  level: info\nstorage:\n  filesystem:\n    rootdirectory: /var/lib/registry\nhttp:\n  addr: :5000\n',
    );
    await docker(['network', 'create', MIRROR_UPSTREAM_NET]);
    await docker([
      'run',
      '-d',
      '--name',
      MIRROR_UPSTREAM,
      '--network',
      MIRROR_UPSTREAM_NET,
      '-p',
      `127.0.0.1:${this.port}:5000`,
      '-v',
      `${join(this.confDir, 'config.yml')}:/etc/docker/registry/config.yml:ro`,
      'registry:2.8.3',
    ]);
    const started = Date.now();
    let pushed = await this.client.push(layout, tag, repo);
    while (pushed.code !== 0 && Date.now() - started < 30_000) {
      await new Promise((r) => setTimeout(r, 500));
      pushed = await this.client.push(layout, tag, repo);
    }
    if (pushed.code !== 0) throw new Error(`seeding the upstream failed:\n${pushed.output}`);
  }

  /** Removes the container (with its anonymous volume), the network and the temporary files. */
  public async stop(): Promise<void> {
    this.client.close();
    await this.remove();
    rmSync(this.confDir, { recursive: true, force: true });
  }

  private async remove(): Promise<void> {
    await removeQuietly('container', MIRROR_UPSTREAM);
    await removeQuietly('network', MIRROR_UPSTREAM_NET);
  }
}
