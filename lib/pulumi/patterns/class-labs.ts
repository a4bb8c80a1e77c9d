import { ClassLabsProps, ResolvedClassLabs, resolveClassLabs } from '../../model/patterns/labs';
import { PatternOutput, RegistryPattern } from '../../plans/pattern-outputs';
import { labOutputs } from '../../plans/patterns/labs';
import { pulumi } from '../engine';
import { MirrorRegistry } from './mirror-registry';
import { pulumiOutputs } from './outputs';
import { SecureRegistry } from './secure-registry';
import { TokenRegistry } from './token-registry';

/** One student's lab. */
export type Lab = SecureRegistry | TokenRegistry;

/**
 * One isolated lab per student from one spec, and optionally a shared pull-through mirror, as
 * the cdktf `ClassLabs` (the same port blocks, names and outputs). Children `<name>-lab-<student>`
 * and `<name>-mirror`.
 */
export class ClassLabs extends pulumi.ComponentResource implements RegistryPattern {
  /** The validated props. */
  public readonly props: ResolvedClassLabs;
  /** The labs by student. */
  public readonly labs: Readonly<Record<string, Lab>>;
  /** The shared mirror, when asked for. */
  public readonly mirror?: MirrorRegistry;
  /** Outputs: `registry_urls`, `mirror_url`, and `student_<name>` (secret). */
  public readonly outputs: Readonly<Record<string, PatternOutput>>;

  /** Validates the props (errors name `<name>.<prop>`), allocates the ports and defines the labs. */
  public constructor(name: string, props: ClassLabsProps, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:ClassLabs', name, {}, opts);
    const p = resolveClassLabs(name, props, name);
    this.props = p;
    const child = { parent: this };
    const labs: Record<string, Lab> = {};
    for (const lab of p.labs) {
      labs[lab.student] =
        lab.auth === 'token'
          ? new TokenRegistry(`${name}-lab-${lab.student}`, lab.props, child)
          : new SecureRegistry(`${name}-lab-${lab.student}`, lab.props, child);
    }
    this.labs = labs;
    if (p.mirror !== undefined) this.mirror = new MirrorRegistry(`${name}-mirror`, p.mirror, child);
    this.outputs = labOutputs(
      p,
      Object.fromEntries(Object.entries(labs).map(([s, l]) => [s, l.outputs])),
      this.mirror?.outputs,
    );
    this.registerOutputs(pulumiOutputs(this.outputs));
  }
}
