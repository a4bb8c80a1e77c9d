import { Construct } from 'constructs';
import { checkInt } from '../model/checks';
import { resolveHtpasswdUsers, UserSpec } from '../model/users';
import { HtpasswdEntry, renderHtpasswd } from '../render/htpasswd';
import { RenderedFile } from '../render/file';
import { passwordsByUser, userPasswords } from './private/user-passwords';

/** Props of {@link HtpasswdUsers}. */
export interface HtpasswdUsersProps {
  /**
   * The users. Each gets a generated password unless a bcrypt hash reference is supplied.
   * htpasswd gives every user full access, so roles other than `admin` are refused.
   */
  readonly users: readonly UserSpec[];
  /** Length of generated passwords (letters and digits only, so they are safe in any file). @default 32 */
  readonly passwordLength?: number;
}

/**
 * htpasswd users whose passwords are generated once by the random provider and kept in
 * Terraform state; the file holds the provider's `bcrypt_hash`, computed once, so the container
 * does not change on every plan. Every user can push, pull and delete everywhere: for roles, use
 * token authentication. Construct ids `password-<name>` are public API.
 */
export class HtpasswdUsers extends Construct {
  /** One entry per user, in the order given. */
  public readonly entries: readonly HtpasswdEntry[];
  /** Generated passwords by user name (Terraform references, sensitive). */
  public readonly passwords: Readonly<Record<string, string>>;

  /** Creates a random password per user that has no supplied hash. */
  public constructor(scope: Construct, id: string, props: HtpasswdUsersProps) {
    super(scope, id);
    const users = resolveHtpasswdUsers(`${id}.users`, props.users);
    const length = checkInt(`${id}.passwordLength`, props.passwordLength ?? 32, 24, 128);
    const entries = userPasswords(this, `${id}.users`, users, length);
    this.entries = entries.map((e) => ({ name: e.name, bcryptHash: e.bcryptHash }));
    this.passwords = passwordsByUser(entries);
  }

  /** The htpasswd file at `path`. */
  public file(path: string): RenderedFile {
    return renderHtpasswd(path, this.entries);
  }
}
