import { homedir } from 'node:os';
import { join } from 'node:path';
import { Construct } from 'constructs';
import { TerraformStack } from '../lib/constructs/cdktf';
import { readNotaryMigrations } from '../lib/constructs/notary-migrations';
import { configureProviders } from '../lib/constructs/providers';
import { NotaryMigrations } from '../lib/model/notary-migrations';
import { TrustedRegistryProps } from '../lib/model/patterns/trust';
import { addPatternOutputs } from '../lib/patterns/pattern-outputs';
import { TrustedRegistry } from '../lib/patterns/trusted-registry';

/**
 * Where the `trust` stack reads Notary's migrations unless told otherwise: `$NOTARY_MIGRATIONS_DIR`,
 * else the folder `scripts/notary-migrations.sh` fills from the notary v0.7.0 release.
 */
export function defaultNotaryMigrationsDir(): string {
  return (
    process.env.NOTARY_MIGRATIONS_DIR ??
    join(
      process.env.REGISTRY_PLATFORM_CACHE ?? join(homedir(), '.cache', 'registry-platform'),
      'notary-0.7.0',
      'migrations',
    )
  );
}

/** Parameters of the `trust` stack: the trust pattern's props, the migrations and the Docker host. */
export interface TrustStackProps extends TrustedRegistryProps {
  /** Notary's migrations, or the folder to read them from. @default {@link defaultNotaryMigrationsDir} */
  readonly notaryMigrations?: NotaryMigrations | string;
  /** Docker host the provider talks to. @default the local socket */
  readonly dockerHost?: string;
}

/**
 * The trust pattern ({@link TrustedRegistry}): the secure registry plus Notary, as a stack of its
 * own with its outputs (`content_trust_server`, `ca_certificate`, `notary_ca_trust_path`, ...).
 * Defaults: registry 5460, UI 8083, Notary 4443, all on 127.0.0.1.
 */
export class TrustStack extends TerraformStack {
  /** The pattern: every resource of the stack. */
  public readonly platform: TrustedRegistry;

  /** Defines the stack. */
  public constructor(scope: Construct, id: string, props: TrustStackProps = {}) {
    super(scope, id);
    const { dockerHost, notaryMigrations, ...patternProps } = props;
    configureProviders(this, dockerHost !== undefined ? { dockerHost } : {});
    const migrations =
      typeof notaryMigrations === 'object'
        ? notaryMigrations
        : readNotaryMigrations(
            notaryMigrations ?? defaultNotaryMigrationsDir(),
            `${id}.notaryMigrations`,
            notaryMigrations === undefined
              ? '; run scripts/notary-migrations.sh (it unpacks them from ../shared/vendor), or set NOTARY_MIGRATIONS_DIR'
              : '',
          );
    this.platform = new TrustedRegistry(this, 'Default', {
      port: 5460,
      uiPort: 8083,
      ...patternProps,
      notaryMigrations: migrations,
    });
    addPatternOutputs(this, this.platform);
  }
}
