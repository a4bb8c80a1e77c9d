import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Test-made PEM files: a CA and a server certificate for localhost / 127.0.0.1. */
export interface TestCerts {
  readonly caPem: string;
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
}

/** `openssl <args>` in `dir`. */
function openssl(dir: string, args: readonly string[]): void {
  execFileSync('openssl', [...args], { cwd: dir, stdio: 'pipe' });
}

/** An EC P-256 CA valid for 2 days, written as `<name>.crt` and `<name>.key` in `dir`. */
export function makeTestCa(dir: string, name: string, subject = `/CN=${name}`): void {
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '2',
    '-subj',
    subject,
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.crt`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
}

/**
 * A leaf `<name>.crt`/`<name>.key` in `dir`, signed by the CA `<ca>.crt`, for `sans` (as openssl
 * writes them: `DNS:localhost,IP:127.0.0.1`), usable as a TLS server or client only.
 */
export function makeTestLeaf(
  dir: string,
  name: string,
  ca: string,
  sans: string,
  usage: 'serverAuth' | 'clientAuth' = 'serverAuth',
): void {
  const cn = /DNS:([^,]+)/.exec(sans)?.[1] ?? name;
  openssl(dir, [
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-subj',
    `/CN=${cn}`,
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
  ]);
  writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${sans}\nextendedKeyUsage=${usage}\n`);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.crt`,
    '-CAkey',
    `${ca}.key`,
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    `${name}.ext`,
    '-out',
    `${name}.crt`,
  ]);
}

/** Makes a CA and a localhost server certificate with openssl in `dir`. */
export function makeTestCerts(dir: string): TestCerts {
  makeTestCa(dir, 'ca', '/CN=Test CA');
  makeTestLeaf(dir, 'server', 'ca', 'DNS:localhost,IP:127.0.0.1');
  return {
    caPem: readFileSync(join(dir, 'ca.crt'), 'utf8'),
    caFile: join(dir, 'ca.crt'),
    certFile: join(dir, 'server.crt'),
    keyFile: join(dir, 'server.key'),
  };
}
