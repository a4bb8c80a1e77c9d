import { checkSpec } from '../checks';
import {
  PatternBaseProps,
  resolveFlag,
  resolvePatternBase,
  resolvePort,
  ResolvedPatternBase,
} from './common';

/** Props of the basic pattern: one registry, no TLS, no auth. */
export interface BasicRegistryProps extends PatternBaseProps {
  /** Host port of the registry. @default 5000 */
  readonly port?: number;
  /** Allow deletes by digest. @default false */
  readonly deleteEnabled?: boolean;
}

/** {@link BasicRegistryProps} validated, with defaults filled in. */
export interface ResolvedBasicRegistry extends ResolvedPatternBase {
  readonly port: number;
  readonly deleteEnabled: boolean;
}

/** Validates the basic pattern's props; every error names `<path>.<prop>`. */
export function resolveBasicRegistry(
  path: string,
  given: BasicRegistryProps,
  defaultPrefix: string,
): ResolvedBasicRegistry {
  const props = checkSpec(path, given) as BasicRegistryProps;
  return {
    ...resolvePatternBase(path, props, defaultPrefix),
    port: resolvePort(`${path}.port`, props.port, 5000),
    deleteEnabled: resolveFlag(`${path}.deleteEnabled`, props.deleteEnabled, false),
  };
}
