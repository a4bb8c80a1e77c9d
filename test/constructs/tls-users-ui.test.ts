import { Container } from '@cdktf/provider-docker/lib/container';
import { HtpasswdUsers, PlatformNetwork, Registry, RegistryCertificates, RegistryUi } from '../../lib';
import { LocallySignedCert, Password, PrivateKey, SelfSignedCert } from '../../lib/constructs/providers';
import { containerByName, only, synthWith } from '../helpers/synth';

describe('RegistryCertificates', () => {
  const json = synthWith((s) => {
    new RegistryCertificates(s, 'tls', {
      hostnames: ['registry.lab', '192.168.56.10'],
      serviceNames: ['registry'],
    });
  });

  test('an ECDSA CA with cert-signing uses', () => {
    expect(json).toHaveResourceWithProperties(PrivateKey, { algorithm: 'ECDSA', ecdsa_curve: 'P256' });
    expect(json).toHaveResourceWithProperties(SelfSignedCert, {
      is_ca_certificate: true,
      allowed_uses: ['cert_signing', 'crl_signing', 'digital_signature'],
      validity_period_hours: 87600,
    });
  });

  test('a server certificate with every SAN, for server auth only', () => {
    const csr = only(json, 'tls_cert_request');
    expect(csr.dns_names).toEqual(['registry.lab', 'registry', 'localhost']);
    expect(csr.ip_addresses).toEqual(['192.168.56.10', '127.0.0.1']);
    expect(json).toHaveResourceWithProperties(LocallySignedCert, {
      allowed_uses: ['digital_signature', 'key_encipherment', 'server_auth'],
      validity_period_hours: 397 * 24,
    });
  });
});

describe('HtpasswdUsers', () => {
  test('a 32-character alphanumeric password per user, kept in state', () => {
    const json = synthWith((s) => {
      new HtpasswdUsers(s, 'users', { users: [{ name: 'admin' }, { name: 'ci.bot' }] });
    });
    const pws = JSON.parse(json).resource.random_password;
    expect(Object.keys(pws).map((k) => k.replace(/_[A-F0-9]{8}$/, ''))).toEqual([
      'users_password-admin',
      'users_password-ci_bot',
    ]);
    expect(json).toHaveResourceWithProperties(Password, {
      length: 32,
      special: false,
      min_upper: 1,
      min_lower: 1,
      min_numeric: 1,
    });
  });

  test('a password shorter than 24 characters is refused', () => {
    expect(() =>
      synthWith((s) => new HtpasswdUsers(s, 'users', { users: [{ name: 'a' }], passwordLength: 16 })),
    ).toThrow(/users\.passwordLength: got 16; allowed: a whole number from 24 to 128/);
  });
});

describe('RegistryUi', () => {
  function ui(deleteEnabled: boolean, withAuth: boolean): string {
    return synthWith((s) => {
      const network = new PlatformNetwork(s, 'network', { name: 'lab-net' });
      const registry = new Registry(s, 'registry', {
        name: 'lab-registry',
        network,
        storage: { deleteEnabled },
        ...(withAuth ? { htpasswd: new HtpasswdUsers(s, 'users', { users: [{ name: 'a' }] }) } : {}),
      });
      new RegistryUi(s, 'ui', { name: 'lab-ui', network, registry });
    });
  }

  test('same-origin proxy to the registry on the network, published on 127.0.0.1:8080', () => {
    expect(ui(true, true)).toHaveResourceWithProperties(Container, {
      name: 'lab-ui',
      ports: [{ internal: 80, external: 8080, ip: '127.0.0.1', protocol: 'tcp' }],
      env: expect.arrayContaining([
        'NGINX_PROXY_PASS_URL=http://registry:5000',
        'SINGLE_REGISTRY=true',
        'REGISTRY_SECURED=true',
        'DELETE_IMAGES=true',
      ]),
      security_opts: ['no-new-privileges:true'],
    });
  });

  test('the stated exception: a writable root (its start script rewrites files), no upload, no carrier', () => {
    const json = ui(true, true);
    const c = containerByName(json, 'lab-ui');
    expect(c.read_only).toBe(false);
    expect(c.upload).toBeUndefined();
    expect(c.volumes).toBeUndefined();
    expect(() => containerByName(json, 'lab-ui-config')).toThrow(
      /expected one docker_container named lab-ui-config, found 0/,
    );
  });

  test('REGISTRY_SECURED and DELETE_IMAGES follow the registry', () => {
    expect(ui(false, false)).toHaveResourceWithProperties(Container, {
      name: 'lab-ui',
      env: expect.arrayContaining(['REGISTRY_SECURED=false', 'DELETE_IMAGES=false']),
    });
  });
});
