import { Construct } from 'constructs';
import { TerraformStack } from '../lib/constructs/cdktf';
import { configureProviders } from '../lib/constructs/providers';
import { SecureRegistryProps } from '../lib/model/patterns/secure';
import { addPatternOutputs } from '../lib/patterns/pattern-outputs';
import { SecureRegistry } from '../lib/patterns/secure-registry';

/** Parameters of the `secure` stack: the secure pattern's props, and the Docker host. */
export interface SecureStackProps extends SecureRegistryProps {
  /** Docker host the provider talks to. @default the local socket */
  readonly dockerHost?: string;
}

/**
 * The secure pattern ({@link SecureRegistry}) as a stack of its own, with its outputs. The pattern is
 * the stack's `Default` child, so Terraform addresses are those of the pattern's children
 * (`docker_container.registry_container_*`), as before patterns existed.
 */
export class SecureStack extends TerraformStack {
  /** The pattern: every resource of the stack. */
  public readonly platform: SecureRegistry;

  /** Defines the stack. */
  public constructor(scope: Construct, id: string, props: SecureStackProps = {}) {
    super(scope, id);
    const { dockerHost, ...patternProps } = props;
    configureProviders(this, dockerHost !== undefined ? { dockerHost } : {});
    this.platform = new SecureRegistry(this, 'Default', patternProps);
    addPatternOutputs(this, this.platform);
  }
}
