import { Construct } from 'constructs';
import { ClassLabsProps, ResolvedClassLabs, resolveClassLabs } from '../model/patterns/labs';
import { labOutputs } from '../plans/patterns/labs';
import { MirrorRegistry } from './mirror-registry';
import { PatternOutput, patternPath, RegistryPattern } from './pattern-outputs';
import { SecureRegistry } from './secure-registry';
import { TokenRegistry } from './token-registry';

/** One student's lab: the secure pattern (htpasswd) or the token pattern. */
export type Lab = SecureRegistry | TokenRegistry;

/**
 * A class at once: one isolated lab per student from one spec, each its own platform (network,
 * CA, generated password for the student, ports from a block of the range), and optionally a
 * pull-through mirror they share. Child ids `lab-<student>` (each a {@link SecureRegistry} or
 * {@link TokenRegistry}) and `mirror` are public API. For a stack per lab, see `labStacks`.
 */
export class ClassLabs extends Construct implements RegistryPattern {
  /** The validated props (each lab's props, ports allocated). */
  public readonly props: ResolvedClassLabs;
  /** The labs by student. */
  public readonly labs: Readonly<Record<string, Lab>>;
  /** The shared mirror, when asked for. */
  public readonly mirror?: MirrorRegistry;
  /** Outputs: `registry_urls`, `mirror_url`, and `student_<name>` (sensitive: URL, CA, user and password). */
  public readonly outputs: Readonly<Record<string, PatternOutput>>;

  /** Validates the props (errors name `<id>.<prop>`), allocates the ports and defines the labs. */
  public constructor(scope: Construct, id: string, props: ClassLabsProps) {
    super(scope, id);
    const path = patternPath(scope, id);
    const p = resolveClassLabs(path, props, path);
    this.props = p;
    const labs: Record<string, Lab> = {};
    for (const lab of p.labs) {
      labs[lab.student] =
        lab.auth === 'token'
          ? new TokenRegistry(this, `lab-${lab.student}`, lab.props)
          : new SecureRegistry(this, `lab-${lab.student}`, lab.props);
    }
    this.labs = labs;
    if (p.mirror !== undefined) this.mirror = new MirrorRegistry(this, 'mirror', p.mirror);
    this.outputs = labOutputs(
      p,
      Object.fromEntries(Object.entries(labs).map(([s, l]) => [s, l.outputs])),
      this.mirror?.outputs,
    );
  }
}
