import { checkDockerName, checkHostname, checkList } from '../model/checks';
import { ServiceEndpoint } from '../model/endpoint';
import { SpecError } from '../model/errors';
import { PublishSpec, ResolvedPublish, resolvePublish } from '../model/publish';
import { RegistrySpec, ResolvedRegistrySpec, resolveRegistrySpec } from '../model/registry-spec';
import { SecretRef, TextOrSecret } from '../model/secret';
import { CertificateAndKey } from '../model/tls';
import { HtpasswdEntry } from '../render/htpasswd';
import { RegistryPlan, registryPlan } from './registry-plan';

/** The props of a registry component that every engine reads the same way (no engine objects). */
export interface RegistryComponentSpec extends RegistrySpec {
  /** Container name, also the prefix of its volumes (unique on the Docker host). */
  readonly name: string;
  /** Existing Docker networks (not managed here) the registry joins too. @default none */
  readonly extraNetworks?: readonly string[];
  /** Names other containers use to reach the registry. @default ['registry'] */
  readonly aliases?: readonly string[];
  /** Publish the registry port on the host, or `false` to keep it on the network only. @default port 5000 on 127.0.0.1 */
  readonly publish?: PublishSpec | false;
  /** Name of the data volume. @default `<name>-data` */
  readonly dataVolumeName?: string;
}

/** What the engine made for the registry (secrets and certificates as its references). */
export interface RegistryEngineValues {
  /** `http.secret`. */
  readonly httpSecret: SecretRef;
  /** Certificate and key, when TLS material was given. */
  readonly tls?: CertificateAndKey;
  /** htpasswd entries, when users were given. */
  readonly htpasswd?: readonly HtpasswdEntry[];
  /** The token signing certificate(s), when given. */
  readonly tokenRootCertBundle?: TextOrSecret;
  /** Whether the registry joins a monitoring network. */
  readonly monitored: boolean;
}

/** A registry component decided: the validated spec, its names and its container plan. */
export interface RegistryComponent {
  /** The validated spec with defaults filled in. */
  readonly spec: ResolvedRegistrySpec;
  /** The container name. */
  readonly name: string;
  /** Its names on the platform network. */
  readonly aliases: readonly string[];
  /** The first alias. */
  readonly serviceName: string;
  /** Where containers on the platform network reach the API. */
  readonly endpoint: ServiceEndpoint;
  /** The published address, if any. */
  readonly publish?: ResolvedPublish;
  /** The data volume's name. */
  readonly dataVolumeName: string;
  /** The container plan. */
  readonly plan: RegistryPlan;
}

/**
 * Decides a registry component for any engine: auth follows the given material (htpasswd users
 * turn htpasswd on), TLS material turns `http.tls` on, and the material must match the spec
 * (errors name `<id>.<prop>`). Both the cdktf construct and the Pulumi component call this, so
 * they validate alike and hand the container the same files.
 * @throws SpecError naming the property when the props and the material disagree
 */
export function registryComponent(
  id: string,
  props: RegistryComponentSpec,
  values: RegistryEngineValues,
): RegistryComponent {
  const name = checkDockerName(`${id}.name`, props.name);
  const auth =
    props.auth ??
    (values.htpasswd !== undefined ? ({ type: 'htpasswd' } as const) : ({ type: 'none' } as const));
  const http = values.tls !== undefined ? { ...props.http, tls: props.http?.tls ?? {} } : props.http;
  const spec = resolveRegistrySpec({ ...props, auth, http }, id);
  if (spec.http.tls !== undefined && values.tls === undefined) {
    throw new SpecError(
      `${id}.tls`,
      undefined,
      'http.tls is set, so a certificate is needed: pass tls (generated or supplied)',
    );
  }
  if ((spec.auth.type === 'htpasswd') !== (values.htpasswd !== undefined)) {
    throw new SpecError(
      `${id}.htpasswd`,
      values.htpasswd === undefined ? undefined : '<HtpasswdUsers>',
      `htpasswd users are needed exactly when auth.type is "htpasswd" (auth.type is "${spec.auth.type}")`,
    );
  }
  if ((spec.auth.type === 'token') !== (values.tokenRootCertBundle !== undefined)) {
    throw new SpecError(
      `${id}.tokenRootCertBundle`,
      values.tokenRootCertBundle === undefined ? undefined : '<certificate>',
      `the token signing certificate is needed exactly when auth.type is "token" (auth.type is "${spec.auth.type}"): ` +
        "pass the token server's rootCertBundlePem",
    );
  }
  if (values.monitored && spec.http.debug === undefined) {
    throw new SpecError(
      `${id}.monitoringNetwork`,
      '<PlatformNetwork>',
      'monitoring scrapes the debug/metrics listener: leave http.debug on',
    );
  }
  const aliases = checkList(`${id}.aliases`, props.aliases ?? ['registry'], checkHostname);
  const extraNetworks = checkList(`${id}.extraNetworks`, props.extraNetworks ?? [], checkDockerName);
  const serviceName = aliases[0] ?? name;
  const publish =
    props.publish !== false ? resolvePublish(`${id}.publish`, props.publish ?? { port: 5000 }) : undefined;
  const dataVolumeName = checkDockerName(`${id}.dataVolumeName`, props.dataVolumeName ?? `${name}-data`);
  const plan = registryPlan({
    name,
    spec,
    aliases,
    extraNetworks,
    ...(publish ? { publish } : {}),
    dataVolumeName,
    httpSecret: values.httpSecret,
    ...(values.tls ? { tls: values.tls } : {}),
    ...(values.htpasswd ? { htpasswd: values.htpasswd } : {}),
    ...(values.tokenRootCertBundle !== undefined ? { tokenRootCertBundle: values.tokenRootCertBundle } : {}),
  });
  return {
    spec,
    name,
    aliases,
    serviceName,
    endpoint: { host: serviceName, port: spec.http.port, scheme: spec.http.tls ? 'https' : 'http' },
    ...(publish ? { publish } : {}),
    dataVolumeName,
    plan,
  };
}
