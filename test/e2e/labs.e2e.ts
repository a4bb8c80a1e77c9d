// A class for real: three labs, a stack each (`class-ana`, `class-ben`, `class-cy`), deployed with
// one `cdktf deploy 'class-*'`. Each student's generated credentials work on their own registry
// only (a real registry answering real logins, and skopeo pushing), the plan after the deploy is
// empty, and destroying one lab leaves the others running and usable.
import { get } from '../helpers/net';
import { Skopeo } from './clients';
import { Cdktf, cleanSlate, containersOf, objectsOf, OUT, waitHealthy } from './harness';
import { CLASS } from './names';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const cdktf = new Cdktf();
const STUDENTS = CLASS.students;
const stack = (s: string): string => `${CLASS.id}-${s}`;
const PORTS: Record<string, number> = { ana: 21000, ben: 21001, cy: 21002 };
let outputs: Record<string, Record<string, unknown>> = {};
const clients: Skopeo[] = [];
const measures: { what: string; seconds: number }[] = [];

const out = (s: string) => outputs[stack(s)] ?? {};
const password = (s: string): string => {
  const p = (out(s).credentials as Record<string, string> | undefined)?.[s];
  if (typeof p !== 'string' || p.length < 24) throw new Error(`no generated password for ${s}`);
  return p;
};
const ca = (s: string): string => out(s).ca_certificate as string;
/** GET /v2/ on `lab`'s registry as `student`: the registry's own answer to that login. */
const login = async (lab: string, student: string): Promise<number> =>
  (
    await get(`https://localhost:${PORTS[lab]}/v2/`, {
      ca: ca(lab),
      auth: { user: student, password: password(student) },
    })
  ).status;
/** skopeo on `lab`'s registry with `student`'s credentials. */
const skopeo = (lab: string, student: string): Skopeo => {
  const c = new Skopeo({
    host: `localhost:${PORTS[lab]}`,
    ca: ca(lab),
    user: student,
    password: password(student),
  });
  clients.push(c);
  return c;
};

beforeAll(async () => {
  await cdktf.synth();
  for (const s of STUDENTS) await cleanSlate(cdktf, stack(s));
});
afterAll(async () => {
  for (const c of clients) c.close();
  try {
    for (const s of STUDENTS) await cleanSlate(cdktf, stack(s));
  } finally {
    writeFileSync(join(OUT, 'measures-labs.json'), JSON.stringify({ measures }, null, 2));
  }
});

test("one `cdktf deploy 'class-*'` deploys the three labs, each healthy on its own block of ports", async () => {
  const started = Date.now();
  outputs = await cdktf.deployMatching(`${CLASS.id}-*`, 'class-deploy');
  for (const s of STUDENTS) await waitHealthy(stack(s), 1);
  measures.push({ what: '3 labs: cdktf deploy to all healthy', seconds: (Date.now() - started) / 1000 });
  expect(Object.keys(outputs).sort()).toEqual(STUDENTS.map(stack));
  for (const s of STUDENTS) {
    expect(out(s).registry_url).toBe(`https://localhost:${PORTS[s]}`);
    expect((await containersOf(stack(s))).map((c) => c.name).sort()).toEqual([
      `${stack(s)}-registry`,
      `${stack(s)}-registry-config`,
    ]);
  }
});

test("each student's credentials open their own registry and no other", async () => {
  const seen: string[] = [];
  for (const lab of STUDENTS) {
    for (const student of STUDENTS) seen.push(`${student}@${lab}: ${await login(lab, student)}`);
  }
  expect(seen).toEqual(
    STUDENTS.flatMap((lab) => STUDENTS.map((student) => `${student}@${lab}: ${student === lab ? 200 : 401}`)),
  );
});

test('a student pushes to their own registry; the same push to a neighbour is refused', async () => {
  const own = skopeo('ana', 'ana');
  const layout = own.image('v1');
  const push = await own.push(layout, 'v1', 'ana/app');
  expect(push.code).toBe(0);
  expect(await own.tags('ana/app')).toEqual(['v1']);
  const neighbour = skopeo('ben', 'ana');
  const refused = await neighbour.push(neighbour.image('v1'), 'v1', 'ana/app');
  expect(refused.code).not.toBe(0);
  expect(refused.output).toMatch(/unauthorized|authentication required|401/i);
});

test('the plan after the deploy is empty for a lab', async () => {
  await cdktf.expectNoChanges(stack('cy'), 'class-cy-diff');
});

test("destroying one lab leaves the others running and usable; its images' volume is kept", async () => {
  const started = Date.now();
  await cdktf.destroy(stack('ben'), 'class-ben-destroy');
  measures.push({ what: 'one lab: cdktf destroy', seconds: (Date.now() - started) / 1000 });
  expect(await containersOf(stack('ben'))).toEqual([]);
  expect(await objectsOf('network', stack('ben'))).toEqual([]);
  expect(await objectsOf('volume', stack('ben'))).toEqual([`${stack('ben')}-registry-data`]);
  for (const s of ['ana', 'cy']) {
    const running = await containersOf(stack(s));
    expect(running.find((c) => c.name === `${stack(s)}-registry`)).toMatchObject({
      status: 'running',
      health: 'healthy',
    });
    expect(await login(s, s)).toBe(200);
  }
  expect(await skopeo('ana', 'ana').tags('ana/app')).toEqual(['v1']);
});
