import { Construct } from 'constructs';
import { TerraformStack } from '../lib/constructs/cdktf';
import { configureProviders } from '../lib/constructs/providers';
import { BasicRegistryProps } from '../lib/model/patterns/basic';
import { addPatternOutputs } from '../lib/patterns/pattern-outputs';
import { BasicRegistry } from '../lib/patterns/basic-registry';

/** Parameters of the `basic` stack: the basic pattern's props, and the Docker host. */
export interface BasicStackProps extends BasicRegistryProps {
  /** Docker host the provider talks to. @default the local socket */
  readonly dockerHost?: string;
}

/**
 * The basic pattern ({@link BasicRegistry}) as a stack of its own, with its outputs. The pattern is
 * the stack's `Default` child, so Terraform addresses are those of the pattern's children
 * (`docker_container.registry_container_*`), as before patterns existed.
 */
export class BasicStack extends TerraformStack {
  /** The pattern: every resource of the stack. */
  public readonly platform: BasicRegistry;

  /** Defines the stack. */
  public constructor(scope: Construct, id: string, props: BasicStackProps = {}) {
    super(scope, id);
    const { dockerHost, ...patternProps } = props;
    configureProviders(this, dockerHost !== undefined ? { dockerHost } : {});
    this.platform = new BasicRegistry(this, 'Default', patternProps);
    addPatternOutputs(this, this.platform);
  }
}
