import { Construct } from 'constructs';
import { TerraformStack } from '../lib/constructs/cdktf';
import { configureProviders } from '../lib/constructs/providers';
import { ClassLabsProps, ResolvedClassLabs, resolveClassLabs } from '../lib/model/patterns/labs';
import { ClassLabs, Lab } from '../lib/patterns/class-labs';
import { MirrorRegistry } from '../lib/patterns/mirror-registry';
import { addPatternOutputs } from '../lib/patterns/pattern-outputs';
import { SecureRegistry } from '../lib/patterns/secure-registry';
import { TokenRegistry } from '../lib/patterns/token-registry';

/** Parameters of the labs stacks: the labs pattern's props, and the Docker host. */
export interface LabsStackProps extends ClassLabsProps {
  /** Docker host the provider talks to. @default the local socket */
  readonly dockerHost?: string;
}

/**
 * Every lab of a class in one stack ({@link ClassLabs} as its `Default` child): one deploy, one
 * state; changing one lab plans against all of them.
 */
export class LabsStack extends TerraformStack {
  /** The pattern. */
  public readonly platform: ClassLabs;

  /** Defines the stack. */
  public constructor(scope: Construct, id: string, props: LabsStackProps) {
    super(scope, id);
    const { dockerHost, ...patternProps } = props;
    configureProviders(this, dockerHost !== undefined ? { dockerHost } : {});
    this.platform = new ClassLabs(this, 'Default', patternProps);
    addPatternOutputs(this, this.platform);
  }
}

/** One lab (or the shared mirror) as a stack of its own: its pattern is the `Default` child. */
export class LabStack extends TerraformStack {
  /** The lab's pattern. */
  public readonly platform: Lab | MirrorRegistry;

  /** Defines the stack from a resolved lab. */
  public constructor(
    scope: Construct,
    id: string,
    make: (stack: LabStack) => Lab | MirrorRegistry,
    dockerHost?: string,
  ) {
    super(scope, id);
    configureProviders(this, dockerHost !== undefined ? { dockerHost } : {});
    this.platform = make(this);
    addPatternOutputs(this, this.platform);
  }
}

/** The stacks {@link labStacks} made. */
export interface LabStacks {
  /** The validated props (every lab's ports). */
  readonly props: ResolvedClassLabs;
  /** One stack per student, `<id>-<student>`. */
  readonly labs: Readonly<Record<string, LabStack>>;
  /** The shared mirror's stack `<id>-mirror`, when asked for. */
  readonly mirror?: LabStack;
}

/**
 * A class as one stack per lab (`<id>-<student>`) plus `<id>-mirror`: each deploys, changes and
 * is destroyed on its own (`cdktf deploy '<id>-*'` for all, `cdktf destroy <id>-ana` for one).
 * The ports are allocated once for the class, so the stacks never collide; each stack's outputs
 * are its pattern's (`registry_url`, `credentials`, `ca_certificate`, ...).
 */
export function labStacks(scope: Construct, id: string, props: LabsStackProps): LabStacks {
  const { dockerHost, ...patternProps } = props;
  const p = resolveClassLabs(id, patternProps, id);
  const labs: Record<string, LabStack> = {};
  for (const lab of p.labs) {
    labs[lab.student] = new LabStack(
      scope,
      `${id}-${lab.student}`,
      (stack) =>
        lab.auth === 'token'
          ? new TokenRegistry(stack, 'Default', lab.props)
          : new SecureRegistry(stack, 'Default', lab.props),
      dockerHost,
    );
  }
  const mirrorProps = p.mirror;
  return {
    props: p,
    labs,
    ...(mirrorProps !== undefined
      ? {
          mirror: new LabStack(
            scope,
            `${id}-mirror`,
            (stack) => new MirrorRegistry(stack, 'Default', mirrorProps),
            dockerHost,
          ),
        }
      : {}),
  };
}
