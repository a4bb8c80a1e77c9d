import { Testing } from 'cdktf';
import { parse } from 'yaml';
import { TokenStack, TokenStackProps } from '../../stacks';
import { containerByName, expectConfigDelivery, TfJson, uploadOf, addresses } from '../helpers/synth';

function synthToken(props: TokenStackProps = {}): TfJson {
  return JSON.parse(Testing.synth(new TokenStack(Testing.app(), 'token', props))) as TfJson;
}
describe('token stack', () => {
  const tf = synthToken();

  test('Terraform addresses', () => {
    expect(addresses(tf)).toEqual([
      'docker_container.registry_config-carrier_3E445E65',
      'docker_container.registry_container_ADE921E6',
      'docker_container.token-server_config-carrier_D574835D',
      'docker_container.token-server_container_4C3F1F1C',
      'docker_container.ui_container_79C2AC90',
      'docker_image.registry_image_D3DCD34E',
      'docker_image.token-server_image_35D3AC84',
      'docker_image.ui_image_493821E3',
      'docker_network.network_C8AC2FB3',
      'docker_volume.registry_config_85E9C392',
      'docker_volume.token-server_config_882D1A3D',
      'random_password.registry_http-secret_9909A992',
      'random_password.token-server_users_password-admin_8AC429F1',
      'random_password.token-server_users_password-ci_C946BBC6',
      'random_password.token-server_users_password-developer_07F4D97A',
      'random_password.token-server_users_password-readonly_5C9A94B5',
      'tls_cert_request.tls_server-csr_6C235180',
      'tls_cert_request.tls_token-server-csr_9DFED7C7',
      'tls_locally_signed_cert.tls_server_DE20AC8F',
      'tls_locally_signed_cert.tls_token-server_4033275E',
      'tls_private_key.tls_ca-key_1CE3EB99',
      'tls_private_key.tls_server-key_6B7D05EB',
      'tls_private_key.tls_token-server-key_61A5EE05',
      'tls_private_key.token-server_signing-key_05C06CDB',
      'tls_self_signed_cert.tls_ca_75D9EF28',
      'tls_self_signed_cert.token-server_signing-certificate_04C94108',
    ]);
  });

  test('the registry: token auth wired from the token server, its signing certificate delivered', () => {
    expectConfigDelivery(tf, 'token-registry', '/etc/docker/registry');
    const config = parse(uploadOf(tf, 'token-registry', '/etc/docker/registry/config.yml').content);
    expect(config.auth).toEqual({
      token: {
        realm: 'https://localhost:5447/auth',
        service: 'container-registry',
        issuer: 'registry-platform-token-server',
        rootcertbundle: '/etc/docker/registry/auth/token-ca.crt',
        autoredirect: false,
      },
    });
    expect(uploadOf(tf, 'token-registry', '/etc/docker/registry/auth/token-ca.crt').content).toMatch(
      /^\$\{tls_self_signed_cert\.token-server_signing-certificate_[A-F0-9]+\.cert_pem\}$/,
    );
    expect(config.storage.delete.enabled).toBe(true);
  });

  test('the token server: TLS 1.2+, hardened, published on 127.0.0.1:5447, passwords only as bcrypt references', () => {
    expectConfigDelivery(tf, 'token-token-server', '/config');
    const c = containerByName(tf, 'token-token-server');
    expect(c).toMatchObject({
      read_only: true,
      capabilities: { drop: ['ALL'] },
      security_opts: ['no-new-privileges:true'],
      command: ['--logtostderr=true', '/config/auth_config.yml'],
      ports: [{ internal: 5001, external: 5447, ip: '127.0.0.1', protocol: 'tcp' }],
    });
    const raw = uploadOf(tf, 'token-token-server', '/config/auth_config.yml').content;
    const config = parse(raw);
    expect(config.server.tls_min_version).toBe('TLS12');
    expect(config.token.disable_legacy_key_id).toBe(false);
    for (const user of ['admin', 'developer', 'readonly', 'ci']) {
      expect(config.users[user].password).toMatch(
        new RegExp(
          `^\\$\\{jsonencode\\(random_password\\.token-server_users_password-${user}_[A-F0-9]+\\.bcrypt_hash\\)\\}$`,
        ),
      );
    }
    expect(uploadOf(tf, 'token-token-server', '/config/token/token.key').permissions).toBe('0600');
    expect(uploadOf(tf, 'token-token-server', '/config/tls/server.key').permissions).toBe('0600');
  });

  test('outputs: realm, CA, credentials (sensitive) and each user with its roles', () => {
    const out = tf.output!;
    expect(out.token_realm!.value).toBe('https://localhost:5447/auth');
    expect(out.credentials!.sensitive).toBe(true);
    expect(Object.keys(out.credentials!.value as object).sort()).toEqual([
      'admin',
      'ci',
      'developer',
      'readonly',
    ]);
    expect(out.roles!.value).toEqual({
      admin: 'admin',
      developer: 'developer',
      readonly: 'readonly',
      ci: 'ci',
    });
    expect(out.registry_url!.value).toBe('https://localhost:5446');
    expect(out.ui_url!.value).toBe('http://127.0.0.1:8081');
  });

  test('registry 3: the 3.x paths and the RFC 7638 key id', () => {
    const v3 = synthToken({ registryVersion: 3 });
    expect(
      parse(uploadOf(v3, 'token-registry', '/etc/distribution/config.yml').content).auth.token.rootcertbundle,
    ).toBe('/etc/distribution/auth/token-ca.crt');
    expect(
      parse(uploadOf(v3, 'token-token-server', '/config/auth_config.yml').content).token
        .disable_legacy_key_id,
    ).toBe(true);
  });

  test('custom roles and users', () => {
    const p = synthToken({
      roles: [{ name: 'reader', grants: [{ repositories: ['team/*'], actions: ['pull'] }] }],
      users: [{ name: 'student1', roles: ['reader'] }],
    });
    const acl = parse(uploadOf(p, 'token-token-server', '/config/auth_config.yml').content).acl;
    expect(acl).toEqual([
      {
        match: { account: 'student1', type: 'repository', name: '/^(?:team/.*)$/' },
        actions: ['pull'],
        comment: 'student1 (reader): team/*',
      },
    ]);
  });

  test.each([
    [
      { users: [{ name: 'x', roles: ['root'] }] },
      /^token\.users\[0\]\.roles\[0\]: got "root"; allowed: a defined role/,
    ],
    [
      { users: [{ name: 'x' }] },
      /^token\.users\[0\]\.roles: got undefined; user "x" needs at least one role/,
    ],
    [{ tokenPort: 5446 }, /^token\.tokenPort: got 5446; allowed: a port other than token\.port \(5446\)/],
    [
      { tokenLifetimeSeconds: 5 },
      /^token\.tokenLifetimeSeconds: got 5; allowed: a whole number from 60 to 86400/,
    ],
  ])('bad input is refused at synth: %j', (props, message) => {
    expect(() => synthToken(props as TokenStackProps)).toThrow(message);
  });

  test('snapshot (reviewed: the token stack as deployed)', () => {
    expect(tf).toMatchSnapshot();
  });
});
