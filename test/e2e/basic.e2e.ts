// `basic` for real: one registry, no TLS and no auth, on 127.0.0.1:5000.
import { get } from '../helpers/net';
import { Skopeo } from './clients';
import { StackRun } from './stack-run';

const run = new StackRun({ stack: 'basic', services: 1, keptVolumes: ['basic-registry-data'] });
const skopeo = new Skopeo({ host: 'localhost:5000' });
const layout = skopeo.image('v1');
const digest = Skopeo.layoutDigest(layout);

beforeAll(() => run.setup());
afterAll(async () => {
  skopeo.close();
  await run.teardown();
});

test('deploys and becomes healthy, with a read-only root', () => run.deploy('deploy'));

test('skopeo pushes and pulls back the same image; the catalog lists it', async () => {
  const push = await skopeo.push(layout, 'v1', 'e2e/basic');
  expect(push.output).not.toMatch(/error/i);
  expect(push.code).toBe(0);
  const pull = await skopeo.pull('e2e/basic', 'v1');
  expect(pull.code).toBe(0);
  expect(Skopeo.layoutDigest(pull.layout)).toBe(digest);
  const catalog = await get('http://127.0.0.1:5000/v2/_catalog');
  expect(catalog.status).toBe(200);
  expect(JSON.parse(catalog.body)).toEqual({ repositories: ['e2e/basic'] });
});

test('the debug/metrics port is not published', async () => {
  await expect(get('http://127.0.0.1:5001/debug/health')).rejects.toThrow();
});

test('the plan after deploy is empty', () => run.expectNoChanges('diff'));

test('destroy leaves no container or network, only the data volume', () => run.destroy('destroy'));

test('deployed again, the pushed image is still there', async () => {
  await run.deploy('redeploy');
  const pull = await skopeo.pull('e2e/basic', 'v1');
  expect(pull.code).toBe(0);
  expect(Skopeo.layoutDigest(pull.layout)).toBe(digest);
  await run.expectNoChanges('rediff');
});
