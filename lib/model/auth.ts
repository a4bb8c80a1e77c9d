import { checkBool, checkUrl, checkWord } from './checks';
import { SpecError } from './errors';

/** No authentication: anyone who reaches the port can push and pull. */
export interface NoAuthSpec {
  /** Selects no authentication. */
  readonly type: 'none';
}

/** Basic authentication against an htpasswd file of bcrypt hashes. */
export interface HtpasswdAuthSpec {
  /** Selects htpasswd authentication. */
  readonly type: 'htpasswd';
  /** Realm shown in the `WWW-Authenticate` challenge. @default 'Registry' */
  readonly realm?: string;
}

/** Bearer-token authentication against a token server. */
export interface TokenAuthSpec {
  /** Selects token authentication. */
  readonly type: 'token';
  /** URL of the token endpoint, reachable by the clients (the host), not only by containers. */
  readonly realm: string;
  /** The service name the token server issues tokens for. */
  readonly service: string;
  /** The issuer the token server writes into its tokens. */
  readonly issuer: string;
  /** Redirect unauthenticated browsers to the realm. @default false */
  readonly autoRedirect?: boolean;
}

/** How clients authenticate. */
export type AuthSpec = NoAuthSpec | HtpasswdAuthSpec | TokenAuthSpec;

/** Authentication with defaults filled in. */
export type ResolvedAuth =
  | NoAuthSpec
  | Required<HtpasswdAuthSpec>
  | (Omit<TokenAuthSpec, 'autoRedirect'> & { readonly autoRedirect: boolean });

const TYPES = ['none', 'htpasswd', 'token'];

/** Validates the auth section and fills in defaults. */
export function resolveAuth(path: string, spec: AuthSpec): ResolvedAuth {
  const type = (spec as { type?: unknown }).type;
  switch (type) {
    case 'none':
      return { type };
    case 'htpasswd': {
      const realm: unknown = (spec as HtpasswdAuthSpec).realm ?? 'Registry';
      if (typeof realm !== 'string' || !/^[A-Za-z0-9 ._-]{1,64}$/.test(realm)) {
        throw new SpecError(
          `${path}.realm`,
          realm,
          'allowed: 1 to 64 letters, digits, spaces, ".", "_" or "-"',
        );
      }
      return { type, realm };
    }
    case 'token': {
      const t = spec as TokenAuthSpec;
      if (t.issuer === undefined || t.issuer === '') {
        throw new SpecError(
          `${path}.issuer`,
          t.issuer,
          'token auth needs the issuer that the token server writes into its tokens (a non-empty string)',
        );
      }
      return {
        type,
        realm: checkUrl(`${path}.realm`, t.realm, ['http', 'https']),
        service: checkWord(`${path}.service`, t.service),
        issuer: checkWord(`${path}.issuer`, t.issuer),
        autoRedirect: checkBool(`${path}.autoRedirect`, t.autoRedirect ?? false),
      };
    }
    default:
      throw new SpecError(`${path}.type`, type, `allowed: ${TYPES.map((t) => JSON.stringify(t)).join(', ')}`);
  }
}
