import { ResolvedMonitoring } from '../model/monitoring';
import { RenderedFile } from './file';
import { SecretSlots } from './secret-slots';
import { toYaml } from './yaml';

/**
 * Renders `alertmanager.yml` (Alertmanager 0.25 and later): a route tree by severity (critical and
 * warning each go to the webhooks that asked for them, critical also to e-mail when SMTP is set),
 * resolved notifications sent, and an inhibit rule so a critical alert silences warnings about the
 * same instance. The SMTP password is a secret placeholder, filled in by the engine.
 */
export function renderAlertmanagerConfig(spec: ResolvedMonitoring, path: string): RenderedFile {
  const slots = new SecretSlots();
  const receiver = (severity: 'critical' | 'warning'): Record<string, unknown> => {
    const hooks = spec.webhooks.filter((w) => w.severities.includes(severity));
    return {
      name: severity,
      ...(hooks.length > 0
        ? { webhook_configs: hooks.map((w) => ({ url: w.url, send_resolved: true })) }
        : {}),
      ...(severity === 'critical' && spec.smtp !== undefined
        ? { email_configs: [{ to: spec.smtp.to, send_resolved: true }] }
        : {}),
    };
  };
  const s = spec.smtp;
  const doc = {
    global: {
      resolve_timeout: '5m',
      ...(s !== undefined
        ? {
            smtp_smarthost: s.smarthost,
            smtp_from: s.from,
            smtp_require_tls: s.requireTls,
            ...(s.username !== undefined ? { smtp_auth_username: s.username } : {}),
            ...(s.password !== undefined
              ? { smtp_auth_password: slots.place('smtp.password', s.password) }
              : {}),
          }
        : {}),
    },
    route: {
      receiver: 'default',
      group_by: ['alertname', 'instance'],
      group_wait: spec.groupWait,
      group_interval: spec.groupInterval,
      repeat_interval: spec.repeatInterval,
      routes: [
        { receiver: 'critical', matchers: ['severity="critical"'] },
        { receiver: 'warning', matchers: ['severity="warning"'] },
      ],
    },
    receivers: [{ name: 'default' }, receiver('critical'), receiver('warning')],
    inhibit_rules: [
      {
        source_matchers: ['severity="critical"'],
        target_matchers: ['severity="warning"'],
        equal: ['instance'],
      },
    ],
  };
  return slots.file(path, toYaml(doc), '0644');
}
