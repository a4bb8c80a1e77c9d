import {
  checkBool,
  checkDuration,
  checkHeaders,
  checkInt,
  checkList,
  checkOneOf,
  checkUrl,
  checkWord,
  isToken,
} from './checks';
import { SpecError } from './errors';

/** Header names that carry credentials. */
const SECRET_HEADER =
  /(^authorization$|^proxy-authorization$|^cookie$|auth|token|secret|key|passw|signature|session|credential)/i;
/** Values that are credentials whatever the header's name. */
const SECRET_VALUE = /^\s*(bearer|basic|token|digest)\s/i;

/**
 * Refuses literal credentials in notification headers: they must be Terraform references. The
 * literal is never shown in the message.
 */
export function checkSecretHeaders(
  path: string,
  headers: Record<string, string[]>,
): Record<string, string[]> {
  for (const [name, values] of Object.entries(headers)) {
    values.forEach((v, i) => {
      if (isToken(v)) return;
      if (SECRET_HEADER.test(name) || SECRET_VALUE.test(v)) {
        throw new SpecError(
          `${path}.${name}[${i}]`,
          `<a literal ${v.length}-character value (not shown)>`,
          'a credential in a notification header must be a Terraform reference, not a literal (a literal ' +
            "would be written into cdk.tf.json): pass a sensitive TerraformVariable's value, for example " +
            '`Bearer ${token.value}` built with Fn.format, or Fn.file(...)',
        );
      }
    });
  }
  return headers;
}

/** Event actions the registry can be told to leave out. */
export type NotificationAction = 'pull' | 'push' | 'mount' | 'delete';

/** A webhook the registry posts events to. */
export interface NotificationEndpointSpec {
  /** Identifies the endpoint in logs and metrics. */
  readonly name: string;
  /** Where events are posted. */
  readonly url: string;
  /**
   * Static headers sent with every request. A credential (an `Authorization`, `Cookie` or
   * `X-Api-Key`-like header, or any value starting with `Bearer ` or `Basic `) must be a Terraform
   * reference such as a sensitive variable's value, never a literal: a literal would be written
   * into cdk.tf.json.
   * @default none
   */
  readonly headers?: Readonly<Record<string, readonly string[]>>;
  /** HTTP timeout. @default '1s' */
  readonly timeout?: string;
  /** Failures before the endpoint is backed off. @default 10 */
  readonly threshold?: number;
  /** Back-off after `threshold` failures. @default '1s' */
  readonly backoff?: string;
  /** Media types whose events are not sent. @default none */
  readonly ignoredMediaTypes?: readonly string[];
  /** Actions whose events are not sent. @default none */
  readonly ignoredActions?: readonly NotificationAction[];
  /** Keep the endpoint configured but send nothing. @default false */
  readonly disabled?: boolean;
}

/** An endpoint with defaults filled in. */
export type ResolvedNotificationEndpoint = Required<NotificationEndpointSpec>;

/** Validates the endpoints: unique names, URLs, durations. */
export function resolveNotifications(
  path: string,
  endpoints: readonly NotificationEndpointSpec[] = [],
): ResolvedNotificationEndpoint[] {
  const names = new Set<string>();
  return checkList(path, endpoints, (p, raw) => {
    const e = raw as NotificationEndpointSpec;
    const name = checkWord(`${p}.name`, e.name);
    if (names.has(name)) throw new SpecError(`${p}.name`, name, 'endpoint names must be unique');
    names.add(name);
    const headers = checkSecretHeaders(`${p}.headers`, checkHeaders(`${p}.headers`, e.headers ?? {}));
    return {
      name,
      url: checkUrl(`${p}.url`, e.url, ['http', 'https']),
      headers,
      timeout: checkDuration(`${p}.timeout`, e.timeout ?? '1s'),
      threshold: checkInt(`${p}.threshold`, e.threshold ?? 10, 1, 1000),
      backoff: checkDuration(`${p}.backoff`, e.backoff ?? '1s'),
      ignoredMediaTypes: checkList(`${p}.ignoredMediaTypes`, e.ignoredMediaTypes ?? [], checkWord),
      ignoredActions: checkList(`${p}.ignoredActions`, e.ignoredActions ?? [], (pp, v) =>
        checkOneOf(pp, v, ['pull', 'push', 'mount', 'delete'] as const),
      ),
      disabled: checkBool(`${p}.disabled`, e.disabled ?? false),
    };
  });
}
