import { stringify } from 'yaml';

/**
 * Serializes an object to YAML with fixed options, so the same object always gives the same
 * bytes: no line folding, no anchors, keys in insertion order.
 */
export function toYaml(value: unknown): string {
  return stringify(value, {
    lineWidth: 0,
    minContentWidth: 0,
    aliasDuplicateObjects: false,
    indent: 2,
    sortMapEntries: false,
  });
}
