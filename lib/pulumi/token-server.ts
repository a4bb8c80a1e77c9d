import { TokenAuthSpec } from '../model/auth';
import { ServiceEndpoint } from '../model/endpoint';
import { ResolvedPublish } from '../model/publish';
import { ResolvedTokenServer } from '../model/token-server';
import { tokenServerComponent, TokenServerComponentSpec } from '../plans/token-server-component';
import { RenderedFile } from '../render/file';
import { docker, pulumi, tls } from './engine';
import { PlatformNetwork } from './network';
import { certificateAndKey } from './private/values';
import { passwordsByUser, userPasswords } from './private/user-passwords';
import { realizeService } from './service';
import { TlsMaterial } from './tls';
import { Upstream } from './upstream';

/** Args of {@link TokenServer}: the token server spec plus how it is wired on Docker. */
export interface TokenServerArgs extends TokenServerComponentSpec {
  /** The network it joins. */
  readonly network: PlatformNetwork;
  /** Certificate and key of the HTTPS token endpoint (always TLS: clients send passwords there). */
  readonly tls: TlsMaterial;
}

/**
 * docker_auth enforcing roles, as the cdktf `TokenServer`: generated passwords (only their
 * bcrypt hashes reach the container), tokens signed with a key from the tls provider. Children
 * `<name>-users-password-<user>`, `<name>-signing-key`, `<name>-signing-certificate`,
 * `<name>-image`, `<name>-config`, `<name>-config-carrier` and `<name>-container`.
 */
export class TokenServer extends pulumi.ComponentResource implements Upstream {
  /** The validated spec. */
  public readonly spec: ResolvedTokenServer;
  /** Where the endpoint is published. */
  public readonly publish: ResolvedPublish;
  /** Generated passwords by user name (secret). */
  public readonly passwords: Readonly<Record<string, pulumi.Output<string>>>;
  /** The certificate of the token signing key: the registry's `auth.token.rootcertbundle`. */
  public readonly rootCertBundlePem: pulumi.Output<string>;
  /** Where containers on the platform network reach the token endpoint. */
  public readonly endpoint: ServiceEndpoint;
  /** Every file delivered into the container. */
  public readonly files: readonly RenderedFile[];
  /** The container. */
  public readonly container: docker.Container;

  /** Validates the spec, generates passwords and the signing key, renders the files, defines the container. */
  public constructor(name: string, args: TokenServerArgs, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:TokenServer', name, {}, opts);
    const c = tokenServerComponent(name, args);
    this.spec = c.spec;
    this.publish = c.publish;
    this.endpoint = c.endpoint;
    const passwords = userPasswords(
      this,
      `${name}-users`,
      `${name}.users`,
      this.spec.users,
      c.passwordLength,
    );
    this.passwords = passwordsByUser(passwords);
    const signingKey = new tls.PrivateKey(
      `${name}-signing-key`,
      { algorithm: 'ECDSA', ecdsaCurve: 'P256' },
      { parent: this, additionalSecretOutputs: ['privateKeyPem'] },
    );
    const signingCert = new tls.SelfSignedCert(
      `${name}-signing-certificate`,
      {
        privateKeyPem: signingKey.privateKeyPem,
        validityPeriodHours: c.signingValidityHours,
        allowedUses: ['digital_signature'],
        subject: { commonName: this.spec.issuer },
      },
      { parent: this },
    );
    this.rootCertBundlePem = signingCert.certPem;
    const plan = c.plan({
      passwordHashes: Object.fromEntries(passwords.map((u) => [u.name, u.bcryptHash])),
      tls: certificateAndKey(args.tls),
      signing: certificateAndKey({
        certificatePem: signingCert.certPem,
        privateKeyPem: signingKey.privateKeyPem,
      }),
    });
    this.files = plan.files;
    this.container = realizeService(this, name, plan, { network: args.network }).container;
    this.registerOutputs({ passwords: this.passwords });
  }

  /** The token endpoint as clients on the host reach it, for example `https://localhost:5001/auth`. */
  public realm(hostname: string): string {
    return `https://${hostname}:${this.publish.port}/auth`;
  }

  /** The registry's `auth` section for this token server. */
  public registryAuth(hostname: string): TokenAuthSpec {
    return {
      type: 'token',
      realm: this.realm(hostname),
      service: this.spec.service,
      issuer: this.spec.issuer,
    };
  }
}
