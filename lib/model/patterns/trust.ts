import { checkSpec } from '../checks';
import { SpecError } from '../errors';
import { NotarySpec, ResolvedNotary, resolveNotary } from '../notary';
import { resolveSuppliedTls, SuppliedTlsSpec } from '../tls';
import { checkDistinctPorts, monitoringPorts } from './common';
import { ResolvedSecureRegistry, resolveSecureRegistry, SecureRegistryProps } from './secure';

/** Props of the trust pattern: the secure pattern plus Notary for Docker Content Trust. */
export interface TrustedRegistryProps extends SecureRegistryProps {
  /** Notary's settings (port 4443 by default). @default {} */
  readonly notary?: NotarySpec;
  /**
   * notary-server's certificate when `tls` is supplied (it must chain to the same CA as the
   * registry's, which clients trust). @default issued by the generated CA
   */
  readonly notaryTls?: SuppliedTlsSpec;
}

/** {@link TrustedRegistryProps} validated, with defaults filled in. */
export interface ResolvedTrustedRegistry extends ResolvedSecureRegistry {
  readonly notary: ResolvedNotary;
  readonly notaryTls?: SuppliedTlsSpec;
}

/** Validates the trust pattern's props; every error names `<path>.<prop>`. */
export function resolveTrustedRegistry(
  path: string,
  given: TrustedRegistryProps,
  defaultPrefix: string,
): ResolvedTrustedRegistry {
  const props = checkSpec(path, given) as TrustedRegistryProps;
  const { notary, notaryTls, ...secureProps } = props;
  const secure = resolveSecureRegistry(path, secureProps, defaultPrefix);
  const resolvedNotary = resolveNotary(`${path}.notary`, notary, `${secure.hostname}:${secure.port}/`);
  checkDistinctPorts(path, {
    port: secure.port,
    ...(secure.ui ? { uiPort: secure.uiPort } : {}),
    ...monitoringPorts(secure.monitoring),
    'notary.port': resolvedNotary.port,
  });
  if (secure.tls !== undefined && notaryTls === undefined) {
    throw new SpecError(
      `${path}.notaryTls`,
      notaryTls,
      "required when tls is supplied: notary-server's certificate and key, from the same CA as the registry's",
    );
  }
  return {
    ...secure,
    notary: resolvedNotary,
    ...(notaryTls !== undefined ? { notaryTls: resolveSuppliedTls(`${path}.notaryTls`, notaryTls) } : {}),
  };
}
