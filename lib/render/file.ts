import { SecretRef } from '../model/secret';

/** A file produced by the render layer: where it goes, what it holds and its permissions. */
export interface RenderedFile {
  /** Absolute path inside the container. */
  readonly path: string;
  /**
   * The file's text. Where a secret goes it holds a placeholder such as
   * `((secret:redis.password))`, listed in `secrets`, that the engine adapter fills in.
   */
  readonly content: string;
  /** Octal permission string, for example `0644`. */
  readonly mode: string;
  /** The secrets the text needs, by placeholder. @default none */
  readonly secrets?: readonly SecretSlot[];
}

/**
 * How a secret's value is written where its placeholder stands: `yaml-string` as one
 * double-quoted scalar whatever characters it has (a JSON string is valid YAML), `raw` as is (a
 * whole PEM file, a bcrypt hash in htpasswd, a letters-and-digits password in redis.conf).
 */
export type SecretEncoding = 'yaml-string' | 'raw';

/** Where a file needs a secret: the placeholder in its text and what fills it. */
export interface SecretSlot {
  /** The text that stands for the secret, for example `((secret:proxy.password))`. */
  readonly placeholder: string;
  /** The secret. */
  readonly secret: SecretRef;
  /** How the value is written. */
  readonly encoding: SecretEncoding;
}
