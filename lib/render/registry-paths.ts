import { RegistryDialect } from '../model/dialect';

/** Where the registry's files live inside its container, per dialect. */
export interface RegistryPaths {
  /** The configuration file. */
  readonly config: string;
  /** The directory holding every delivered file (the construct mounts a small volume there). */
  readonly configDir: string;
  /** The server certificate (PEM). */
  readonly tlsCertificate: string;
  /** The server private key (PEM). */
  readonly tlsKey: string;
  /** The htpasswd file. */
  readonly htpasswd: string;
  /** The token server's certificate bundle, for token auth. */
  readonly tokenRootCertBundle: string;
}

/** The file layout of a registry container for a dialect. */
export function registryPaths(dialect: RegistryDialect): RegistryPaths {
  const dir = dialect.configDir;
  return {
    config: dialect.configPath,
    configDir: dir,
    tlsCertificate: `${dir}/certs/server.crt`,
    tlsKey: `${dir}/certs/server.key`,
    htpasswd: `${dir}/auth/htpasswd`,
    tokenRootCertBundle: `${dir}/auth/token-ca.crt`,
  };
}
