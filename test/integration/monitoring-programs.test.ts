/**
 * The real Prometheus and Alertmanager tools with every rendered monitoring file: `promtool check
 * config` and `promtool check rules` for every variant, `amtool check-config` for every
 * alertmanager.yml, and a `promtool test rules` unit test for every alert that shows it firing on
 * synthetic series and staying quiet on healthy ones.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import {
  AlertRule,
  MonitoredPlatform,
  registryAlertRules,
  resolveMonitoring,
  MonitoringSpec,
} from '../../lib/model';
import { alertmanagerPlan, prometheusPlan } from '../../lib/plans';
import { filled, testSecret } from '../helpers/secrets';

const PLATFORMS: MonitoredPlatform[] = [
  { registryVersion: 2, dataMountpoint: '/registry-data', redis: false, notifications: false },
  { registryVersion: 2, dataMountpoint: '/registry-data', redis: true, notifications: true },
  { registryVersion: 3, dataMountpoint: '/registry-data', redis: true, notifications: true },
];
const SPECS: MonitoringSpec[] = [
  {},
  {
    scrapeInterval: '5s',
    evaluationInterval: '5s',
    retentionTime: '2w',
    alerts: { registryDownFor: '10s', errorRatio: 0.2, latencyP99Seconds: 0.5, diskFreeRatio: 0.25 },
    webhooks: [
      { name: 'ops', url: 'http://hooks.lab:9000/alerts' },
      { name: 'pager', url: 'https://pager.lab/hook', severities: ['critical'] },
    ],
    smtp: {
      smarthost: 'mail.lab:587',
      from: 'registry@lab',
      to: 'ops@lab',
      username: 'bot',
      password: testSecret('p@ss "x"'),
    },
    groupWait: '1s',
    groupInterval: '10s',
    repeatInterval: '1h',
  },
];

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Writes a plan's files under `dir` (their absolute paths rewritten under it) and returns the dir. */
function writePlanFiles(
  dir: string,
  files: readonly { path: string; content: string; secrets?: unknown }[],
  from: string,
): void {
  for (const f of files) {
    const target = join(dir, f.path.slice(from.length));
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(
      target,
      filled(f as never)
        .split(from)
        .join(dir),
    );
  }
}

describe.each(SPECS.map((s, i) => [i, s] as const))('monitoring spec variant %i', (_i, given) => {
  const spec = resolveMonitoring('monitoring', given);

  test.each(
    PLATFORMS.map(
      (p) =>
        [`registry ${p.registryVersion}, redis ${p.redis}, notifications ${p.notifications}`, p] as const,
    ),
  )('promtool accepts prometheus.yml and the rules (%s)', (_name, platform) => {
    const dir = mkdtempSync(join(tmpdir(), 'prom-'));
    const plan = prometheusPlan({
      name: 'p',
      spec,
      platform,
      registries: ['registry-1:5001', 'registry-2:5001'],
      node: 'node-exporter:9100',
      alertmanager: 'alertmanager:9093',
      ...(platform.redis ? { redisExporter: 'redis-exporter:9121' } : {}),
      dataVolumeName: 'p-data',
    });
    writePlanFiles(dir, plan.files, '/etc/prometheus');
    expect(run('promtool', ['check', 'config', join(dir, 'prometheus.yml')])).toMatch(/SUCCESS/);
    const rules = registryAlertRules(spec.alerts, platform);
    expect(run('promtool', ['check', 'rules', join(dir, 'rules', 'registry.rules.yml')])).toMatch(
      new RegExp(`SUCCESS: ${rules.length} rules found`),
    );
  });

  test('amtool accepts alertmanager.yml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'am-'));
    const plan = alertmanagerPlan({ name: 'a', spec, dataVolumeName: 'a-data' });
    writePlanFiles(dir, plan.files, '/etc/alertmanager');
    expect(run('amtool', ['check-config', join(dir, 'alertmanager.yml')])).toMatch(/SUCCESS/);
  });
});

/** A unit test case: the input series and the labels the alert carries when it fires. */
interface AlertCase {
  readonly firing: { series: string; values: string }[];
  readonly quiet: { series: string; values: string }[];
  readonly labels: Record<string, string>;
}

const R = 'job="registry",instance="registry-1:5001"';
/** One case per alert: every alert must have one (the test below fails for a missing one). */
const CASES: Record<string, AlertCase> = {
  RegistryDown: {
    firing: [{ series: `up{${R}}`, values: '0x40' }],
    quiet: [{ series: `up{${R}}`, values: '1x40' }],
    labels: { job: 'registry', instance: 'registry-1:5001' },
  },
  RegistryHighErrorRatio: {
    firing: [
      {
        series: `registry_http_requests_total{${R},code="500",handler="blob",method="GET"}`,
        values: '0+10x40',
      },
      {
        series: `registry_http_requests_total{${R},code="200",handler="blob",method="GET"}`,
        values: '0+10x40',
      },
    ],
    quiet: [
      { series: `registry_http_requests_total{${R},code="500",handler="blob",method="GET"}`, values: '0x40' },
      {
        series: `registry_http_requests_total{${R},code="200",handler="blob",method="GET"}`,
        values: '0+10x40',
      },
    ],
    labels: { instance: 'registry-1:5001' },
  },
  RegistrySlowRequests: {
    firing: [
      {
        series: `registry_http_request_duration_seconds_bucket{${R},handler="blob",method="GET",le="1"}`,
        values: '0x40',
      },
      {
        series: `registry_http_request_duration_seconds_bucket{${R},handler="blob",method="GET",le="60"}`,
        values: '0+10x40',
      },
      {
        series: `registry_http_request_duration_seconds_bucket{${R},handler="blob",method="GET",le="+Inf"}`,
        values: '0+10x40',
      },
    ],
    quiet: [
      {
        series: `registry_http_request_duration_seconds_bucket{${R},handler="blob",method="GET",le="1"}`,
        values: '0+10x40',
      },
      {
        series: `registry_http_request_duration_seconds_bucket{${R},handler="blob",method="GET",le="60"}`,
        values: '0+10x40',
      },
      {
        series: `registry_http_request_duration_seconds_bucket{${R},handler="blob",method="GET",le="+Inf"}`,
        values: '0+10x40',
      },
    ],
    labels: { instance: 'registry-1:5001' },
  },
  RegistryStorageLow: {
    firing: [
      {
        series:
          'node_filesystem_avail_bytes{job="node",instance="node-exporter:9100",mountpoint="/registry-data"}',
        values: '5x40',
      },
      {
        series:
          'node_filesystem_size_bytes{job="node",instance="node-exporter:9100",mountpoint="/registry-data"}',
        values: '100x40',
      },
    ],
    quiet: [
      {
        series:
          'node_filesystem_avail_bytes{job="node",instance="node-exporter:9100",mountpoint="/registry-data"}',
        values: '50x40',
      },
      {
        series:
          'node_filesystem_size_bytes{job="node",instance="node-exporter:9100",mountpoint="/registry-data"}',
        values: '100x40',
      },
      // Another filesystem nearly full does not count.
      {
        series: 'node_filesystem_avail_bytes{job="node",instance="node-exporter:9100",mountpoint="/"}',
        values: '1x40',
      },
      {
        series: 'node_filesystem_size_bytes{job="node",instance="node-exporter:9100",mountpoint="/"}',
        values: '100x40',
      },
    ],
    labels: { job: 'node', instance: 'node-exporter:9100', mountpoint: '/registry-data' },
  },
  RedisDown: {
    firing: [
      { series: 'redis_up{job="redis",instance="redis-exporter:9121"}', values: '0x40' },
      { series: 'up{job="redis",instance="redis-exporter:9121"}', values: '1x40' },
    ],
    quiet: [
      { series: 'redis_up{job="redis",instance="redis-exporter:9121"}', values: '1x40' },
      { series: 'up{job="redis",instance="redis-exporter:9121"}', values: '1x40' },
    ],
    labels: { job: 'redis', instance: 'redis-exporter:9121' },
  },
  RegistryNotificationsFailing: {
    firing: [
      {
        series: `registry_notifications_events_total{${R},endpoint="hook",type="Failures"}`,
        values: '0+1x40',
      },
    ],
    quiet: [
      { series: `registry_notifications_events_total{${R},endpoint="hook",type="Failures"}`, values: '0x40' },
      {
        series: `registry_notifications_events_total{${R},endpoint="hook",type="Successes"}`,
        values: '0+1x40',
      },
    ],
    labels: { instance: 'registry-1:5001', endpoint: 'hook' },
  },
};

function expand(text: string, labels: Record<string, string>): string {
  return text.replace(/\{\{ \$labels\.(\w+) \}\}/g, (_m, k: string) => labels[k] ?? '');
}

describe('promtool test rules: every alert fires on its symptom and stays quiet without it', () => {
  const spec = resolveMonitoring('monitoring', {});
  const all: AlertRule[] = registryAlertRules(spec.alerts, PLATFORMS[2]!);

  test('every alert has a case', () => {
    expect(all.map((r) => r.alert).sort()).toEqual(Object.keys(CASES).sort());
  });

  test.each(all.map((r) => [r.alert, r] as const))('%s', (_name, rule) => {
    const dir = mkdtempSync(join(tmpdir(), 'promtest-'));
    const plan = prometheusPlan({
      name: 'p',
      spec,
      platform: PLATFORMS[2]!,
      registries: ['registry-1:5001'],
      node: 'node-exporter:9100',
      alertmanager: 'alertmanager:9093',
      redisExporter: 'redis-exporter:9121',
      dataVolumeName: 'p-data',
    });
    writePlanFiles(dir, plan.files, '/etc/prometheus');
    const c = CASES[rule.alert]!;
    const labels = { ...c.labels, severity: rule.severity };
    const evalTime = '30m';
    const tests = {
      rule_files: [join(dir, 'rules', 'registry.rules.yml')],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: c.firing,
          alert_rule_test: [
            {
              eval_time: evalTime,
              alertname: rule.alert,
              exp_alerts: [
                {
                  exp_labels: labels,
                  exp_annotations: { summary: rule.summary, description: expand(rule.description, labels) },
                },
              ],
            },
          ],
        },
        {
          interval: '1m',
          input_series: c.quiet,
          alert_rule_test: [{ eval_time: evalTime, alertname: rule.alert, exp_alerts: [] }],
        },
      ],
    };
    const file = join(dir, 'test.yml');
    writeFileSync(file, stringify(tests));
    expect(run('promtool', ['test', 'rules', file])).toMatch(/SUCCESS/);
  });
});
