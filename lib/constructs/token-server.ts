import { Construct } from 'constructs';
import { TokenAuthSpec } from '../model/auth';
import { checkDockerName, checkHostname, checkInt, checkList, checkImage } from '../model/checks';
import { endpointUrl, ServiceEndpoint } from '../model/endpoint';
import { PublishSpec, ResolvedPublish, resolvePublish } from '../model/publish';
import { ResolvedTokenServer, resolveTokenServer, TokenServerSpec } from '../model/token-server';
import { tokenServerPlan } from '../plans/token-server-plan';
import { RenderedFile } from '../render/file';
import { PlatformNetwork } from './platform-network';
import { Container, PrivateKey, SelfSignedCert } from './providers';
import { realizeService } from './service';
import { certificateAndKey } from './private/secret-values';
import { TlsMaterial } from './tls';
import { Upstream } from './upstream';
import { passwordsByUser, userPasswords } from './private/user-passwords';

/** Props of {@link TokenServer}: the token server spec plus how it is wired on Docker. */
export interface TokenServerProps extends TokenServerSpec {
  /** Container name, also the prefix of its config volume (unique on the Docker host). */
  readonly name: string;
  /** The network it joins. */
  readonly network: PlatformNetwork;
  /** Names other containers use. @default ['token-server'] */
  readonly aliases?: readonly string[];
  /**
   * Certificate and key of the HTTPS token endpoint. Clients send their password there, so the
   * endpoint is always TLS (1.2+ by default).
   */
  readonly tls: TlsMaterial;
  /** Where the token endpoint is published; clients (the docker CLI) must reach it. @default port 5001 on 127.0.0.1 */
  readonly publish?: PublishSpec;
  /** Image reference. @default 'cesanta/docker_auth:1.14.0' */
  readonly image?: string;
  /** Length of generated passwords (letters and digits). @default 32 */
  readonly passwordLength?: number;
  /** Lifetime of the token signing certificate in days. @default 3650 */
  readonly signingCertificateValidityDays?: number;
}

/**
 * A token server (docker_auth) that enforces roles: users log in with a password generated once
 * and kept in Terraform state (only its bcrypt hash reaches the container), and receive a token
 * that names exactly the actions their roles allow on the repository they asked for. Tokens are
 * signed with a key from the tls provider; its certificate is what the registry trusts
 * ({@link TokenServer.rootCertBundlePem}). The key id follows the registry's dialect (RFC 7638
 * thumbprint for registry 3, libtrust id for registry 2.8).
 *
 * The container runs the image's process as root (as the official image does) with every
 * capability dropped, no privilege escalation and a read-only root; its files come through a
 * config carrier. It has no health check (the image has no TLS-capable client); a client waits for
 * the published endpoint.
 *
 * Construct ids `users/password-<name>`, `signing-key`, `signing-certificate`, `image`, `config`,
 * `config-carrier` and `container` are public API.
 */
export class TokenServer extends Construct implements Upstream {
  /** The validated spec, with every user's compiled policy. */
  public readonly spec: ResolvedTokenServer;
  /** The container name. */
  public readonly name: string;
  /** Where the endpoint is published. */
  public readonly publish: ResolvedPublish;
  /** Generated passwords by user name (sensitive Terraform references). */
  public readonly passwords: Readonly<Record<string, string>>;
  /** The certificate of the token signing key (PEM): the registry's `auth.token.rootcertbundle`. */
  public readonly rootCertBundlePem: string;
  /** URL other containers use, for example `https://token-server:5001`. */
  public readonly internalUrl: string;
  /** Where containers on the platform network reach the token endpoint. */
  public readonly endpoint: ServiceEndpoint;
  /** Every file delivered into the container. */
  public readonly files: readonly RenderedFile[];
  /** The container resource. */
  public readonly container: Container;

  /** Validates the spec, generates passwords and the signing key, renders the files, defines the container. */
  public constructor(scope: Construct, id: string, props: TokenServerProps) {
    super(scope, id);
    this.name = checkDockerName(`${id}.name`, props.name);
    this.spec = resolveTokenServer(id, props);
    const aliases = checkList(`${id}.aliases`, props.aliases ?? ['token-server'], checkHostname);
    this.publish = resolvePublish(`${id}.publish`, props.publish ?? { port: 5001 });
    this.endpoint = { host: aliases[0] ?? this.name, port: this.spec.port, scheme: 'https' };
    this.internalUrl = endpointUrl(this.endpoint);
    const length = checkInt(`${id}.passwordLength`, props.passwordLength ?? 32, 24, 128);
    const validityDays = checkInt(
      `${id}.signingCertificateValidityDays`,
      props.signingCertificateValidityDays ?? 3650,
      1,
      36500,
    );
    const imageRef = checkImage(`${id}.image`, props.image ?? 'cesanta/docker_auth:1.14.0');

    const users = new Construct(this, 'users');
    const passwords = userPasswords(users, `${id}.users`, this.spec.users, length);
    this.passwords = passwordsByUser(passwords);

    const signingKey = new PrivateKey(this, 'signing-key', { algorithm: 'ECDSA', ecdsaCurve: 'P256' });
    const signingCert = new SelfSignedCert(this, 'signing-certificate', {
      privateKeyPem: signingKey.privateKeyPem,
      validityPeriodHours: validityDays * 24,
      allowedUses: ['digital_signature'],
      subject: [{ commonName: this.spec.issuer }],
    });
    this.rootCertBundlePem = signingCert.certPem;

    const plan = tokenServerPlan({
      name: this.name,
      image: imageRef,
      spec: this.spec,
      aliases,
      publish: this.publish,
      passwordHashes: Object.fromEntries(passwords.map((u) => [u.name, u.bcryptHash])),
      tls: certificateAndKey(props.tls),
      signing: certificateAndKey({
        certificatePem: signingCert.certPem,
        privateKeyPem: signingKey.privateKeyPem,
      }),
    });
    this.files = plan.files;
    this.container = realizeService(this, plan, { network: props.network }).container;
  }

  /** The token endpoint as clients on the host reach it, for example `https://localhost:5001/auth`. */
  public realm(hostname: string): string {
    return `https://${hostname}:${this.publish.port}/auth`;
  }

  /** The registry's `auth` section for this token server, with the realm clients reach at `hostname`. */
  public registryAuth(hostname: string): TokenAuthSpec {
    return {
      type: 'token',
      realm: this.realm(hostname),
      service: this.spec.service,
      issuer: this.spec.issuer,
    };
  }
}
