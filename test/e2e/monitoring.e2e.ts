// `monitoring` for real: a secure registry with Prometheus, Alertmanager and node-exporter on a
// monitoring network (Grafana is not run: no image here). Prometheus scrapes every target, every
// metric a rule or the dashboard reads exists in the live series, the registry's metrics port is
// unreachable from the host, and stopping the registry fires RegistryDown, which Alertmanager
// delivers to a webhook receiver on the monitoring network; starting it resolves the alert.
import { registryAlertRules, REGISTRY_DATA_MOUNTPOINT, resolveMonitoring } from '../../lib/model';
import { REGISTRY_DASHBOARD_PANELS } from '../../lib/render';
import { get } from '../helpers/net';
import { docker } from './harness';
import { ALERT_RECEIVER } from './names';
import { StackRun } from './stack-run';

const run = new StackRun({
  stack: 'monitoring',
  services: 4,
  keptVolumes: ['monitoring-alertmanager-data', 'monitoring-prometheus-data', 'monitoring-registry-data'],
});
const PROMETHEUS = 'http://127.0.0.1:9090';

/** Prometheus' API answer's `data`. */
async function prom<T>(path: string): Promise<T> {
  const r = await get(`${PROMETHEUS}${path}`);
  if (r.status !== 200) throw new Error(`${path}: HTTP ${r.status} ${r.body}`);
  return (JSON.parse(r.body) as { data: T }).data;
}

/** Polls `check` every second until it returns a value, at most `ms`. */
async function until<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (let i = 0; Date.now() < end && i < 600; i++) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`timed out waiting for ${what}${last !== undefined ? `: ${String(last)}` : ''}`);
}

async function receiverLog(): Promise<string> {
  return docker(['exec', ALERT_RECEIVER.name, 'cat', '/tmp/hooks.log']).catch(() => '');
}

async function removeReceiver(): Promise<void> {
  await docker(['rm', '-f', ALERT_RECEIVER.name]).catch(() => undefined);
}

beforeAll(async () => {
  await removeReceiver();
  await run.setup();
});
afterAll(async () => {
  await removeReceiver();
  await run.teardown();
});

test('deploys: registry, Prometheus, Alertmanager and node-exporter healthy, read-only roots', () =>
  run.deploy('deploy'));

test('a webhook receiver joins the monitoring network', async () => {
  const hook = [
    '#!/bin/sh',
    'echo "Content-Type: text/plain"',
    'echo',
    'head -c "$CONTENT_LENGTH" >> /tmp/hooks.log',
    'echo >> /tmp/hooks.log',
  ].join('\n');
  await docker([
    'run',
    '-d',
    '--name',
    ALERT_RECEIVER.name,
    '--network',
    'monitoring-monitoring',
    '--memory',
    '64m',
    '--entrypoint',
    '/bin/busybox',
    'prom/node-exporter:v1.5.0',
    'sh',
    '-c',
    `mkdir -p /tmp/www/cgi-bin && printf '%s\\n' '${hook.replace(/'/g, `'"'"'`)}' > /tmp/www/cgi-bin/hook && ` +
      'chmod 0755 /tmp/www/cgi-bin/hook && touch /tmp/hooks.log && exec /bin/busybox httpd -f -p 9000 -h /tmp/www',
  ]);
  await until('the receiver to record a test post', 20_000, async () => {
    await docker([
      'exec',
      ALERT_RECEIVER.name,
      'wget',
      '-q',
      '-O',
      '/dev/null',
      '--post-data',
      '{"probe":1}',
      'http://127.0.0.1:9000/cgi-bin/hook',
    ]);
    return (await receiverLog()).includes('{"probe":1}') ? true : undefined;
  });
  await docker(['exec', ALERT_RECEIVER.name, 'sh', '-c', ': > /tmp/hooks.log']);
});

test('a push through the registry gives it request metrics', async () => {
  const skopeo = run.skopeo('localhost:5450', 'admin');
  const push = await skopeo.push(skopeo.image('v1'), 'v1', 'e2e/monitored');
  expect(push.code).toBe(0);
  expect((await skopeo.pull('e2e/monitored', 'v1')).code).toBe(0);
});

test('every Prometheus target is up', async () => {
  const targets = await until('every target up', 60_000, async () => {
    const t = await prom<{ activeTargets: { labels: { job: string }; health: string }[] }>('/api/v1/targets');
    return t.activeTargets.length >= 4 && t.activeTargets.every((x) => x.health === 'up')
      ? t.activeTargets
      : undefined;
  });
  expect(targets.map((t) => t.labels.job).sort()).toEqual(['alertmanager', 'node', 'prometheus', 'registry']);
});

test('every metric a rule or a dashboard panel reads is in the live series', async () => {
  const spec = resolveMonitoring('m', {});
  const rules = registryAlertRules(spec.alerts, {
    registryVersion: 2,
    dataMountpoint: REGISTRY_DATA_MOUNTPOINT,
    redis: false,
    notifications: false,
  });
  const wanted = [
    ...new Set([...rules.flatMap((r) => r.metrics), ...REGISTRY_DASHBOARD_PANELS.flatMap((p) => p.metrics)]),
  ].sort();
  const names = await until('the metrics', 60_000, async () => {
    const live = new Set(await prom<string[]>('/api/v1/label/__name__/values'));
    return wanted.every((m) => live.has(m)) ? live : undefined;
  }).catch(async (e: unknown) => {
    const live = new Set(await prom<string[]>('/api/v1/label/__name__/values'));
    throw new Error(`missing: ${wanted.filter((m) => !live.has(m)).join(', ')} (${String(e)})`);
  });
  expect(wanted.filter((m) => !names.has(m))).toEqual([]);
  // The free-space metric is reported for the data volume's mount point itself.
  const avail = await prom<{ result: unknown[] }>(
    `/api/v1/query?query=${encodeURIComponent(`node_filesystem_avail_bytes{mountpoint="${REGISTRY_DATA_MOUNTPOINT}"}`)}`,
  );
  expect(avail.result.length).toBe(1);
});

test("the registry's metrics port is not reachable from the host", async () => {
  await expect(get('http://127.0.0.1:5001/metrics')).rejects.toThrow();
  const ports = await docker(['port', 'monitoring-registry']);
  expect(ports).not.toMatch(/5001/);
  expect(ports).toMatch(/^5000\/tcp -> 127\.0\.0\.1:5450$/m);
});

test('the plan after deploy is empty', () => run.expectNoChanges('diff'));

test('the registry stopped: RegistryDown fires and reaches the webhook; started again: resolved', async () => {
  await docker(['stop', 'monitoring-registry']);
  const firing = await until('RegistryDown delivered as firing', 120_000, async () => {
    const log = await receiverLog();
    return /"status":"firing"/.test(log) && /"alertname":"RegistryDown"/.test(log) ? log : undefined;
  });
  expect(firing).toMatch(/"severity":"critical"/);
  await docker(['start', 'monitoring-registry']);
  await until('RegistryDown delivered as resolved', 120_000, async () => {
    const log = await receiverLog();
    return /"status":"resolved"/.test(log) ? log : undefined;
  });
});

test('destroy leaves no container or network, only the kept volumes', async () => {
  await removeReceiver();
  await run.destroy('destroy');
});
