/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized JSON is walked freely in tests */
import { Testing, TerraformStack } from 'cdktf';
import { parse } from 'yaml';
import { configureProviders, HaRegistry, TokenRegistry } from '../../lib';
import { REGISTRY_DASHBOARD_PANELS } from '../../lib/render';
import { MonitoringStack } from '../../stacks';
import { containerByName, TfJson, uploadOf, uploadsOf } from '../helpers/synth';

const tf = JSON.parse(Testing.synth(new MonitoringStack(Testing.app(), 'monitoring'))) as TfJson;
const networkNames = (c: any): string[] =>
  (c.networks_advanced as { name: string }[]).map((n) => n.name).sort();

describe('monitoring stack', () => {
  test('the registry joins the monitoring network; its metrics port is never published', () => {
    const r = containerByName(tf, 'monitoring-registry');
    expect(networkNames(r)).toEqual([
      '${docker_network.monitoring-network_59E01C20.name}',
      '${docker_network.network_C8AC2FB3.name}',
    ]);
    expect(r.ports).toEqual([{ internal: 5000, external: 5450, ip: '127.0.0.1', protocol: 'tcp' }]);
    expect(
      parse(uploadOf(tf, 'monitoring-registry', '/etc/docker/registry/config.yml').content).http.debug,
    ).toEqual({
      addr: ':5001',
      prometheus: { enabled: true, path: '/metrics' },
    });
  });

  test('Prometheus, Alertmanager and node-exporter live on the monitoring network only; Prometheus and Grafana are published on 127.0.0.1', () => {
    for (const name of [
      'monitoring-prometheus',
      'monitoring-alertmanager',
      'monitoring-node-exporter',
      'monitoring-grafana',
    ]) {
      expect(networkNames(containerByName(tf, name))).toEqual([
        '${docker_network.monitoring-network_59E01C20.name}',
      ]);
    }
    expect(containerByName(tf, 'monitoring-prometheus').ports).toEqual([
      { internal: 9090, external: 9090, ip: '127.0.0.1', protocol: 'tcp' },
    ]);
    expect(containerByName(tf, 'monitoring-grafana').ports).toEqual([
      { internal: 3000, external: 3000, ip: '127.0.0.1', protocol: 'tcp' },
    ]);
    expect(containerByName(tf, 'monitoring-alertmanager').ports).toBeUndefined();
    expect(containerByName(tf, 'monitoring-node-exporter').ports).toBeUndefined();
  });

  test('node-exporter sees the data volume read-only at /registry-data', () => {
    expect(containerByName(tf, 'monitoring-node-exporter').volumes).toEqual([
      { volume_name: 'monitoring-registry-data', container_path: '/registry-data', read_only: true },
    ]);
  });

  test('Prometheus scrapes the registry debug port, node-exporter, Alertmanager and itself', () => {
    const cfg = parse(uploadOf(tf, 'monitoring-prometheus', '/etc/prometheus/prometheus.yml').content);
    expect(cfg.scrape_configs.map((j: any) => [j.job_name, j.static_configs[0].targets])).toEqual([
      ['registry', ['registry:5001']],
      ['node', ['node-exporter:9100']],
      ['alertmanager', ['alertmanager:9093']],
      ['prometheus', ['127.0.0.1:9090']],
    ]);
    const rules = parse(
      uploadOf(tf, 'monitoring-prometheus', '/etc/prometheus/rules/registry.rules.yml').content,
    );
    expect(rules.groups[0].rules.map((r: any) => r.alert)).toEqual([
      'RegistryDown',
      'RegistryHighErrorRatio',
      'RegistrySlowRequests',
      'RegistryStorageLow',
    ]);
    expect(JSON.stringify(rules)).not.toMatch(/registry_filesystem_free_bytes/);
  });

  test('Grafana provisioning, by schema: the data source, the provider, the dashboard', () => {
    const files = Object.fromEntries(uploadsOf(tf, 'monitoring-grafana').map((u) => [u.file, u.content]));
    const ds = parse(files['/etc/grafana/platform/provisioning/datasources/prometheus.yml']!);
    expect(ds).toEqual({
      apiVersion: 1,
      datasources: [
        {
          name: 'Prometheus',
          type: 'prometheus',
          uid: 'prometheus',
          access: 'proxy',
          url: 'http://prometheus:9090',
          isDefault: true,
          editable: false,
        },
      ],
    });
    const provider = parse(files['/etc/grafana/platform/provisioning/dashboards/registry-platform.yml']!);
    expect(provider.apiVersion).toBe(1);
    expect(provider.providers[0]).toMatchObject({
      type: 'file',
      options: { path: '/etc/grafana/platform/dashboards' },
    });
    const dash = JSON.parse(files['/etc/grafana/platform/dashboards/registry.json']!);
    expect(dash.uid).toBe('registry-platform');
    expect(dash.panels).toHaveLength(REGISTRY_DASHBOARD_PANELS.length);
    for (const panel of dash.panels) {
      expect(panel.datasource).toEqual({ type: 'prometheus', uid: 'prometheus' });
      expect(panel.targets[0].expr).toMatch(/^[a-z_(]/);
      expect(panel.gridPos.w).toBe(12);
    }
    // The admin password is a file whose content is a Terraform reference, never a value.
    expect(files['/etc/grafana/platform/secrets/admin_password']).toMatch(
      /^\$\{random_password\.monitoring_grafana_admin-password_[A-F0-9]+\.result\}$/,
    );
    const env = containerByName(tf, 'monitoring-grafana').env as string[];
    expect(env).toEqual(
      expect.arrayContaining([
        'GF_USERS_ALLOW_SIGN_UP=false',
        'GF_AUTH_ANONYMOUS_ENABLED=false',
        'GF_SECURITY_ADMIN_PASSWORD__FILE=/etc/grafana/platform/secrets/admin_password',
      ]),
    );
  });

  test('outputs: Prometheus and Grafana URLs, the Grafana password sensitive', () => {
    expect(tf.output!.prometheus_url!.value).toBe('http://127.0.0.1:9090');
    expect(tf.output!.grafana_admin_password!.sensitive).toBe(true);
  });
});

describe('monitoring added to other patterns', () => {
  test('HA: every replica scraped, Redis watched through redis_exporter on both networks', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    configureProviders(stack);
    new HaRegistry(stack, 'edge', {
      monitoring: { grafana: false },
      notifications: [{ name: 'n', url: 'http://hook.lab/' }],
    });
    const json = JSON.parse(Testing.synth(stack)) as TfJson;
    const cfg = parse(uploadOf(json, 'edge-prometheus', '/etc/prometheus/prometheus.yml').content);
    const jobs = Object.fromEntries(
      cfg.scrape_configs.map((j: any) => [j.job_name, j.static_configs[0].targets]),
    );
    expect(jobs.registry).toEqual(['registry-1:5001', 'registry-2:5001', 'registry-3:5001']);
    expect(jobs.redis).toEqual(['redis-exporter:9121']);
    const exporter = containerByName(json, 'edge-redis-exporter');
    expect(exporter.networks_advanced).toHaveLength(2);
    expect((exporter.env as string[]).find((e) => e.startsWith('REDIS_PASSWORD='))).toMatch(
      /^REDIS_PASSWORD=\$\{random_password\.edge_redis_password_[A-F0-9]+\.result\}$/,
    );
    const rules = parse(
      uploadOf(json, 'edge-prometheus', '/etc/prometheus/rules/registry.rules.yml').content,
    );
    // Registry 2.x exports no notification metrics: no rule on them.
    expect(rules.groups[0].rules.map((r: any) => r.alert)).toContain('RedisDown');
    expect(rules.groups[0].rules.map((r: any) => r.alert)).not.toContain('RegistryNotificationsFailing');
  });

  test('token on registry 3: monitoring with its outputs', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    configureProviders(stack);
    const t = new TokenRegistry(stack, 'auth', {
      registryVersion: 3,
      monitoring: { prometheusPort: 9191, grafana: false },
    });
    expect(t.outputs.prometheus_url!.value).toBe('http://127.0.0.1:9191');
    expect(t.monitoring?.prometheus).toBeDefined();
  });

  test('a bad monitoring prop names its path', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    expect(() => new TokenRegistry(stack, 'auth', { monitoring: { alerts: { errorRatio: 2 } } })).toThrow(
      /^auth\.monitoring\.alerts\.errorRatio: got 2; allowed: a number between 0 and 1/,
    );
    expect(() => new HaRegistry(stack, 'edge', { port: 9090, monitoring: {} })).toThrow(
      /^edge\.monitoring\.prometheusPort: got 9090; allowed: a port other than edge\.port \(9090\)/,
    );
    expect(
      () =>
        new HaRegistry(new TerraformStack(Testing.app(), 's'), 'edge', {
          monitoring: { scrapeInterval: '1.5s' },
        }),
    ).toThrow(/^edge\.monitoring\.scrapeInterval: got "1\.5s"/);
  });
});
