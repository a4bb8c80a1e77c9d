import { Construct } from 'constructs';
import { TokenAuthSpec } from '../model/auth';
import { ServiceEndpoint } from '../model/endpoint';
import { ResolvedPublish } from '../model/publish';
import { ResolvedTokenServer } from '../model/token-server';
import { tokenServerComponent, TokenServerComponentSpec } from '../plans/token-server-component';
import { RenderedFile } from '../render/file';
import { PlatformNetwork } from './platform-network';
import { Container, PrivateKey, SelfSignedCert } from './providers';
import { realizeService } from './service';
import { certificateAndKey } from './private/secret-values';
import { TlsMaterial } from './tls';
import { Upstream } from './upstream';
import { passwordsByUser, userPasswords } from './private/user-passwords';

/** Props of {@link TokenServer}: the token server spec plus how it is wired on Docker. */
export interface TokenServerProps extends TokenServerComponentSpec {
  /** The network it joins. */
  readonly network: PlatformNetwork;
  /**
   * Certificate and key of the HTTPS token endpoint. Clients send their password there, so the
   * endpoint is always TLS (1.2+ by default).
   */
  readonly tls: TlsMaterial;
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
    const c = tokenServerComponent(id, props);
    this.name = c.name;
    this.spec = c.spec;
    this.publish = c.publish;
    this.endpoint = c.endpoint;
    this.internalUrl = c.internalUrl;

    const users = new Construct(this, 'users');
    const passwords = userPasswords(users, `${id}.users`, this.spec.users, c.passwordLength);
    this.passwords = passwordsByUser(passwords);

    const signingKey = new PrivateKey(this, 'signing-key', { algorithm: 'ECDSA', ecdsaCurve: 'P256' });
    const signingCert = new SelfSignedCert(this, 'signing-certificate', {
      privateKeyPem: signingKey.privateKeyPem,
      validityPeriodHours: c.signingValidityHours,
      allowedUses: ['digital_signature'],
      subject: [{ commonName: this.spec.issuer }],
    });
    this.rootCertBundlePem = signingCert.certPem;

    const plan = c.plan({
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
