import { TerraformVariable } from 'cdktf';
import { parse } from 'yaml';
import { Volume } from '@cdktf/provider-docker/lib/volume';
import { Container } from '@cdktf/provider-docker/lib/container';
import {
  HtpasswdUsers,
  PlatformNetwork,
  Registry,
  RegistryCertificates,
  RegistryProps,
  SpecError,
  terraformSecret,
} from '../../lib';
import { containerByName, expectConfigDelivery, only, synthWith, uploadsOf } from '../helpers/synth';

function registry(props: Partial<RegistryProps> = {}): string {
  return synthWith((s) => {
    const network = new PlatformNetwork(s, 'network', { name: 'lab-net' });
    new Registry(s, 'registry', { name: 'lab-registry', network, ...props });
  });
}

describe('Registry construct', () => {
  test('hardened container: read-only root, every capability dropped, no-new-privileges, /tmp tmpfs', () => {
    const json = registry();
    expect(json).toHaveResourceWithProperties(Container, {
      name: 'lab-registry',
      read_only: true,
      capabilities: { drop: ['ALL'] },
      security_opts: ['no-new-privileges:true'],
      tmpfs: { '/tmp': 'rw,noexec,nosuid,size=64m' },
      restart: 'unless-stopped',
      // The network by reference: the container is created after it and destroyed before it.
      networks_advanced: [{ name: '${docker_network.network_C8AC2FB3.name}', aliases: ['registry'] }],
    });
  });

  test('only the API port is published, on 127.0.0.1 by default; the debug port never is', () => {
    const c = containerByName(registry(), 'lab-registry');
    expect(c.ports).toEqual([{ internal: 5000, external: 5000, ip: '127.0.0.1', protocol: 'tcp' }]);
    expect(
      containerByName(registry({ publish: { port: 6000, bindAddress: '10.1.2.3' } }), 'lab-registry').ports,
    ).toEqual([{ internal: 5000, external: 6000, ip: '10.1.2.3', protocol: 'tcp' }]);
    expect(containerByName(registry({ publish: false }), 'lab-registry').ports ?? []).toEqual([]);
  });

  test('health check asks the debug listener inside the container and deploy waits for it', () => {
    const c = containerByName(registry(), 'lab-registry');
    expect(c.healthcheck.test).toEqual([
      'CMD',
      'wget',
      '-q',
      '-O',
      '/dev/null',
      'http://127.0.0.1:5001/debug/health',
    ]);
    expect(c.wait).toBe(true);
  });

  test('config volume at the dialect dir, data volume kept outside Terraform by default', () => {
    const json = registry();
    const c = containerByName(json, 'lab-registry');
    expect(c.volumes).toEqual([
      {
        volume_name: expect.stringMatching(/^\$\{docker_volume\.registry_config_[A-F0-9]+\.name\}$/),
        container_path: '/etc/docker/registry',
        read_only: true,
      },
      { volume_name: 'lab-registry-data', container_path: '/var/lib/registry' },
    ]);
    expect(json).toHaveResourceWithProperties(Volume, { name: 'lab-registry-config' });
    expect(json).not.toHaveResourceWithProperties(Volume, { name: 'lab-registry-data' });
    expect(registry({ retainDataOnDestroy: false })).toHaveResourceWithProperties(Volume, {
      name: 'lab-registry-data',
    });
  });

  test('config files reach the read-only root through a never-started carrier, mounted read-only', () => {
    const json = registry();
    expectConfigDelivery(json, 'lab-registry', '/etc/docker/registry');
    expect(uploadsOf(json, 'lab-registry').map((u) => [u.file, u.permissions])).toEqual([
      ['/etc/docker/registry/config.yml', '0640'],
    ]);
    expectConfigDelivery(registry({ version: 3 }), 'lab-registry', '/etc/distribution');
  });

  test('dialect 3 uploads to /etc/distribution and turns OTEL tracing off', () => {
    const json = registry({ version: 3 });
    const c = containerByName(json, 'lab-registry');
    expect(uploadsOf(json, 'lab-registry').map((u) => u.file)).toEqual(['/etc/distribution/config.yml']);
    expect(c.env).toEqual(['OTEL_TRACES_EXPORTER=none']);
    expect(c.volumes[0].container_path).toBe('/etc/distribution');
  });

  test('http.secret is generated (alphanumeric, 48) and reaches the YAML through jsonencode', () => {
    const json = registry();
    const pw = only(json, 'random_password');
    expect(pw).toMatchObject({ length: 48, special: false });
    const upload = uploadsOf(json, 'lab-registry')[0]!;
    expect(upload.content).toMatch(
      /\n {2}secret: \$\{jsonencode\(random_password\.registry_http-secret_[A-F0-9]+\.result\)\}\n/,
    );
  });

  test('every secret reference lands in config.yml quoted (jsonencode), whatever its characters', () => {
    const json = synthWith((s) => {
      const network = new PlatformNetwork(s, 'network', { name: 'lab-net' });
      const secret = terraformSecret(
        new TerraformVariable(s, 'secret', { type: 'string', sensitive: true }).stringValue,
      );
      new Registry(s, 'registry', {
        name: 'lab-registry',
        network,
        version: 3,
        storage: { driver: { driver: 's3', bucket: 'b', region: 'r', accessKey: 'AK', secretKey: secret } },
        proxy: { remoteUrl: 'https://upstream', username: 'u', password: secret },
        notifications: [{ name: 'h', url: 'http://hook/', headers: { Authorization: [secret] } }],
      });
    });
    const content = uploadsOf(json, 'lab-registry')[0]!.content;
    const quoted = '\\$\\{jsonencode\\(var\\.secret\\)\\}';
    expect(content).toMatch(new RegExp(`secretkey: ${quoted}`));
    expect(content).toMatch(new RegExp(`password: ${quoted}`));
    expect(content).toMatch(new RegExp(`Authorization:\\n\\s+- ${quoted}`));
    expect(content).toMatch(
      /secret: \$\{jsonencode\(random_password\.registry_http-secret_[A-F0-9]+\.result\)\}/,
    );
  });

  test('literal ${ and %{ in file content are escaped for Terraform', () => {
    const upload = uploadsOf(
      registry({ http: { headers: { 'X-Note': ['${not-a-ref} %{nor-a-directive}'] } } }),
      'lab-registry',
    )[0]!;
    expect(upload.content).toContain('$${not-a-ref} %%{nor-a-directive}');
    // Unescaping what Terraform unescapes gives back the literal text in valid YAML.
    const applied = (upload.content as string)
      .replace(/\$\$\{/g, '${')
      .replace(/%%\{/g, '%{')
      .replace(/\$\{jsonencode\([^)]*\)\}/, '"s"');
    expect(parse(applied).http.headers['X-Note']).toEqual(['${not-a-ref} %{nor-a-directive}']);
  });

  test('TLS and htpasswd files are uploaded with tight modes and referenced, never inlined', () => {
    const json = synthWith((s) => {
      const network = new PlatformNetwork(s, 'network', { name: 'lab-net' });
      const tls = new RegistryCertificates(s, 'tls', { hostnames: ['registry.lab'] });
      const users = new HtpasswdUsers(s, 'users', { users: [{ name: 'admin' }] });
      new Registry(s, 'registry', { name: 'lab-registry', network, tls, htpasswd: users });
    });
    const uploads = Object.fromEntries(uploadsOf(json, 'lab-registry').map((u) => [u.file, u]));
    expect(Object.keys(uploads)).toEqual([
      '/etc/docker/registry/config.yml',
      '/etc/docker/registry/auth/htpasswd',
      '/etc/docker/registry/certs/server.crt',
      '/etc/docker/registry/certs/server.key',
    ]);
    expect(uploads['/etc/docker/registry/certs/server.key']!.permissions).toBe('0600');
    expect(uploads['/etc/docker/registry/certs/server.key']!.content).toMatch(
      /^\$\{tls_private_key\.tls_server-key_[A-F0-9]+\.private_key_pem\}$/,
    );
    expect(uploads['/etc/docker/registry/auth/htpasswd']!.content).toMatch(
      /^admin:\$\{random_password\.users_password-admin_[A-F0-9]+\.bcrypt_hash\}\n$/,
    );
    const config = parse(uploads['/etc/docker/registry/config.yml']!.content);
    expect(config.auth).toEqual({
      htpasswd: { realm: 'Registry', path: '/etc/docker/registry/auth/htpasswd' },
    });
    expect(config.http.tls.minimumtls).toBe('tls1.2');
  });

  test('inconsistent wiring fails at synth with a clear error', () => {
    expect(() => registry({ auth: { type: 'htpasswd' } })).toThrow(
      /registry\.htpasswd: got undefined; htpasswd users are needed exactly when auth\.type is "htpasswd"/,
    );
    expect(() => registry({ http: { tls: {} } })).toThrow(
      /registry\.tls: got undefined; http\.tls is set, so a certificate is needed/,
    );
    expect(() => registry({ name: 'bad name' })).toThrow(SpecError);
    expect(() => registry({ storage: { driver: { driver: 'gcs' } as never } })).toThrow(
      /registry\.storage\.driver\.driver: got "gcs"; allowed: "filesystem", "s3"/,
    );
    expect(() =>
      registry({ auth: { type: 'token', realm: 'https://auth/token', service: 'registry' } as never }),
    ).toThrow(/registry\.auth\.issuer: got undefined; token auth needs the issuer/);
    expect(() =>
      registry({ auth: { type: 'token', realm: 'https://auth/token', service: 'registry', issuer: 'lab' } }),
    ).toThrow(
      /registry\.tokenRootCertBundle: got undefined; the token signing certificate is needed exactly when auth\.type is "token"/,
    );
  });

  test('token auth: the signing certificate is delivered where rootcertbundle points', () => {
    const json = registry({
      auth: { type: 'token', realm: 'https://auth/token', service: 'registry', issuer: 'lab' },
      tokenRootCertBundle: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    });
    const files = uploadsOf(json, 'lab-registry');
    const config = parse(files.find((f) => f.file.endsWith('config.yml'))!.content);
    const bundle = files.find((f) => f.file === config.auth.token.rootcertbundle);
    expect(bundle).toMatchObject({
      permissions: '0644',
      content: expect.stringMatching(/^-----BEGIN CERTIFICATE/),
    });
  });
});
