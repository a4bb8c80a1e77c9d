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
    // Go's yaml.v2 reads YAML 1.1: with this, every string that 1.1 would read as another type
    // (yes, no, on, off, y, 1_000, 0b101, 1:20, ...) is quoted.
    version: '1.1',
  });
}
