import { MonitoredPlatform, REGISTRY_DATA_MOUNTPOINT, registryAlertRules } from '../model/alert-rules';
import { ResolvedMonitoring } from '../model/monitoring';
import { ResolvedPublish } from '../model/publish';
import { SecretRef } from '../model/secret';
import { renderAlertmanagerConfig } from '../render/alertmanager-config';
import { GRAFANA_PATHS, renderGrafanaProvisioning } from '../render/grafana-provisioning';
import { renderAlertRules, renderPrometheusConfig, ScrapeJob } from '../render/prometheus-config';
import { wholeFile } from '../render/secret-slots';
import { PlannedPort, ServicePlan, TMP_TMPFS, wgetHealthCheck } from './service-plan';

/** Ports the monitoring services listen on inside their containers. */
export const MONITORING_PORTS = {
  prometheus: 9090,
  alertmanager: 9093,
  node: 9100,
  redisExporter: 9121,
  grafana: 3000,
} as const;

function published(containerPort: number, publish?: ResolvedPublish): PlannedPort[] {
  return publish ? [{ containerPort, hostPort: publish.port, bindAddress: publish.bindAddress }] : [];
}

/** What Prometheus scrapes and whom it alerts. */
export interface PrometheusPlanInput {
  readonly name: string;
  readonly spec: ResolvedMonitoring;
  readonly platform: MonitoredPlatform;
  /** `host:port` of every registry's debug listener on the monitoring network. */
  readonly registries: readonly string[];
  /** `host:port` of node-exporter, Alertmanager and redis_exporter (when there is Redis). */
  readonly node: string;
  readonly alertmanager: string;
  readonly redisExporter?: string;
  /** The data volume. */
  readonly dataVolumeName: string;
  /** Where the UI and API are published. @default not published */
  readonly publish?: ResolvedPublish;
}

/**
 * Plans Prometheus: `prometheus.yml` (a job per component: every registry replica's debug port,
 * node-exporter, redis_exporter where there is Redis, Alertmanager and Prometheus itself), the
 * alert rules, retention by time and size on the command line, samples on a named volume, the
 * image's user (nobody), a read-only root. Healthy once `/-/ready` answers.
 */
export function prometheusPlan(input: PrometheusPlanInput): ServicePlan {
  const dir = '/etc/prometheus';
  const s = input.spec;
  const rules = registryAlertRules(s.alerts, input.platform);
  const jobs: ScrapeJob[] = [
    { name: 'registry', targets: input.registries },
    { name: 'node', targets: [input.node] },
    ...(input.redisExporter !== undefined ? [{ name: 'redis', targets: [input.redisExporter] }] : []),
    { name: 'alertmanager', targets: [input.alertmanager] },
    { name: 'prometheus', targets: [`127.0.0.1:${MONITORING_PORTS.prometheus}`] },
  ];
  const config = renderPrometheusConfig(s, {
    path: `${dir}/prometheus.yml`,
    jobs,
    alertmanagers: [input.alertmanager],
    ruleFiles: [`${dir}/rules/registry.rules.yml`],
  });
  return {
    name: input.name,
    image: s.prometheusImage,
    command: [
      `--config.file=${config.path}`,
      '--storage.tsdb.path=/prometheus',
      `--storage.tsdb.retention.time=${s.retentionTime}`,
      `--storage.tsdb.retention.size=${s.retentionSizeMb}MB`,
      `--web.listen-address=:${MONITORING_PORTS.prometheus}`,
    ],
    environment: {},
    aliases: ['prometheus'],
    extraNetworks: [],
    ports: published(MONITORING_PORTS.prometheus, input.publish),
    configDir: dir,
    files: [config, renderAlertRules(`${dir}/rules/registry.rules.yml`, rules, s.evaluationInterval)],
    volumes: [{ name: input.dataVolumeName, containerPath: '/prometheus' }],
    tmpfs: TMP_TMPFS,
    rootFilesystem: { readOnly: true },
    capabilities: [],
    memoryMb: 512,
    healthCheck: wgetHealthCheck(`http://127.0.0.1:${MONITORING_PORTS.prometheus}/-/ready`, '10s'),
  };
}

/**
 * Plans Alertmanager: `alertmanager.yml` (routes by severity, webhooks, optional SMTP), its
 * silences and notification log on a named volume, clustering off (one instance), the image's
 * user, a read-only root. Healthy once `/-/ready` answers.
 */
export function alertmanagerPlan(input: {
  readonly name: string;
  readonly spec: ResolvedMonitoring;
  readonly dataVolumeName: string;
}): ServicePlan {
  const dir = '/etc/alertmanager';
  const config = renderAlertmanagerConfig(input.spec, `${dir}/alertmanager.yml`);
  return {
    name: input.name,
    image: input.spec.alertmanagerImage,
    command: [
      `--config.file=${config.path}`,
      '--storage.path=/alertmanager',
      `--web.listen-address=:${MONITORING_PORTS.alertmanager}`,
      '--cluster.listen-address=',
    ],
    environment: {},
    aliases: ['alertmanager'],
    extraNetworks: [],
    ports: [],
    configDir: dir,
    files: [config],
    volumes: [{ name: input.dataVolumeName, containerPath: '/alertmanager' }],
    tmpfs: TMP_TMPFS,
    rootFilesystem: { readOnly: true },
    capabilities: [],
    memoryMb: 128,
    healthCheck: wgetHealthCheck(`http://127.0.0.1:${MONITORING_PORTS.alertmanager}/-/ready`),
  };
}

/**
 * Plans node-exporter with the registry's data volume mounted read-only at
 * {@link REGISTRY_DATA_MOUNTPOINT}, so `node_filesystem_avail_bytes` reports the filesystem that
 * holds the images. No host namespaces, no host mounts, the image's user, a read-only root.
 */
export function nodeExporterPlan(input: {
  readonly name: string;
  readonly image: string;
  readonly dataVolumeName: string;
}): ServicePlan {
  return {
    name: input.name,
    image: input.image,
    command: [`--web.listen-address=:${MONITORING_PORTS.node}`],
    environment: {},
    aliases: ['node-exporter'],
    extraNetworks: [],
    ports: [],
    configDir: '/etc/node-exporter',
    files: [],
    volumes: [{ name: input.dataVolumeName, containerPath: REGISTRY_DATA_MOUNTPOINT, readOnly: true }],
    tmpfs: {},
    rootFilesystem: { readOnly: true },
    capabilities: [],
    memoryMb: 64,
    healthCheck: wgetHealthCheck(`http://127.0.0.1:${MONITORING_PORTS.node}/metrics`),
  };
}

/** Plans redis_exporter for the platform's Redis: its address, its password as a secret. */
export function redisExporterPlan(input: {
  readonly name: string;
  readonly image: string;
  /** `host:port` of Redis on the platform network. */
  readonly redisAddress: string;
  readonly redisPassword: SecretRef;
}): ServicePlan {
  return {
    name: input.name,
    image: input.image,
    command: [`--web.listen-address=:${MONITORING_PORTS.redisExporter}`],
    environment: { REDIS_ADDR: `redis://${input.redisAddress}` },
    secretEnvironment: { REDIS_PASSWORD: input.redisPassword },
    aliases: ['redis-exporter'],
    extraNetworks: [],
    ports: [],
    configDir: '/etc/redis-exporter',
    files: [],
    volumes: [],
    tmpfs: {},
    rootFilesystem: { readOnly: true },
    capabilities: [],
    memoryMb: 64,
    healthCheck: wgetHealthCheck(`http://127.0.0.1:${MONITORING_PORTS.redisExporter}/metrics`),
  };
}

/**
 * Plans Grafana: the Prometheus data source and the registry dashboard provisioned from a
 * read-only config volume, the admin password from a file (`__FILE`), sign-up, anonymous access,
 * reporting and update checks off, its database on a named volume, the image's user (472).
 */
export function grafanaPlan(input: {
  readonly name: string;
  readonly image: string;
  readonly prometheusUrl: string;
  readonly adminPassword: SecretRef;
  readonly dataVolumeName: string;
  readonly publish?: ResolvedPublish;
}): ServicePlan {
  const p = GRAFANA_PATHS;
  return {
    name: input.name,
    image: input.image,
    environment: {
      GF_PATHS_PROVISIONING: p.provisioning,
      GF_SECURITY_ADMIN_USER: 'admin',
      GF_SECURITY_ADMIN_PASSWORD__FILE: p.adminPassword,
      GF_USERS_ALLOW_SIGN_UP: 'false',
      GF_AUTH_ANONYMOUS_ENABLED: 'false',
      GF_ANALYTICS_REPORTING_ENABLED: 'false',
      GF_ANALYTICS_CHECK_FOR_UPDATES: 'false',
      GF_SECURITY_COOKIE_SECURE: 'false',
    },
    aliases: ['grafana'],
    extraNetworks: [],
    ports: published(MONITORING_PORTS.grafana, input.publish),
    configDir: p.configDir,
    files: [
      ...renderGrafanaProvisioning(input.prometheusUrl),
      wholeFile(p.adminPassword, input.adminPassword, '0440'),
    ],
    volumes: [{ name: input.dataVolumeName, containerPath: '/var/lib/grafana' }],
    tmpfs: TMP_TMPFS,
    rootFilesystem: { readOnly: true },
    capabilities: [],
    memoryMb: 256,
    healthCheck: wgetHealthCheck(`http://127.0.0.1:${MONITORING_PORTS.grafana}/api/health`, '30s'),
  };
}
