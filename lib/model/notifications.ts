import {
  checkBool,
  checkDuration,
  checkHeaders,
  checkInt,
  checkList,
  checkOneOf,
  checkUrl,
  checkWord,
} from './checks';
import { SpecError } from './errors';

/** Event actions the registry can be told to leave out. */
export type NotificationAction = 'pull' | 'push' | 'mount' | 'delete';

/** A webhook the registry posts events to. */
export interface NotificationEndpointSpec {
  /** Identifies the endpoint in logs and metrics. */
  readonly name: string;
  /** Where events are posted. */
  readonly url: string;
  /** Static headers sent with every request (for example an authorization header). @default none */
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
    const headers = checkHeaders(`${p}.headers`, e.headers ?? {});
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
