import { Construct } from 'constructs';
import { TerraformOutput, TerraformStack } from '../lib/constructs/cdktf';
import { HtpasswdUsers } from '../lib/constructs/htpasswd-users';
import { PlatformNetwork } from '../lib/constructs/platform-network';
import { configureProviders } from '../lib/constructs/providers';
import { Registry } from '../lib/constructs/registry';
import { RegistryUi } from '../lib/constructs/registry-ui';
import { RegistryCertificates, suppliedTls, TlsMaterial } from '../lib/constructs/tls';
import { checkHostname, checkPort } from '../lib/model/checks';
import { RegistryVersion } from '../lib/model/dialect';
import { TlsMinimumVersion } from '../lib/model/http';
import { SuppliedTlsSpec } from '../lib/model/tls';
import { DEFAULT_USERS, UserSpec } from '../lib/model/users';

/** Parameters of the `secure` stack. */
export interface SecureStackProps {
  /** Prefix of every Docker object's name. @default the stack id */
  readonly namePrefix?: string;
  /** Hostname clients use; it goes into the certificate and `http.host`. @default 'localhost' */
  readonly hostname?: string;
  /** More names or IPv4 addresses for the certificate. @default none */
  readonly extraHostnames?: readonly string[];
  /** Host port of the registry (TLS). @default 5443 */
  readonly port?: number;
  /** Host port of the UI. @default 8080 */
  readonly uiPort?: number;
  /** Host address both ports are bound to. @default '127.0.0.1' */
  readonly bindAddress?: string;
  /** Users (htpasswd: each can push, pull and delete everywhere; roles need the token stack). @default one user, admin, with a generated 32-character password */
  readonly users?: readonly UserSpec[];
  /** Registry major version. @default 2 */
  readonly registryVersion?: RegistryVersion;
  /** Registry image. @default the dialect's pinned official image */
  readonly registryImage?: string;
  /** UI image. @default 'joxit/docker-registry-ui:2.5.7' */
  readonly uiImage?: string;
  /** Lowest TLS version. @default 'tls1.2' */
  readonly tlsMinimumVersion?: TlsMinimumVersion;
  /** Certificates to use instead of a generated CA. @default a generated CA and server certificate */
  readonly tls?: SuppliedTlsSpec;
  /** Allow deletes (the UI's delete button). @default true */
  readonly deleteEnabled?: boolean;
  /** Deploy the UI. @default true */
  readonly ui?: boolean;
  /** Docker host the provider talks to. @default the local socket */
  readonly dockerHost?: string;
}

/**
 * A registry over TLS (TLS 1.2+, HSTS) with htpasswd users and the Joxit UI, what the seed labs set
 * up by hand: a generated CA and server certificate (or supplied PEMs), generated passwords
 * kept in state and given back as sensitive outputs, ports bound to 127.0.0.1 by default.
 */
export class SecureStack extends TerraformStack {
  /** The registry. */
  public readonly registry: Registry;
  /** The users. */
  public readonly users: HtpasswdUsers;
  /** The certificates. */
  public readonly tls: TlsMaterial;
  /** The UI, when deployed. */
  public readonly ui?: RegistryUi;

  /** Defines the stack. */
  public constructor(scope: Construct, id: string, props: SecureStackProps = {}) {
    super(scope, id);
    configureProviders(this, props.dockerHost !== undefined ? { dockerHost: props.dockerHost } : {});
    const prefix = props.namePrefix ?? id;
    const hostname = checkHostname(`${id}.hostname`, props.hostname ?? 'localhost');
    const bindAddress = props.bindAddress ?? '127.0.0.1';
    const port = checkPort(`${id}.port`, props.port ?? 5443);
    const network = new PlatformNetwork(this, 'network', { name: `${prefix}-net` });
    this.tls =
      props.tls !== undefined
        ? suppliedTls(props.tls, `${id}.tls`)
        : new RegistryCertificates(this, 'tls', {
            hostnames: [hostname, ...(props.extraHostnames ?? [])],
            serviceNames: ['registry', `${prefix}-registry`],
          });
    this.users = new HtpasswdUsers(this, 'users', { users: props.users ?? DEFAULT_USERS });
    const registryUrl = `https://${hostname}:${port}`;
    this.registry = new Registry(this, 'registry', {
      name: `${prefix}-registry`,
      network,
      publish: { port, bindAddress },
      ...(props.registryVersion !== undefined ? { version: props.registryVersion } : {}),
      ...(props.registryImage !== undefined ? { image: props.registryImage } : {}),
      http: { host: registryUrl, tls: { minimumVersion: props.tlsMinimumVersion ?? 'tls1.2' } },
      storage: { deleteEnabled: props.deleteEnabled ?? true },
      tls: this.tls,
      htpasswd: this.users,
    });
    if (props.ui ?? true) {
      this.ui = new RegistryUi(this, 'ui', {
        name: `${prefix}-ui`,
        network,
        registry: this.registry,
        publish: { port: props.uiPort ?? 8080, bindAddress },
        ...(props.uiImage !== undefined ? { image: props.uiImage } : {}),
      });
      new TerraformOutput(this, 'ui_url', {
        value: `http://${bindAddress === '0.0.0.0' ? hostname : bindAddress}:${props.uiPort ?? 8080}`,
        description: 'URL of the registry UI',
      });
    }
    new TerraformOutput(this, 'registry_url', { value: registryUrl, description: 'URL of the registry' });
    if (this.tls.caCertificatePem !== undefined) {
      new TerraformOutput(this, 'ca_certificate', {
        value: this.tls.caCertificatePem,
        description: `CA to trust: save it as /etc/docker/certs.d/${hostname}:${port}/ca.crt`,
      });
    }
    new TerraformOutput(this, 'ca_trust_path', {
      value: `/etc/docker/certs.d/${hostname}:${port}/ca.crt`,
      description: "Where the Docker daemon looks for this registry's CA",
    });
    new TerraformOutput(this, 'credentials', {
      value: this.users.passwords,
      sensitive: true,
      description:
        'Generated passwords by user name (cdktf output --outputs-file, or terraform output -json)',
    });
    new TerraformOutput(this, 'data_volume', {
      value: this.registry.dataVolumeName,
      description: 'Docker volume holding the images (kept on destroy)',
    });
  }
}
