// The default app's `labs` stack for real: a class in one stack (two students, each a secure
// registry and UI) sharing a pull-through mirror of a registry the e2e runs on the same engine.
// One deploy to all healthy; each student's output opens their own registry and UI and not the
// other's; a student pulls an upstream image through the mirror with their own credentials; the
// plan after the deploy is empty; destroy leaves only the data volumes.
import { get } from '../helpers/net';
import { Skopeo } from './clients';
import { Cdktf, cleanSlate, containersOf, objectsOf, waitHealthy } from './harness';
import { LABS } from './names';
import { Upstream } from './upstream';

/** What the sensitive `student_<name>` output holds. */
interface StudentOutput {
  registry_url: string;
  ui_url: string;
  ca_certificate: string;
  user: string;
  password: string;
  mirror: { url: string; ca_certificate: string; user: string; password: string };
}

const cdktf = new Cdktf();
const upstream = new Upstream(5997);
const layout = upstream.client.image('v1', 32 * 1024);
const clients: Skopeo[] = [];
let outputs: Record<string, unknown> = {};
const student = (name: string): StudentOutput => outputs[`student_${name}`] as StudentOutput;

beforeAll(async () => {
  await cdktf.synth();
  await cleanSlate(cdktf, LABS.stack);
  await upstream.start(layout, 'v1', 'library/base');
});

afterAll(async () => {
  for (const c of clients) c.close();
  try {
    await cleanSlate(cdktf, LABS.stack);
  } finally {
    await upstream.stop();
  }
});

test('one `cdktf deploy labs`: two labs and the mirror, all healthy, each on its own ports', async () => {
  outputs = await cdktf.deploy(LABS.stack);
  // Per student a registry and a UI, and the mirror: five containers with health checks.
  await waitHealthy(LABS.stack, 5);
  expect(outputs.registry_urls).toEqual({
    dana: `https://localhost:${LABS.ports.dana.registry}`,
    eve: `https://localhost:${LABS.ports.eve.registry}`,
  });
  expect(outputs.mirror_url).toBe(`https://localhost:${LABS.ports.mirror}`);
  for (const name of LABS.students) {
    expect(student(name).user).toBe(name);
    expect(student(name).password.length).toBeGreaterThanOrEqual(24);
    expect(student(name).mirror.password).not.toBe(student(name).password);
  }
});

test("each student's output opens their own registry and UI, not the other's", async () => {
  const seen: string[] = [];
  for (const lab of LABS.students) {
    for (const who of LABS.students) {
      const r = await get(`${student(lab).registry_url}/v2/`, {
        ca: student(lab).ca_certificate,
        auth: { user: who, password: student(who).password },
      });
      seen.push(`${who}@${lab}: ${r.status}`);
    }
    const ui = await get(student(lab).ui_url, { ca: student(lab).ca_certificate });
    expect([lab, ui.status]).toEqual([lab, 200]);
  }
  expect(seen).toEqual(['dana@dana: 200', 'eve@dana: 401', 'dana@eve: 401', 'eve@eve: 200']);
});

test('a student pulls an upstream image through the shared mirror with their own mirror credentials', async () => {
  const m = student('eve').mirror;
  const mirror = new Skopeo({
    host: m.url.replace('https://', ''),
    ca: m.ca_certificate,
    user: m.user,
    password: m.password,
  });
  clients.push(mirror);
  expect(await mirror.digest('library/base', 'v1')).toBe(Skopeo.layoutDigest(layout));
  expect((await mirror.pull('library/base', 'v1')).code).toBe(0);
  const stranger = new Skopeo({
    host: m.url.replace('https://', ''),
    ca: m.ca_certificate,
    user: 'eve',
    password: student('dana').mirror.password,
  });
  clients.push(stranger);
  await expect(stranger.digest('library/base', 'v1')).rejects.toThrow(
    /unauthorized|authentication required|401/i,
  );
});

test('the plan after the deploy is empty', async () => {
  await cdktf.expectNoChanges(LABS.stack);
});

test('destroy leaves no container or network, only the data volumes', async () => {
  await cdktf.destroy(LABS.stack);
  expect(await containersOf(LABS.stack)).toEqual([]);
  expect(await objectsOf('network', LABS.stack)).toEqual([]);
  const left = await objectsOf('volume', LABS.stack);
  expect(left.length).toBe(3);
  for (const v of left) expect(v).toMatch(/-data$/);
});
