import { Construct } from 'constructs';
import { TerraformStack } from '../lib/constructs/cdktf';
import { configureProviders } from '../lib/constructs/providers';
import { TokenRegistryProps } from '../lib/model/patterns/token';
import { addPatternOutputs } from '../lib/patterns/pattern-outputs';
import { TokenRegistry } from '../lib/patterns/token-registry';

/** Parameters of the `token` stack: the token pattern's props, and the Docker host. */
export interface TokenStackProps extends TokenRegistryProps {
  /** Docker host the provider talks to. @default the local socket */
  readonly dockerHost?: string;
}

/**
 * The token pattern ({@link TokenRegistry}) as a stack of its own, with its outputs. The pattern is
 * the stack's `Default` child, so Terraform addresses are those of the pattern's children
 * (`docker_container.registry_container_*`), as before patterns existed.
 */
export class TokenStack extends TerraformStack {
  /** The pattern: every resource of the stack. */
  public readonly platform: TokenRegistry;

  /** Defines the stack. */
  public constructor(scope: Construct, id: string, props: TokenStackProps = {}) {
    super(scope, id);
    const { dockerHost, ...patternProps } = props;
    configureProviders(this, dockerHost !== undefined ? { dockerHost } : {});
    this.platform = new TokenRegistry(this, 'Default', patternProps);
    addPatternOutputs(this, this.platform);
  }
}
