import { TextOrSecret } from '../model/secret';
import { RenderedFile } from './file';
import { SecretSlots } from './secret-slots';

/** One htpasswd line's inputs: a user name and a bcrypt hash (or a secret that is one). */
export interface HtpasswdEntry {
  /** Login name (validated by the model: no `:`). */
  readonly name: string;
  /** bcrypt hash, or a secret the engine resolves to one. */
  readonly bcryptHash: TextOrSecret;
}

/** Renders an htpasswd file: one `name:hash` line per user, in the order given. */
export function renderHtpasswd(path: string, entries: readonly HtpasswdEntry[]): RenderedFile {
  const slots = new SecretSlots();
  const content = entries.map((e) => `${e.name}:${slots.text(e.name, e.bcryptHash, 'raw')}\n`).join('');
  return slots.file(path, content, '0640');
}
