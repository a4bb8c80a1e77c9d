/* eslint-disable @typescript-eslint/no-explicit-any -- synthesized JSON is walked freely in tests */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'cdktf';
import { SpecError } from '../../lib/model/errors';
import { TrustStack } from '../../stacks/trust';
import { containerByName, containerKey, TfJson, uploadOf, uploadsOf } from '../helpers/synth';

const text = Testing.synth(new TrustStack(Testing.app(), 'trust'));
const tf = JSON.parse(text) as TfJson;
const certs = (): Record<string, any> => tf.resource.tls_locally_signed_cert!;
const certKeyOf = (prefix: string): string => {
  const keys = Object.keys(certs()).filter((k) => k.startsWith(`${prefix}_`));
  if (keys.length !== 1) throw new Error(`expected one certificate ${prefix}, found ${keys.join(', ')}`);
  return keys[0]!;
};

describe('trust stack', () => {
  test('notary-server is published on 127.0.0.1:4443; the signer and the database never are', () => {
    expect(containerByName(tf, 'trust-notary-server').ports).toEqual([
      { internal: 4443, external: 4443, ip: '127.0.0.1', protocol: 'tcp' },
    ]);
    for (const name of ['trust-notary-signer', 'trust-notary-db', 'trust-notary-migrate']) {
      expect(containerByName(tf, name).ports).toBeUndefined();
    }
    expect(containerByName(tf, 'trust-registry').ports).toEqual([
      { internal: 5000, external: 5460, ip: '127.0.0.1', protocol: 'tcp' },
    ]);
  });

  test("notary-server's config: the signer over mutual TLS, MySQL with a referenced password, this registry's GUNs only", () => {
    const cfg = JSON.parse(uploadOf(tf, 'trust-notary-server', '/etc/notary/server-config.json').content);
    expect(cfg.trust_service).toEqual({
      type: 'remote',
      hostname: 'notary-signer',
      port: '7899',
      tls_ca_file: '/etc/notary/internal-ca.crt',
      key_algorithm: 'ecdsa',
      tls_client_cert: '/etc/notary/client.crt',
      tls_client_key: '/etc/notary/client.key',
    });
    expect(cfg.repositories).toEqual({ gun_prefixes: ['localhost:5460/'] });
    expect(cfg.storage.db_url).toMatch(
      /^server:\$\{random_password\.notary_db-server-password_[0-9A-F]+\.result\}@tcp\(notary-db:3306\)\/notaryserver\?parseTime=True$/,
    );
  });

  test("notary-signer's config: gRPC requiring a client certificate from the internal CA; the passphrase as NOTARY_SIGNER_PRIMARY", () => {
    const cfg = JSON.parse(uploadOf(tf, 'trust-notary-signer', '/etc/notary/signer-config.json').content);
    expect(cfg.server).toEqual({
      grpc_addr: ':7899',
      tls_cert_file: '/etc/notary/signer.crt',
      tls_key_file: '/etc/notary/signer.key',
      client_ca_file: '/etc/notary/internal-ca.crt',
    });
    expect(cfg.storage.default_alias).toBe('primary');
    const env = containerByName(tf, 'trust-notary-signer').env as string[];
    expect(env).toEqual([
      expect.stringMatching(
        /^NOTARY_SIGNER_PRIMARY=\$\{random_password\.notary_signer-passphrase_[0-9A-F]+\.result\}$/,
      ),
    ]);
  });

  test('the internal CA issues the signer a server-only and notary-server a client-only certificate; Docker clients see the platform CA', () => {
    const internalCa = Object.keys(tf.resource.tls_self_signed_cert!).find((k) =>
      k.startsWith('notary_internal-ca_'),
    );
    const platformCa = Object.keys(tf.resource.tls_self_signed_cert!).find((k) => k.startsWith('tls_ca_'));
    expect(internalCa).toBeDefined();
    const signer = certs()[certKeyOf('notary_internal-ca_signer')];
    const client = certs()[certKeyOf('notary_internal-ca_server-client')];
    const publicCert = certs()[certKeyOf('tls_notary-server')];
    expect(signer.allowed_uses).toEqual(['digital_signature', 'key_encipherment', 'server_auth']);
    expect(client.allowed_uses).toEqual(['digital_signature', 'key_encipherment', 'client_auth']);
    expect(signer.ca_cert_pem).toBe(`\${tls_self_signed_cert.${internalCa}.cert_pem}`);
    expect(client.ca_cert_pem).toBe(`\${tls_self_signed_cert.${internalCa}.cert_pem}`);
    expect(publicCert.ca_cert_pem).toBe(`\${tls_self_signed_cert.${platformCa}.cert_pem}`);
    expect(uploadOf(tf, 'trust-notary-server', '/etc/notary/server.crt').content).toBe(
      `\${tls_locally_signed_cert.${certKeyOf('tls_notary-server')}.cert_pem}`,
    );
  });

  test('the migration job runs once before the services; the deploy fails when it exits non-zero', () => {
    const job = containerByName(tf, 'trust-notary-migrate');
    expect(job).toMatchObject({ must_run: false, attach: true, logs: false, restart: 'no', read_only: true });
    expect(job.lifecycle.postcondition).toEqual([
      {
        condition: '${self.exit_code == 0}',
        error_message: expect.stringContaining('docker logs trust-notary-migrate'),
      },
    ]);
    const ref = (name: string): string => `docker_container.${containerKey(tf, name)}`;
    expect(job.depends_on).toContain(ref('trust-notary-db'));
    expect(containerByName(tf, 'trust-notary-signer').depends_on).toContain(ref('trust-notary-migrate'));
    expect(containerByName(tf, 'trust-notary-server').depends_on).toEqual(
      expect.arrayContaining([ref('trust-notary-migrate'), ref('trust-notary-signer')]),
    );
    const files = uploadsOf(tf, 'trust-notary-migrate').map((u) => u.file);
    expect(files.filter((f) => f.endsWith('.up.sql'))).toHaveLength(7);
  });

  test('the database users may only read and write rows of their own database', () => {
    const sql = uploadOf(tf, 'trust-notary-migrate', '/etc/notary-migrate/setup.sql').content;
    expect(sql.match(/^GRANT .*$/gm)).toEqual([
      "GRANT SELECT, INSERT, UPDATE, DELETE ON `notaryserver`.* TO 'server'@'%';",
      "GRANT SELECT, INSERT, UPDATE, DELETE ON `notarysigner`.* TO 'signer'@'%';",
    ]);
    expect(sql).not.toMatch(/IDENTIFIED BY '(?!\$\{random_password\.)/);
  });

  test('migrate.sh is valid POSIX sh (checked by sh -n)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrate-'));
    const file = join(dir, 'migrate.sh');
    writeFileSync(file, uploadOf(tf, 'trust-notary-migrate', '/etc/notary-migrate/migrate.sh').content);
    const r = spawnSync('sh', ['-n', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test('the trust data lives in a volume that is not managed (kept on destroy)', () => {
    expect(containerByName(tf, 'trust-notary-db').volumes).toContainEqual({
      volume_name: 'trust-notary-db',
      container_path: '/var/lib/mysql',
    });
    expect(Object.values(tf.resource.docker_volume!).map((v: any) => v.name)).not.toContain(
      'trust-notary-db',
    );
  });

  test('outputs tell a client what it needs', () => {
    expect(tf.output!.content_trust_server!.value).toBe('https://localhost:4443');
    expect(tf.output!.notary_ca_trust_path!.value).toBe('~/.docker/tls/localhost:4443/ca.crt');
    expect(tf.output!.ca_trust_path!.value).toBe('/etc/docker/certs.d/localhost:5460/ca.crt');
    expect(tf.output!.notary_data_volume!.value).toBe('trust-notary-db');
  });

  test('bad input names the prop: a port clash, a bad alias, a missing migrations folder', () => {
    const build = (props: object): unknown => {
      try {
        new TrustStack(Testing.app(), 'trust', props);
        return undefined;
      } catch (e) {
        return e;
      }
    };
    expect(build({ notary: { port: 5460 } })).toMatchObject({
      property: 'trust.notary.port',
      message: expect.stringContaining('a port other than trust.port (5460)'),
    });
    expect(build({ notary: { passphraseAlias: 'Bad-Alias' } })).toMatchObject({
      property: 'trust.notary.passphraseAlias',
    });
    const missing = build({ notaryMigrations: '/nonexistent/migrations' });
    expect(missing).toBeInstanceOf(SpecError);
    expect(missing).toMatchObject({
      property: 'trust.notaryMigrations',
      message: expect.stringContaining('/nonexistent/migrations'),
    });
  });
});
