import { Construct } from 'constructs';
import { checkInt } from '../model/checks';
import { SpecError } from '../model/errors';
import { resolveUsers, UserSpec } from '../model/users';
import { HtpasswdEntry, renderHtpasswd } from '../render/htpasswd';
import { RenderedFile } from '../render/file';
import { Password } from './providers';

/** Props of {@link HtpasswdUsers}. */
export interface HtpasswdUsersProps {
  /** The users. Each gets a generated password unless a bcrypt hash reference is supplied. */
  readonly users: readonly UserSpec[];
  /** Length of generated passwords (letters and digits only, so they are safe in any file). @default 32 */
  readonly passwordLength?: number;
}

/**
 * htpasswd users whose passwords are generated once by the random provider and kept in
 * Terraform state; the file holds the provider's `bcrypt_hash`, computed once, so the container
 * does not change on every plan. Construct ids `password-<name>` are public API.
 */
export class HtpasswdUsers extends Construct {
  /** One entry per user, in the order given. */
  public readonly entries: readonly HtpasswdEntry[];
  /** Generated passwords by user name (Terraform references, sensitive). */
  public readonly passwords: Readonly<Record<string, string>>;

  /** Creates a random password per user that has no supplied hash. */
  public constructor(scope: Construct, id: string, props: HtpasswdUsersProps) {
    super(scope, id);
    const users = resolveUsers(`${id}.users`, props.users);
    const length = checkInt(`${id}.passwordLength`, props.passwordLength ?? 32, 24, 128);
    const ids = new Map<string, string>();
    const passwords: Record<string, string> = {};
    this.entries = users.map((u) => {
      if (u.bcryptHash !== undefined) return { name: u.name, bcryptHash: u.bcryptHash };
      const childId = `password-${u.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      const clash = ids.get(childId);
      if (clash !== undefined) {
        throw new SpecError(
          `${id}.users`,
          u.name,
          `user names "${clash}" and "${u.name}" map to the same id ${childId}`,
        );
      }
      ids.set(childId, u.name);
      const password = new Password(this, childId, {
        length,
        special: false,
        minUpper: 1,
        minLower: 1,
        minNumeric: 1,
      });
      passwords[u.name] = password.result;
      return { name: u.name, bcryptHash: password.bcryptHash };
    });
    this.passwords = passwords;
  }

  /** The htpasswd file at `path`. */
  public file(path: string): RenderedFile {
    return renderHtpasswd(path, this.entries);
  }
}
