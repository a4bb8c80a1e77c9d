// `ha` for real: nginx (TLS) over three registry replicas sharing storage and a Redis cache. Images
// go through the load balancer with skopeo; a replica container is killed during 200 pulls; Redis
// is stopped; the next `cdktf deploy` brings both back.
import { pool } from '../helpers/lab';
import { withDownloadRetry } from '../helpers/retry';
import { docker, Skopeo } from './clients';
import { containersOf, run as exec } from './harness';
import { StackRun } from './stack-run';

const run = new StackRun({
  stack: 'ha',
  services: 6, // 3 replicas, Redis, nginx, UI
  keptVolumes: ['ha-registry-data'],
  writableRoot: ['ha-ui'],
});
const images: { repo: string; tag: string; layout: string; digest: string }[] = [];

/** skopeo through the load balancer with this deploy's CA and the admin user. */
const client = (): Skopeo => run.skopeo('localhost:6443', 'admin');

/** Pulls each image back and compares its manifest digest; resolves to the failures. */
async function pullAll(s: Skopeo, list = images, retries = 0): Promise<string[]> {
  const results = await pool(
    4,
    list.map((img) => async () => {
      const r = await s.pull(img.repo, img.tag, retries);
      if (r.code !== 0) return `${img.repo}:${img.tag}: ${r.output.trim().split('\n').pop()}`;
      const got = Skopeo.layoutDigest(r.layout);
      return got === img.digest ? '' : `${img.repo}:${img.tag}: digest ${got}, pushed ${img.digest}`;
    }),
  );
  return results.filter((r) => r !== '');
}

/** Pushes `n` new images; resolves to the failures. */
async function pushNew(s: Skopeo, n: number, prefix: string): Promise<string[]> {
  const batch = Array.from({ length: n }, (_, i) => {
    const tag = `${prefix}${i}`;
    const layout = s.image(tag, 16 * 1024);
    return { repo: `e2e/ha-${i % 5}`, tag, layout, digest: Skopeo.layoutDigest(layout) };
  });
  const results = await pool(
    4,
    batch.map((img) => async () => {
      const r = await s.push(img.layout, img.tag, img.repo);
      return r.code === 0 ? '' : `${img.repo}:${img.tag}: ${r.output.trim().split('\n').pop()}`;
    }),
  );
  images.push(...batch);
  return results.filter((r) => r !== '');
}

/** A container's id. */
async function containerId(name: string): Promise<string> {
  return (await docker(['inspect', '--format', '{{.Id}}', name])).trim();
}

beforeAll(() => run.setup());
afterAll(() => run.teardown());

test('deploys three replicas, Redis, nginx and the UI, all healthy', async () => {
  await run.deploy('deploy');
  const names = (await containersOf('ha')).map((c) => c.name);
  expect(names).toEqual(
    expect.arrayContaining(['ha-lb', 'ha-redis', 'ha-registry-1', 'ha-registry-2', 'ha-registry-3', 'ha-ui']),
  );
});

test('20 images pushed through the load balancer pull back with the same digests', async () => {
  const s = client();
  expect(await pushNew(s, 20, 't')).toEqual([]);
  expect(await pullAll(s)).toEqual([]);
});

test('a replica killed with docker kill during 200 pulls: no client-visible failure', async () => {
  const s = client();
  let done = 0;
  let killed = false;
  let retried = 0;
  const failures = await pool(
    4,
    Array.from({ length: 200 }, (_, i) => async () => {
      if (!killed && done >= 40) {
        killed = true;
        await docker(['kill', 'ha-registry-2']);
      }
      const img = images[i % images.length]!;
      // nginx sends a request that failed on the dead replica to a live one; a transfer the kill
      // cut mid-body is tried again by the client, as the docker daemon does with a layer.
      const { result, attempts } = await withDownloadRetry(
        () => s.pull(img.repo, img.tag, 2),
        (r) => r.code === 0,
      );
      if (attempts > 1) retried++;
      done++;
      return result.code === 0 ? '' : `${img.repo}:${img.tag}: ${result.output.trim().split('\n').pop()}`;
    }),
  );
  console.log(
    `ha e2e failover: ${done} pulls, a replica killed after 40; ${retried} cut transfers tried again`,
  );
  expect(killed).toBe(true);
  expect(failures.filter((f) => f !== '')).toEqual([]);
  // Killed, not restarted by the engine: the container is there and stopped.
  const replica = (await containersOf('ha')).find((c) => c.name === 'ha-registry-2');
  expect(replica).toBeDefined();
  expect(replica?.status).toBe('exited');
});

test('with the Redis container stopped, push and pull go on', async () => {
  await docker(['stop', 'ha-redis']);
  const s = client();
  const before = images.length;
  expect(await pushNew(s, 2, 'noredis')).toEqual([]);
  expect(await pullAll(s, images.slice(before))).toEqual([]);
});

test('the next cdktf deploy brings the killed replica and Redis back, nginx uses it; the plan after is empty', async () => {
  const lbBefore = await containerId('ha-lb');
  await run.deploy('deploy-again');
  const state = await containersOf('ha');
  expect(state.find((c) => c.name === 'ha-registry-2')?.status).toBe('running');
  expect(state.find((c) => c.name === 'ha-redis')?.status).toBe('running');
  // nginx resolved the replicas' addresses when it started: a new replica container replaces it.
  expect(await containerId('ha-lb')).not.toBe(lbBefore);
  expect(await pullAll(client())).toEqual([]);
  const served = await exec('docker', ['logs', 'ha-registry-2'], { timeoutMs: 30_000 });
  expect(
    served.output.split('\n').filter((l) => /"GET \/v2\/e2e\/ha-\d\/manifests\//.test(l)).length,
  ).toBeGreaterThan(0);
  await run.expectNoChanges('diff');
});

test('destroy leaves no container or network, only the shared data volume', () => run.destroy('destroy'));

test('deployed again, every image pulls through the load balancer', async () => {
  await run.deploy('redeploy');
  expect(await pullAll(client())).toEqual([]);
  await run.expectNoChanges('rediff');
});
