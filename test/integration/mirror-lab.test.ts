/* eslint-disable @typescript-eslint/no-explicit-any -- expvar JSON is walked freely */
/**
 * The mirror's rendered config.yml with the real registry programs: an upstream registry process,
 * a pull-through mirror in front of it (TLS + htpasswd, as the mirror stack renders it), skopeo as
 * the client. Processes stand in for containers (no Terraform deploy is possible here).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegistryVersion } from '../../lib/model';
import { Lab } from '../helpers/lab';
import { get, waitFor } from '../helpers/net';
import { makeOciImage } from '../helpers/oci';

jest.setTimeout(120000);

/** The config and layer blobs (digest, size) of the one image in an OCI layout. */
function imageBlobs(layout: string): { digest: string; size: number }[] {
  const blob = (digest: string): string =>
    readFileSync(join(layout, 'blobs', 'sha256', digest.replace(/^sha256:/, '')), 'utf8');
  const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as {
    manifests: { digest: string }[];
  };
  const manifest = JSON.parse(blob(index.manifests[0]!.digest)) as {
    config: { digest: string; size: number };
    layers: { digest: string; size: number }[];
  };
  return [manifest.config, ...manifest.layers];
}

describe.each([2, 3] as const)('mirror with registry %i.x (real programs)', (version: RegistryVersion) => {
  const lab = new Lab();
  const work = mkdtempSync(join(tmpdir(), 'mirror-'));
  afterAll(async () => {
    await lab.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('first pull goes upstream, the second is served from the cache; pushes are refused', async () => {
    const upstreamStorage = join(work, 'upstream');
    const mirrorStorage = join(work, 'mirror');
    mkdirSync(upstreamStorage);
    mkdirSync(mirrorStorage);
    const upstream = await lab.registry(2, {}, undefined, upstreamStorage);
    const upstreamRef = `127.0.0.1:${upstream.port}/library/tool:1.0`;
    makeOciImage(join(work, 'img'), 'v1', 8192);
    const seeded = await lab.skopeo([
      'copy',
      '--dest-tls-verify=false',
      `oci:${join(work, 'img')}:v1`,
      `docker://${upstreamRef}`,
    ]);
    expect(seeded.output).toMatch(/Writing manifest/);

    const mirror = await lab.registry(
      version,
      {
        auth: { type: 'htpasswd' },
        http: { tls: {} },
        proxy: { remoteUrl: `http://127.0.0.1:${upstream.port}`, ...(version === 3 ? { ttl: '24h' } : {}) },
      },
      undefined,
      mirrorStorage,
    );
    const mirrorRef = `localhost:${mirror.port}/library/tool:1.0`;
    const blobGets = (): number =>
      (upstream.output().match(/"GET \/v2\/library\/tool\/blobs\/sha256:/g) ?? []).length;

    const first = await lab.pull(mirrorRef, join(work, 'first'), 'v1');
    expect(first.output).toMatch(/Writing manifest/);
    expect(blobGets()).toBeGreaterThan(0);
    // The mirror stores what it streamed in the background: wait (bounded) until every blob of
    // the image is in its storage, or a second pull would race it to the upstream.
    await waitFor('the mirror to store the blobs it served', 20000, async () =>
      imageBlobs(join(work, 'img')).every(({ digest, size }) => {
        const hex = digest.replace(/^sha256:/, '');
        const data = join(mirrorStorage, 'docker/registry/v2/blobs/sha256', hex.slice(0, 2), hex, 'data');
        return existsSync(data) && statSync(data).size === size;
      }),
    );
    // The upstream logs a request when it has answered it: count once the count stops moving
    // (bounded), so that a line written just after the first pull is not taken for the second's.
    let afterFirst = blobGets();
    await waitFor('the upstream log to settle', 5000, async () => {
      await new Promise((r) => setTimeout(r, 500));
      const now = blobGets();
      const settled = now === afterFirst;
      afterFirst = now;
      return settled;
    });

    const second = await lab.pull(mirrorRef, join(work, 'second'), 'v1');
    expect(second.output).toMatch(/Writing manifest/);
    expect(blobGets()).toBe(afterFirst);

    if (version === 3) {
      // 3.x: Prometheus counters on the debug port.
      const metrics = (await get(`http://127.0.0.1:${mirror.debugPort}/metrics`)).body;
      const counter = (name: string): number =>
        Number(/ (\d+)$/.exec(metrics.split('\n').find((l) => l.startsWith(name)) ?? '')?.[1] ?? NaN);
      expect(counter('registry_proxy_hits_total{type="blob"}')).toBeGreaterThan(0);
      expect(counter('registry_proxy_misses_total{type="blob"}')).toBeGreaterThan(0);
    } else {
      // 2.x: counters as expvar on /debug/vars (2.8 counts blob fetches as hits; the upstream
      // access log above is what shows the second pull stayed local).
      const vars = JSON.parse((await get(`http://127.0.0.1:${mirror.debugPort}/debug/vars`)).body) as Record<
        string,
        any
      >;
      console.log(`mirror 2.x /debug/vars proxy: ${JSON.stringify(vars.registry?.proxy ?? vars.proxy)}`);
      const proxy = vars.registry?.proxy ?? vars.proxy;
      expect(proxy.blobs.Requests).toBeGreaterThan(0);
      expect(proxy.manifests.Misses).toBeGreaterThan(0);
      expect(proxy.manifests.Hits).toBeGreaterThan(0);
    }

    makeOciImage(join(work, 'mine'), 'mine', 1024);
    const push = await lab.push(join(work, 'mine'), 'mine', `localhost:${mirror.port}/library/mine:1`);
    expect(push.ok).toBe(false);
    expect(push.output).toMatch(/unsupported|405|not supported|denied/i);
  });
});
