import { ResolvedRedis } from '../model/redis';
import { ResolvedRegistrySpec } from '../model/registry-spec';
import { SecretRef } from '../model/secret';
import { ResolvedStorage } from '../model/storage';
import { RenderedFile } from './file';
import { SecretSlots } from './secret-slots';
import { RegistryPaths, registryPaths } from './registry-paths';
import { toYaml } from './yaml';

/** Values that come from outside the spec. */
export interface RegistryConfigInputs {
  /** `http.secret`, shared by every replica. @default none (the registry makes one per process) */
  readonly httpSecret?: SecretRef;
  /** Where the referenced files live. @default the dialect's container layout ({@link registryPaths}) */
  readonly paths?: RegistryPaths;
}

type Yaml = Record<string, unknown>;

function storageSection(storage: ResolvedStorage, slots: SecretSlots): Yaml {
  const d = storage.driver;
  const section: Yaml = {};
  if (d.driver === 'filesystem') {
    section.filesystem = { rootdirectory: d.rootDirectory, maxthreads: d.maxThreads };
  } else {
    section.s3 = {
      region: d.region,
      bucket: d.bucket,
      ...(d.regionEndpoint !== undefined ? { regionendpoint: d.regionEndpoint } : {}),
      ...(d.accessKey !== undefined && d.secretKey !== undefined
        ? {
            accesskey: slots.text('storage.s3.accesskey', d.accessKey),
            secretkey: slots.place('storage.s3.secretkey', d.secretKey),
          }
        : {}),
      ...(d.rootDirectory !== undefined ? { rootdirectory: d.rootDirectory } : {}),
      encrypt: d.encrypt,
      secure: d.secure,
      v4auth: true,
      chunksize: d.chunkSize,
    };
    if (!d.redirect) section.redirect = { disable: true };
  }
  section.delete = { enabled: storage.deleteEnabled };
  if (storage.cache !== 'none') section.cache = { blobdescriptor: storage.cache };
  section.maintenance = {
    uploadpurging: {
      enabled: storage.uploadPurging.enabled,
      age: storage.uploadPurging.age,
      interval: storage.uploadPurging.interval,
      dryrun: storage.uploadPurging.dryRun,
    },
    readonly: { enabled: storage.readOnly },
  };
  return section;
}

function redisSection(redis: ResolvedRedis, shape: 'v2' | 'v3', slots: SecretSlots): Yaml {
  const password =
    redis.password !== undefined ? { password: slots.place('redis.password', redis.password) } : {};
  const timeouts = {
    dialtimeout: redis.dialTimeout,
    readtimeout: redis.readTimeout,
    writetimeout: redis.writeTimeout,
  };
  if (shape === 'v2') {
    return {
      addr: redis.addresses[0],
      ...password,
      db: redis.db,
      ...timeouts,
      pool: { maxidle: redis.maxIdle, maxactive: redis.maxActive, idletimeout: redis.idleTimeout },
    };
  }
  return {
    addrs: [...redis.addresses],
    ...password,
    db: redis.db,
    ...timeouts,
    poolsize: redis.maxActive,
    maxidleconns: redis.maxIdle,
    connmaxidletime: redis.idleTimeout,
  };
}

/**
 * A media type no manifest or blob has. distribution (2.8 and 3.0, notifications/sinks.go
 * `newIgnoredSink`) skips its whole filter when no media type is ignored, so `ignore.actions` alone
 * is silently dropped; naming this one activates the filter without ignoring anything real.
 */
export const NO_MEDIA_TYPE = 'application/vnd.registry-platform.never+json';

function ignoreSection(mediaTypes: readonly string[], actions: readonly string[]): Yaml {
  if (mediaTypes.length === 0 && actions.length === 0) return {};
  return {
    ignore: {
      mediatypes: mediaTypes.length > 0 ? [...mediaTypes] : [NO_MEDIA_TYPE],
      ...(actions.length > 0 ? { actions: [...actions] } : {}),
    },
  };
}

/** Builds the `config.yml` document as an object (before serialization). */
/**
 * The registry's configuration as an object. Secrets are placeholders placed in `slots` (see
 * {@link SecretSlots}); pass your own to see them.
 */
export function registryConfigObject(
  spec: ResolvedRegistrySpec,
  inputs: RegistryConfigInputs = {},
  slots: SecretSlots = new SecretSlots(),
): Yaml {
  const paths = inputs.paths ?? registryPaths(spec.dialect);
  const http: Yaml = { addr: `:${spec.http.port}` };
  if (spec.http.host !== undefined) http.host = spec.http.host;
  if (inputs.httpSecret !== undefined) http.secret = slots.place('http.secret', inputs.httpSecret);
  http.relativeurls = spec.http.relativeUrls;
  http.draintimeout = spec.http.drainTimeout;
  if (spec.http.tls) {
    http.tls = {
      certificate: paths.tlsCertificate,
      key: paths.tlsKey,
      minimumtls: spec.http.tls.minimumVersion,
    };
  }
  http.headers = Object.fromEntries(Object.entries(spec.http.headers).map(([k, v]) => [k, [...v]]));
  if (spec.http.debug) {
    http.debug = {
      addr: `:${spec.http.debug.port}`,
      prometheus: { enabled: spec.http.debug.prometheus, path: '/metrics' },
    };
  }

  const doc: Yaml = {
    version: '0.1',
    log: {
      level: spec.log.level,
      formatter: spec.log.formatter,
      accesslog: { disabled: !spec.log.accessLog },
      fields: { service: 'registry' },
    },
    storage: storageSection(spec.storage, slots),
    http,
  };

  const auth = spec.auth;
  if (auth.type === 'htpasswd') {
    doc.auth = { htpasswd: { realm: auth.realm, path: paths.htpasswd } };
  } else if (auth.type === 'token') {
    doc.auth = {
      token: {
        realm: auth.realm,
        service: auth.service,
        issuer: auth.issuer,
        rootcertbundle: paths.tokenRootCertBundle,
        autoredirect: auth.autoRedirect,
      },
    };
  }

  doc.health = {
    storagedriver: {
      enabled: spec.health.storageDriver,
      interval: spec.health.interval,
      threshold: spec.health.threshold,
    },
  };

  if (spec.notifications.length > 0) {
    doc.notifications = {
      events: { includereferences: true },
      endpoints: spec.notifications.map((e) => ({
        name: e.name,
        disabled: e.disabled,
        url: e.url,
        headers: Object.fromEntries(
          Object.entries(e.headers).map(([k, vs]) => [
            k,
            vs.map((v) => slots.text(`notifications.${e.name}.headers.${k}`, v)),
          ]),
        ),
        timeout: e.timeout,
        threshold: e.threshold,
        backoff: e.backoff,
        ...ignoreSection(e.ignoredMediaTypes, e.ignoredActions),
      })),
    };
  }

  const { allowUrls, denyUrls } = spec.validation;
  if (allowUrls.length > 0 || denyUrls.length > 0) {
    doc.validation = {
      manifests: {
        urls: {
          ...(allowUrls.length > 0 ? { allow: [...allowUrls] } : {}),
          ...(denyUrls.length > 0 ? { deny: [...denyUrls] } : {}),
        },
      },
    };
  }

  if (spec.proxy) {
    doc.proxy = {
      remoteurl: spec.proxy.remoteUrl,
      ...(spec.proxy.username !== undefined
        ? {
            username: slots.text('proxy.username', spec.proxy.username),
            ...(spec.proxy.password !== undefined
              ? { password: slots.place('proxy.password', spec.proxy.password) }
              : {}),
          }
        : {}),
      ...(spec.proxy.ttl !== undefined ? { ttl: spec.proxy.ttl } : {}),
    };
  }

  if (spec.redis) doc.redis = redisSection(spec.redis, spec.dialect.redisShape, slots);
  doc.catalog = { maxentries: spec.catalogMaxEntries };
  return doc;
}

/** Renders the registry's `config.yml` at the dialect's path. Pure: same inputs, same bytes. */
export function renderRegistryConfig(
  spec: ResolvedRegistrySpec,
  inputs: RegistryConfigInputs = {},
): RenderedFile {
  const slots = new SecretSlots();
  const content = toYaml(registryConfigObject(spec, inputs, slots));
  return slots.file((inputs.paths ?? registryPaths(spec.dialect)).config, content, '0640');
}
