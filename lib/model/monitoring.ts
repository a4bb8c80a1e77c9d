import {
  checkBool,
  checkImage,
  checkInt,
  checkList,
  checkOneOf,
  checkSpec,
  checkUrl,
  checkWord,
} from './checks';
import { SpecError } from './errors';
import { checkPrometheusDuration } from './prometheus-duration';
import { checkSecret, SecretRef } from './secret';

/** Alert severities: `critical` pages, `warning` informs. */
export type Severity = 'critical' | 'warning';

/** Thresholds and `for` durations of the registry alerts. */
export interface AlertTuning {
  /** How long a registry must be unreachable before `RegistryDown` fires. @default '2m' */
  readonly registryDownFor?: string;
  /** Share of 5xx answers (0 to 1) that fires `RegistryHighErrorRatio`. @default 0.05 */
  readonly errorRatio?: number;
  /** @default '10m' */
  readonly errorRatioFor?: string;
  /** 99th-percentile request duration in seconds that fires `RegistrySlowRequests`. @default 5 */
  readonly latencyP99Seconds?: number;
  /** @default '10m' */
  readonly latencyFor?: string;
  /** Free share (0 to 1) of the data volume's filesystem under which `RegistryStorageLow` fires. @default 0.1 */
  readonly diskFreeRatio?: number;
  /** @default '15m' */
  readonly diskFreeFor?: string;
  /** How long Redis must be down before `RedisDown` fires (stacks with Redis). @default '2m' */
  readonly redisDownFor?: string;
  /** How long webhook deliveries must keep failing before `RegistryNotificationsFailing` fires (registry 3.x). @default '10m' */
  readonly notificationFailuresFor?: string;
}

/** A webhook Alertmanager delivers alerts to. */
export interface WebhookReceiverSpec {
  /** Receiver name. */
  readonly name: string;
  /** Where alerts are posted. */
  readonly url: string;
  /** Which severities it gets. @default both */
  readonly severities?: readonly Severity[];
}

/** Optional e-mail delivery of critical alerts. */
export interface SmtpSpec {
  /** `host:port` of the mail relay. */
  readonly smarthost: string;
  /** Sender address. */
  readonly from: string;
  /** Recipient address. */
  readonly to: string;
  /** Login name at the relay. @default none (no authentication) */
  readonly username?: string;
  /** Password at the relay, a secret reference. @default none */
  readonly password?: SecretRef;
  /** Require STARTTLS. @default true */
  readonly requireTls?: boolean;
}

/** Monitoring of a registry platform: Prometheus, Alertmanager, node-exporter, Grafana. */
export interface MonitoringSpec {
  /** How often targets are scraped. @default '15s' */
  readonly scrapeInterval?: string;
  /** How often rules are evaluated. @default '15s' */
  readonly evaluationInterval?: string;
  /** How long Prometheus keeps samples. @default '15d' */
  readonly retentionTime?: string;
  /** Most disk Prometheus uses for samples, in MiB. @default 1024 */
  readonly retentionSizeMb?: number;
  /** Alert thresholds. @default see {@link AlertTuning} */
  readonly alerts?: AlertTuning;
  /** Webhooks alerts are delivered to. @default none (alerts are kept in Alertmanager) */
  readonly webhooks?: readonly WebhookReceiverSpec[];
  /** E-mail for critical alerts. @default none */
  readonly smtp?: SmtpSpec;
  /** Alertmanager: wait before the first notification of a group. @default '30s' */
  readonly groupWait?: string;
  /** Alertmanager: wait before notifying about new alerts of a group. @default '5m' */
  readonly groupInterval?: string;
  /** Alertmanager: resend a still-firing alert after. @default '4h' */
  readonly repeatInterval?: string;
  /** Deploy Grafana with the registry dashboard. @default true */
  readonly grafana?: boolean;
  /** @default 'prom/prometheus:v2.42.0' */
  readonly prometheusImage?: string;
  /** @default 'prom/alertmanager:v0.25.0' */
  readonly alertmanagerImage?: string;
  /** @default 'prom/node-exporter:v1.5.0' */
  readonly nodeExporterImage?: string;
  /** @default 'oliver006/redis_exporter:v1.45.0' */
  readonly redisExporterImage?: string;
  /** @default 'grafana/grafana:10.4.2' */
  readonly grafanaImage?: string;
}

/** {@link MonitoringSpec} validated, with defaults filled in. */
export interface ResolvedMonitoring {
  readonly scrapeInterval: string;
  readonly evaluationInterval: string;
  readonly retentionTime: string;
  readonly retentionSizeMb: number;
  readonly alerts: Required<AlertTuning>;
  readonly webhooks: readonly Required<WebhookReceiverSpec>[];
  readonly smtp?: SmtpSpec & { readonly requireTls: boolean };
  readonly groupWait: string;
  readonly groupInterval: string;
  readonly repeatInterval: string;
  readonly grafana: boolean;
  readonly prometheusImage: string;
  readonly alertmanagerImage: string;
  readonly nodeExporterImage: string;
  readonly redisExporterImage: string;
  readonly grafanaImage: string;
}

function ratio(path: string, value: unknown): number {
  if (typeof value !== 'number' || !(value > 0 && value < 1)) {
    throw new SpecError(path, value, 'allowed: a number between 0 and 1 (exclusive), for example 0.05');
  }
  return value;
}

function positive(path: string, value: unknown): number {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new SpecError(path, value, 'allowed: a positive number');
  }
  return value;
}

const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;
const EMAIL = /^[^\s@<>"]+@[A-Za-z0-9.-]+$/;

/** Validates a monitoring spec and fills in its defaults. */
export function resolveMonitoring(path: string, given?: MonitoringSpec): ResolvedMonitoring {
  const spec = checkSpec(path, given) as MonitoringSpec;
  const a = (checkSpec(`${path}.alerts`, spec.alerts) as AlertTuning) ?? {};
  const ap = `${path}.alerts`;
  const names = new Set<string>();
  const webhooks = checkList(`${path}.webhooks`, spec.webhooks ?? [], (p, raw) => {
    const w = checkSpec(p, raw as WebhookReceiverSpec) as WebhookReceiverSpec;
    const name = checkWord(`${p}.name`, w.name);
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name) || names.has(name) || name === 'default') {
      throw new SpecError(
        `${p}.name`,
        name,
        'allowed: a unique name of letters, digits, "_" and "-" (not "default")',
      );
    }
    names.add(name);
    const severities = checkList(`${p}.severities`, w.severities ?? ['critical', 'warning'], (sp, v) =>
      checkOneOf(sp, v, ['critical', 'warning'] as const),
    );
    if (severities.length === 0) throw new SpecError(`${p}.severities`, [], 'allowed: at least one severity');
    return { name, url: checkUrl(`${p}.url`, w.url, ['http', 'https']), severities };
  });
  let smtp: ResolvedMonitoring['smtp'];
  if (spec.smtp !== undefined) {
    const s = checkSpec(`${path}.smtp`, spec.smtp) as SmtpSpec;
    const sp = `${path}.smtp`;
    if (typeof s.smarthost !== 'string' || !HOST_PORT.test(s.smarthost)) {
      throw new SpecError(`${sp}.smarthost`, s.smarthost, 'allowed: "host:port", for example "mail.lab:587"');
    }
    for (const k of ['from', 'to'] as const) {
      if (typeof s[k] !== 'string' || !EMAIL.test(s[k])) {
        throw new SpecError(`${sp}.${k}`, s[k], 'allowed: an e-mail address');
      }
    }
    if ((s.username === undefined) !== (s.password === undefined)) {
      throw new SpecError(`${sp}.password`, undefined, 'give username and password together, or neither');
    }
    smtp = {
      smarthost: s.smarthost,
      from: s.from,
      to: s.to,
      ...(s.username !== undefined ? { username: checkWord(`${sp}.username`, s.username) } : {}),
      ...(s.password !== undefined
        ? { password: checkSecret(`${sp}.password`, s.password, 'the SMTP password') }
        : {}),
      requireTls: checkBool(`${sp}.requireTls`, s.requireTls ?? true),
    };
  }
  return {
    scrapeInterval: checkPrometheusDuration(`${path}.scrapeInterval`, spec.scrapeInterval ?? '15s'),
    evaluationInterval: checkPrometheusDuration(
      `${path}.evaluationInterval`,
      spec.evaluationInterval ?? '15s',
    ),
    retentionTime: checkPrometheusDuration(`${path}.retentionTime`, spec.retentionTime ?? '15d'),
    retentionSizeMb: checkInt(`${path}.retentionSizeMb`, spec.retentionSizeMb ?? 1024, 64, 1048576),
    alerts: {
      registryDownFor: checkPrometheusDuration(`${ap}.registryDownFor`, a.registryDownFor ?? '2m'),
      errorRatio: ratio(`${ap}.errorRatio`, a.errorRatio ?? 0.05),
      errorRatioFor: checkPrometheusDuration(`${ap}.errorRatioFor`, a.errorRatioFor ?? '10m'),
      latencyP99Seconds: positive(`${ap}.latencyP99Seconds`, a.latencyP99Seconds ?? 5),
      latencyFor: checkPrometheusDuration(`${ap}.latencyFor`, a.latencyFor ?? '10m'),
      diskFreeRatio: ratio(`${ap}.diskFreeRatio`, a.diskFreeRatio ?? 0.1),
      diskFreeFor: checkPrometheusDuration(`${ap}.diskFreeFor`, a.diskFreeFor ?? '15m'),
      redisDownFor: checkPrometheusDuration(`${ap}.redisDownFor`, a.redisDownFor ?? '2m'),
      notificationFailuresFor: checkPrometheusDuration(
        `${ap}.notificationFailuresFor`,
        a.notificationFailuresFor ?? '10m',
      ),
    },
    webhooks,
    ...(smtp !== undefined ? { smtp } : {}),
    groupWait: checkPrometheusDuration(`${path}.groupWait`, spec.groupWait ?? '30s'),
    groupInterval: checkPrometheusDuration(`${path}.groupInterval`, spec.groupInterval ?? '5m'),
    repeatInterval: checkPrometheusDuration(`${path}.repeatInterval`, spec.repeatInterval ?? '4h'),
    grafana: checkBool(`${path}.grafana`, spec.grafana ?? true),
    prometheusImage: checkImage(`${path}.prometheusImage`, spec.prometheusImage ?? 'prom/prometheus:v2.42.0'),
    alertmanagerImage: checkImage(
      `${path}.alertmanagerImage`,
      spec.alertmanagerImage ?? 'prom/alertmanager:v0.25.0',
    ),
    nodeExporterImage: checkImage(
      `${path}.nodeExporterImage`,
      spec.nodeExporterImage ?? 'prom/node-exporter:v1.5.0',
    ),
    redisExporterImage: checkImage(
      `${path}.redisExporterImage`,
      spec.redisExporterImage ?? 'oliver006/redis_exporter:v1.45.0',
    ),
    grafanaImage: checkImage(`${path}.grafanaImage`, spec.grafanaImage ?? 'grafana/grafana:10.4.2'),
  };
}
