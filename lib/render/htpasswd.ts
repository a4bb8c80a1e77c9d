import { RenderedFile } from './file';

/** One htpasswd line's inputs: a user name and a bcrypt hash (or a token that becomes one). */
export interface HtpasswdEntry {
  /** Login name (validated by the model: no `:`). */
  readonly name: string;
  /** bcrypt hash, or a Terraform token that resolves to one at apply time. */
  readonly bcryptHash: string;
}

/** Renders an htpasswd file: one `name:hash` line per user, in the order given. */
export function renderHtpasswd(path: string, entries: readonly HtpasswdEntry[]): RenderedFile {
  const content = entries.map((e) => `${e.name}:${e.bcryptHash}\n`).join('');
  return { path, content, mode: '0640' };
}
