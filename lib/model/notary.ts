import { checkImage, checkInt, checkList, checkOneOf, checkSpec } from './checks';
import { SpecError } from './errors';
import { checkSecret, SecretRef } from './secret';

/** Log levels notary-server and notary-signer accept (logrus). */
export const NOTARY_LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'fatal', 'panic'] as const;
/** A Notary log level. */
export type NotaryLogLevel = (typeof NOTARY_LOG_LEVELS)[number];

/**
 * Key algorithms the signer can generate for the timestamp and snapshot roles. Not `rsa`:
 * notary-signer 0.7 answers "algorithm rsa not supported for create key" (seen in the tests).
 */
export const NOTARY_KEY_ALGORITHMS = ['ecdsa', 'ed25519'] as const;
/** A Notary key algorithm. */
export type NotaryKeyAlgorithm = (typeof NOTARY_KEY_ALGORITHMS)[number];

/** Images of the three Notary services. */
export interface NotaryImages {
  /** notary-server. @default 'notary:server-0.7.0' */
  readonly server?: string;
  /** notary-signer. @default 'notary:signer-0.7.0' */
  readonly signer?: string;
  /** The MySQL-compatible database (also runs the migrations, with its client). @default 'mariadb:10.11' */
  readonly database?: string;
}

/**
 * Notary v1 (Docker Content Trust): notary-server, notary-signer and their database. The server
 * and signer talk gRPC over mutual TLS with certificates from a CA of their own; the signer's key
 * passphrase and the database passwords are generated.
 */
export interface NotarySpec {
  /** Host port of notary-server (HTTPS), what `DOCKER_CONTENT_TRUST_SERVER` points at. @default 4443 */
  readonly port?: number;
  /** Log level of the server and the signer. @default 'info' */
  readonly logLevel?: NotaryLogLevel;
  /** Algorithm of the keys the signer generates (timestamp, snapshot). @default 'ecdsa' */
  readonly keyAlgorithm?: NotaryKeyAlgorithm;
  /**
   * Name of the signer's key passphrase (`storage.default_alias`; the passphrase reaches the
   * signer as `NOTARY_SIGNER_<ALIAS>`): lower-case letters, digits and `_`. @default 'primary'
   */
  readonly passphraseAlias?: string;
  /**
   * Repository name prefixes (GUNs) the server accepts trust data for, each ending in `/`.
   * @default the registry's `<hostname>:<port>/`
   */
  readonly gunPrefixes?: readonly string[];
  /** Images. */
  readonly images?: NotaryImages;
  /** Seconds the migration job waits for the database to answer. @default 60 */
  readonly databaseWaitSeconds?: number;
  /**
   * The database root password, a secret reference. The database volume outlives `destroy`, but a
   * generated password does not: supply this (and `signerPassphrase`) to use the kept trust data
   * after a destroy. @default generated (letters and digits) and kept in state
   */
  readonly databaseRootPassword?: SecretRef;
  /**
   * The passphrase that encrypts the signer's keys in the database, a secret reference: without
   * the one the keys were stored with, they cannot be read. @default generated and kept in state
   */
  readonly signerPassphrase?: SecretRef;
}

/** A {@link NotarySpec} validated, with defaults filled in. */
export interface ResolvedNotary {
  readonly port: number;
  readonly logLevel: NotaryLogLevel;
  readonly keyAlgorithm: NotaryKeyAlgorithm;
  readonly passphraseAlias: string;
  readonly gunPrefixes: readonly string[];
  readonly images: { readonly server: string; readonly signer: string; readonly database: string };
  readonly databaseWaitSeconds: number;
  readonly databaseRootPassword?: SecretRef;
  readonly signerPassphrase?: SecretRef;
}

/** Notary's two databases and the user each service connects as. */
export const NOTARY_DATABASES = {
  server: { database: 'notaryserver', user: 'server' },
  signer: { database: 'notarysigner', user: 'signer' },
} as const;

/** Which Notary service a database, migration or certificate belongs to. */
export type NotaryService = keyof typeof NOTARY_DATABASES;

function resolveKeyAlgorithm(path: string, value: unknown): NotaryKeyAlgorithm {
  if (value === 'rsa') {
    throw new SpecError(path, value, 'allowed: ecdsa or ed25519 (notary-signer 0.7 cannot create rsa keys)');
  }
  return checkOneOf(path, value ?? 'ecdsa', NOTARY_KEY_ALGORITHMS);
}

/** Validates a Notary spec; every error names `<path>.<prop>`. */
export function resolveNotary(
  path: string,
  given: NotarySpec | undefined,
  defaultGunPrefix: string,
): ResolvedNotary {
  const spec = checkSpec(path, given) as NotarySpec;
  const images = checkSpec(`${path}.images`, spec.images) as NotaryImages;
  const alias = spec.passphraseAlias ?? 'primary';
  if (typeof alias !== 'string' || !/^[a-z][a-z0-9_]{0,31}$/.test(alias)) {
    throw new SpecError(
      `${path}.passphraseAlias`,
      alias,
      'allowed: 1 to 32 lower-case letters, digits or _, starting with a letter (it becomes NOTARY_SIGNER_<ALIAS>)',
    );
  }
  const gunPrefixes = checkList(`${path}.gunPrefixes`, spec.gunPrefixes ?? [defaultGunPrefix], (p, v) => {
    if (typeof v !== 'string' || !/^[a-z0-9][a-z0-9.:_/-]{0,254}\/$/.test(v)) {
      throw new SpecError(
        p,
        v,
        'allowed: a repository name prefix such as "localhost:5460/" (lower case, ending in /)',
      );
    }
    return v;
  });
  if (gunPrefixes.length === 0) {
    throw new SpecError(`${path}.gunPrefixes`, spec.gunPrefixes, 'allowed: at least one prefix');
  }
  return {
    port: checkInt(`${path}.port`, spec.port ?? 4443, 1, 65535),
    logLevel: checkOneOf(`${path}.logLevel`, spec.logLevel ?? 'info', NOTARY_LOG_LEVELS),
    keyAlgorithm: resolveKeyAlgorithm(`${path}.keyAlgorithm`, spec.keyAlgorithm),
    passphraseAlias: alias,
    gunPrefixes,
    images: {
      server: checkImage(`${path}.images.server`, images.server ?? 'notary:server-0.7.0'),
      signer: checkImage(`${path}.images.signer`, images.signer ?? 'notary:signer-0.7.0'),
      database: checkImage(`${path}.images.database`, images.database ?? 'mariadb:10.11'),
    },
    databaseWaitSeconds: checkInt(`${path}.databaseWaitSeconds`, spec.databaseWaitSeconds ?? 60, 5, 600),
    ...(spec.databaseRootPassword !== undefined
      ? {
          databaseRootPassword: checkSecret(
            `${path}.databaseRootPassword`,
            spec.databaseRootPassword,
            'the database root password',
          ),
        }
      : {}),
    ...(spec.signerPassphrase !== undefined
      ? {
          signerPassphrase: checkSecret(
            `${path}.signerPassphrase`,
            spec.signerPassphrase,
            "the signer's key passphrase",
          ),
        }
      : {}),
  };
}
