import { Construct } from 'constructs';
import { TerraformStack } from '../lib/constructs/cdktf';
import { configureProviders } from '../lib/constructs/providers';
import { MirrorRegistryProps } from '../lib/model/patterns/mirror';
import { addPatternOutputs } from '../lib/patterns/pattern-outputs';
import { MirrorRegistry } from '../lib/patterns/mirror-registry';

/** Parameters of the `mirror` stack: the mirror pattern's props, and the Docker host. */
export interface MirrorStackProps extends MirrorRegistryProps {
  /** Docker host the provider talks to. @default the local socket */
  readonly dockerHost?: string;
}

/**
 * The mirror pattern ({@link MirrorRegistry}) as a stack of its own, with its outputs. The pattern is
 * the stack's `Default` child, so Terraform addresses are those of the pattern's children
 * (`docker_container.mirror_container_*`), as before patterns existed.
 */
export class MirrorStack extends TerraformStack {
  /** The pattern: every resource of the stack. */
  public readonly platform: MirrorRegistry;

  /** Defines the stack. */
  public constructor(scope: Construct, id: string, props: MirrorStackProps = {}) {
    super(scope, id);
    const { dockerHost, ...patternProps } = props;
    configureProviders(this, dockerHost !== undefined ? { dockerHost } : {});
    this.platform = new MirrorRegistry(this, 'Default', patternProps);
    addPatternOutputs(this, this.platform);
  }
}
