import { PatternOutput } from '../../plans/pattern-outputs';
import { pulumi } from '../engine';

/** A pattern's outputs as Pulumi values: sensitive ones (passwords) marked secret. */
export function pulumiOutputs(
  outputs: Readonly<Record<string, PatternOutput>>,
): Record<string, pulumi.Output<unknown>> {
  return Object.fromEntries(
    Object.entries(outputs).map(([name, o]) => [
      name,
      o.sensitive === true
        ? pulumi.secret(o.value as pulumi.Input<unknown>)
        : pulumi.output(o.value as pulumi.Input<unknown>),
    ]),
  );
}
