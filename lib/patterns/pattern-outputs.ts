import { Construct } from 'constructs';
import { TerraformOutput } from '../constructs/cdktf';
import { RegistryPattern } from '../plans/pattern-outputs';

export {
  caOutputs,
  credentialsOutput,
  dataVolumeOutput,
  hostFor,
  uiUrlOutput,
} from '../plans/pattern-outputs';
export type { PatternOutput, RegistryPattern } from '../plans/pattern-outputs';

/**
 * Defines a stack output for each of a pattern's outputs, named `<prefix><name>` (give a prefix
 * when one stack holds two patterns).
 */
export function addPatternOutputs(
  scope: Construct,
  pattern: RegistryPattern,
  prefix = '',
): TerraformOutput[] {
  return Object.entries(pattern.outputs).map(
    ([name, o]) =>
      new TerraformOutput(scope, `${prefix}${name}`, {
        value: o.value,
        description: o.description,
        ...(o.sensitive === true ? { sensitive: true } : {}),
      }),
  );
}

/** The prop path errors name: the stack's id when the pattern is a stack's `Default` child. */
export function patternPath(scope: Construct, id: string): string {
  return id === 'Default' ? scope.node.id : id;
}
