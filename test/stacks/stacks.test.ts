import { Fn, Testing } from 'cdktf';
import { parse } from 'yaml';
import { BasicStack, SecureStack } from '../../stacks';
import { SecretRef, terraformSecret } from '../../lib';
import {
  containerByName,
  expectConfigDelivery,
  TfJson,
  uploadOf,
  uploadsOf,
  addresses,
} from '../helpers/synth';

function synthBasic(props = {}): TfJson {
  return JSON.parse(Testing.synth(new BasicStack(Testing.app(), 'basic', props))) as TfJson;
}
function synthSecure(props = {}): TfJson {
  return JSON.parse(Testing.synth(new SecureStack(Testing.app(), 'secure', props))) as TfJson;
}
describe('basic stack', () => {
  const tf = synthBasic();

  test('Terraform addresses', () => {
    expect(addresses(tf)).toEqual([
      'docker_container.registry_config-carrier_3E445E65',
      'docker_container.registry_container_ADE921E6',
      'docker_image.registry_image_D3DCD34E',
      'docker_network.network_C8AC2FB3',
      'docker_volume.registry_config_85E9C392',
      'random_password.registry_http-secret_9909A992',
    ]);
  });

  test('one registry on 127.0.0.1:5000 with a persistent volume, no auth, no TLS', () => {
    const c = containerByName(tf, 'basic-registry');
    expect(c.ports).toEqual([{ internal: 5000, external: 5000, ip: '127.0.0.1', protocol: 'tcp' }]);
    expect(c.volumes[1]).toEqual({ volume_name: 'basic-registry-data', container_path: '/var/lib/registry' });
    expectConfigDelivery(tf, 'basic-registry', '/etc/docker/registry');
    const config = parse(uploadOf(tf, 'basic-registry', '/etc/docker/registry/config.yml').content);
    expect(config.auth).toBeUndefined();
    expect(config.http.tls).toBeUndefined();
    expect(tf.output!.registry_url!.value).toBe('http://localhost:5000');
  });

  test('parameters: port, bind address, version, image', () => {
    const p = synthBasic({
      port: 5999,
      bindAddress: '0.0.0.0',
      registryVersion: 3,
      registryImage: 'registry:3.0.0',
    });
    const c = containerByName(p, 'basic-registry');
    expect(c.ports[0]).toMatchObject({ external: 5999, ip: '0.0.0.0' });
    expect(uploadsOf(p, 'basic-registry')[0]!.file).toBe('/etc/distribution/config.yml');
  });

  test('snapshot (reviewed: the basic stack as deployed)', () => {
    expect(tf).toMatchSnapshot();
  });
});

describe('secure stack', () => {
  const tf = synthSecure();

  test('Terraform addresses', () => {
    expect(addresses(tf)).toEqual([
      'docker_container.registry_config-carrier_3E445E65',
      'docker_container.registry_container_ADE921E6',
      'docker_container.ui_container_79C2AC90',
      'docker_image.registry_image_D3DCD34E',
      'docker_image.ui_image_493821E3',
      'docker_network.network_C8AC2FB3',
      'docker_volume.registry_config_85E9C392',
      'random_password.registry_http-secret_9909A992',
      'random_password.users_password-admin_E585E7DE',
      'tls_cert_request.tls_server-csr_6C235180',
      'tls_locally_signed_cert.tls_server_DE20AC8F',
      'tls_private_key.tls_ca-key_1CE3EB99',
      'tls_private_key.tls_server-key_6B7D05EB',
      'tls_self_signed_cert.tls_ca_75D9EF28',
    ]);
  });

  test('TLS 1.2+, htpasswd with the one default user (admin: htpasswd cannot restrict), http.host and delete on', () => {
    const c = containerByName(tf, 'secure-registry');
    expectConfigDelivery(tf, 'secure-registry', '/etc/docker/registry');
    const config = parse(uploadOf(tf, 'secure-registry', '/etc/docker/registry/config.yml').content);
    expect(config.http.tls.minimumtls).toBe('tls1.2');
    expect(config.http.host).toBe('https://localhost:5443');
    expect(config.auth.htpasswd.path).toBe('/etc/docker/registry/auth/htpasswd');
    expect(config.storage.delete.enabled).toBe(true);
    expect(
      uploadOf(tf, 'secure-registry', '/etc/docker/registry/auth/htpasswd')
        .content.split('\n')
        .map((l) => l.split(':')[0]),
    ).toEqual(['admin', '']);
    expect(c.ports).toEqual([{ internal: 5000, external: 5443, ip: '127.0.0.1', protocol: 'tcp' }]);
  });

  test('certificate SANs cover the hostname, the service names, localhost and 127.0.0.1', () => {
    const csr = Object.values(tf.resource.tls_cert_request!)[0]!;
    expect(csr.dns_names).toEqual(['localhost', 'registry', 'secure-registry']);
    expect(csr.ip_addresses).toEqual(['127.0.0.1']);
  });

  test('outputs: URL, CA and where to put it, credentials marked sensitive', () => {
    const out = tf.output!;
    expect(out.registry_url!.value).toBe('https://localhost:5443');
    expect(out.ca_certificate!.value).toMatch(/^\$\{tls_self_signed_cert\.tls_ca_[A-F0-9]+\.cert_pem\}$/);
    expect(out.ca_trust_path!.value).toBe('/etc/docker/certs.d/localhost:5443/ca.crt');
    expect(out.credentials!.sensitive).toBe(true);
    expect(Object.keys(out.credentials!.value as object)).toEqual(['admin']);
    expect(out.ui_url!.value).toBe('http://127.0.0.1:8080');
  });

  test('UI proxies to the registry over TLS on the network, secured, delete shown', () => {
    const ui = containerByName(tf, 'secure-ui');
    expect(ui.env).toEqual(
      expect.arrayContaining([
        'NGINX_PROXY_PASS_URL=https://registry:5000',
        'REGISTRY_SECURED=true',
        'DELETE_IMAGES=true',
      ]),
    );
  });

  test('parameters: hostname, ports, users, version 3, supplied certificates', () => {
    const p = synthSecure({
      hostname: 'registry.lab',
      port: 443,
      uiPort: 8443,
      users: [{ name: 'teacher' }],
      registryVersion: 3,
      tls: {
        certificatePem: Fn.file('certs/server.crt'),
        privateKeyPem: terraformSecret(Fn.file('certs/server.key')),
      },
    });
    expect(p.resource.tls_self_signed_cert).toBeUndefined();
    expect(parse(uploadOf(p, 'secure-registry', '/etc/distribution/config.yml').content).http.host).toBe(
      'https://registry.lab:443',
    );
    expect(uploadOf(p, 'secure-registry', '/etc/distribution/auth/htpasswd').content).toMatch(/^teacher:/);
    expect(p.output!.ca_certificate).toBeUndefined();
  });

  test('snapshot (reviewed: the secure stack as deployed)', () => {
    expect(tf).toMatchSnapshot();
  });
});

describe('invalid stack parameters fail at synth with a clear error', () => {
  test.each([
    [
      'port outside 1-65535',
      () => synthSecure({ port: 70000 }),
      /secure\.port: got 70000; a port must be a whole number from 1 to 65535/,
    ],
    ['UI port 0', () => synthSecure({ uiPort: 0 }), /^secure\.uiPort: got 0/],
    ['basic port 0', () => synthBasic({ port: 0 }), /^basic\.port: got 0/],
    [
      'a hostname with spaces',
      () => synthSecure({ hostname: 'my registry' }),
      /secure\.hostname: got "my registry"; allowed: a DNS name/,
    ],
    [
      'registry version 4',
      () => synthBasic({ registryVersion: 4 }),
      /^basic\.registryVersion: got 4; allowed: 2 \(registry:2\.x\) or 3 \(registry:3\.x\)/,
    ],
    [
      'a user name containing ":"',
      () => synthSecure({ users: [{ name: 'bad:name' }] }),
      /^secure\.users\[0\]\.name: got "bad:name"; allowed: .*no ":"/,
    ],
    [
      'a user named for a role htpasswd cannot enforce',
      () => synthSecure({ users: [{ name: 'admin' }, { name: 'readonly', roles: ['readonly'] }] }),
      /^secure\.users\[1\]\.roles: got \["readonly"\]; htpasswd authentication gives every user push, pull and delete .*Use token authentication/,
    ],
    [
      'TLS minimum below 1.2',
      () => synthSecure({ tlsMinimumVersion: 'tls1.1' }),
      /^secure\.tlsMinimumVersion: got "tls1\.1"; allowed: "tls1\.2" or "tls1\.3"/,
    ],
    [
      'a bind address that is not IPv4',
      () => synthBasic({ bindAddress: 'localhost' }),
      /^basic\.bindAddress: got "localhost"/,
    ],
    [
      'a literal supplied private key',
      () =>
        synthSecure({
          tls: {
            certificatePem: '-----BEGIN CERTIFICATE-----\n',
            privateKeyPem: '-----BEGIN PRIVATE KEY-----\nx' as unknown as SecretRef,
          },
        }),
      /secure\.tls\.privateKeyPem: got <a PEM private key \(not shown\)>/,
    ],
  ])('%s', (_name, fn, message) => {
    expect(fn).toThrow(message);
  });
});

describe('warnings', () => {
  test('a basic registry bound beyond loopback is flagged', () => {
    const stack = new BasicStack(Testing.app(), 'basic', { bindAddress: '0.0.0.0' });
    const warnings = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => m.type === '@cdktf/warn')
      .map((m) => String(m.data));
    expect(warnings.join('\n')).toMatch(/no TLS and no auth but is bound to 0\.0\.0\.0/);
  });
});
