import { Construct } from 'constructs';
import { TerraformStack } from '../lib/constructs/cdktf';
import { configureProviders } from '../lib/constructs/providers';
import { HaRegistryProps } from '../lib/model/patterns/ha';
import { addPatternOutputs } from '../lib/patterns/pattern-outputs';
import { HaRegistry } from '../lib/patterns/ha-registry';

/** Parameters of the `ha` stack: the ha pattern's props, and the Docker host. */
export interface HaStackProps extends HaRegistryProps {
  /** Docker host the provider talks to. @default the local socket */
  readonly dockerHost?: string;
}

/**
 * The ha pattern ({@link HaRegistry}) as a stack of its own, with its outputs. The pattern is
 * the stack's `Default` child, so Terraform addresses are those of the pattern's children
 * (`docker_container.lb_container_*`), as before patterns existed.
 */
export class HaStack extends TerraformStack {
  /** The pattern: every resource of the stack. */
  public readonly platform: HaRegistry;

  /** Defines the stack. */
  public constructor(scope: Construct, id: string, props: HaStackProps = {}) {
    super(scope, id);
    const { dockerHost, ...patternProps } = props;
    configureProviders(this, dockerHost !== undefined ? { dockerHost } : {});
    this.platform = new HaRegistry(this, 'Default', patternProps);
    addPatternOutputs(this, this.platform);
  }
}
