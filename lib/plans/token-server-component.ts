import { checkDockerName, checkHostname, checkImage, checkInt, checkList } from '../model/checks';
import { endpointUrl, ServiceEndpoint } from '../model/endpoint';
import { PublishSpec, ResolvedPublish, resolvePublish } from '../model/publish';
import { SecretRef } from '../model/secret';
import { CertificateAndKey } from '../model/tls';
import { ResolvedTokenServer, resolveTokenServer, TokenServerSpec } from '../model/token-server';
import { ServicePlan } from './service-plan';
import { tokenServerPlan } from './token-server-plan';

/** The props of a token server component that every engine reads the same way. */
export interface TokenServerComponentSpec extends TokenServerSpec {
  /** Container name, also the prefix of its config volume (unique on the Docker host). */
  readonly name: string;
  /** Names other containers use. @default ['token-server'] */
  readonly aliases?: readonly string[];
  /** Where the token endpoint is published; clients (the docker CLI) must reach it. @default port 5001 on 127.0.0.1 */
  readonly publish?: PublishSpec;
  /** Image reference. @default 'cesanta/docker_auth:1.14.0' */
  readonly image?: string;
  /** Length of generated passwords (letters and digits). @default 32 */
  readonly passwordLength?: number;
  /** Lifetime of the token signing certificate in days. @default 3650 */
  readonly signingCertificateValidityDays?: number;
}

/** A token server component decided, before the engine makes its passwords and signing key. */
export interface TokenServerComponent {
  /** The container name. */
  readonly name: string;
  /** The validated spec, with every user's compiled policy. */
  readonly spec: ResolvedTokenServer;
  /** Where the endpoint is published. */
  readonly publish: ResolvedPublish;
  /** Where containers on the platform network reach the token endpoint. */
  readonly endpoint: ServiceEndpoint;
  /** URL other containers use, for example `https://token-server:5001`. */
  readonly internalUrl: string;
  /** Length of generated passwords. */
  readonly passwordLength: number;
  /** Lifetime of the signing certificate in hours. */
  readonly signingValidityHours: number;
  /** The container plan, once the engine has made the secrets. */
  plan(values: {
    readonly passwordHashes: Readonly<Record<string, SecretRef>>;
    readonly tls: CertificateAndKey;
    readonly signing: CertificateAndKey;
  }): ServicePlan;
}

/**
 * Decides docker_auth for any engine (errors name `<id>.<prop>`); the engine then generates each
 * user's password and the signing key and asks for the plan.
 */
export function tokenServerComponent(id: string, props: TokenServerComponentSpec): TokenServerComponent {
  const name = checkDockerName(`${id}.name`, props.name);
  const spec = resolveTokenServer(id, props);
  const aliases = checkList(`${id}.aliases`, props.aliases ?? ['token-server'], checkHostname);
  const publish = resolvePublish(`${id}.publish`, props.publish ?? { port: 5001 });
  const endpoint: ServiceEndpoint = { host: aliases[0] ?? name, port: spec.port, scheme: 'https' };
  const passwordLength = checkInt(`${id}.passwordLength`, props.passwordLength ?? 32, 24, 128);
  const validityDays = checkInt(
    `${id}.signingCertificateValidityDays`,
    props.signingCertificateValidityDays ?? 3650,
    1,
    36500,
  );
  const image = checkImage(`${id}.image`, props.image ?? 'cesanta/docker_auth:1.14.0');
  return {
    name,
    spec,
    publish,
    endpoint,
    internalUrl: endpointUrl(endpoint),
    passwordLength,
    signingValidityHours: validityDays * 24,
    plan: (values) => tokenServerPlan({ name, image, spec, aliases, publish, ...values }),
  };
}
