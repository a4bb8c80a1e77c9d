/** A file produced by the render layer: where it goes, what it holds and its permissions. */
export interface RenderedFile {
  /** Absolute path inside the container. */
  readonly path: string;
  /** The file's text. May hold Terraform token placeholders that are filled in at apply time. */
  readonly content: string;
  /** Octal permission string, for example `0644`. */
  readonly mode: string;
}
