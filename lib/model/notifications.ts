import {
  checkBool,
  checkDuration,
  checkInt,
  checkList,
  checkOneOf,
  checkSection,
  checkUrl,
  checkWord,
} from './checks';
import { Redacted, SpecError } from './errors';
import { SecretRef, TextOrSecret } from './secret';

/** Header names that carry credentials. */
const SECRET_HEADER =
  /(^authorization$|^proxy-authorization$|^cookie$|auth|token|secret|key|passw|signature|session|credential)/i;
/** Values that are credentials whatever the header's name. */
const SECRET_VALUE = /^\s*(bearer|basic|token|digest)\s/i;

/** Header names allowed (RFC 9110 tokens). */
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/**
 * Validates notification headers: names are RFC 9110 tokens, literal values are single lines, and
 * a credential (by the header's name or the value's scheme) must be a {@link SecretRef}. A
 * refused literal is never shown in the message.
 */
export function checkNotificationHeaders(
  path: string,
  headers: Readonly<Record<string, readonly TextOrSecret[]>>,
): Record<string, TextOrSecret[]> {
  const out: Record<string, TextOrSecret[]> = {};
  for (const [name, values] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) {
      throw new SpecError(path, name, 'allowed: header names of letters, digits and - (RFC 9110 tokens)');
    }
    out[name] = checkList(`${path}.${name}`, values, (p, v) => {
      if (SecretRef.isSecretRef(v)) return v;
      if (typeof v !== 'string' || /[\r\n]/.test(v)) {
        throw new SpecError(p, v, 'allowed: a single-line string, or a secret reference');
      }
      if (SECRET_HEADER.test(name) || SECRET_VALUE.test(v)) {
        throw new SpecError(
          p,
          new Redacted(`a literal ${v.length}-character value`),
          'a credential in a notification header must be a secret reference, not a literal (a literal ' +
            'would be written into the synthesized configuration): with cdktf pass ' +
            "terraformSecret(Fn.format('Bearer %s', [aSensitiveVariable.stringValue]))",
        );
      }
      return v;
    });
  }
  return out;
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
   * `X-Api-Key`-like header, or any value starting with `Bearer ` or `Basic `) must be a
   * {@link SecretRef}, never a literal: a literal would be written into the synthesized output.
   * @default none
   */
  readonly headers?: Readonly<Record<string, readonly TextOrSecret[]>>;
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
    const e = checkSection(p, raw as NotificationEndpointSpec);
    if (e === undefined) throw new SpecError(p, raw, 'allowed: an endpoint object');
    const name = checkWord(`${p}.name`, e.name);
    if (names.has(name)) throw new SpecError(`${p}.name`, name, 'endpoint names must be unique');
    names.add(name);
    const headers = checkNotificationHeaders(`${p}.headers`, checkSection(`${p}.headers`, e.headers) ?? {});
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
