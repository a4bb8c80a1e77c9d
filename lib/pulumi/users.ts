import { checkInt } from '../model/checks';
import { resolveHtpasswdUsers, UserSpec } from '../model/users';
import { HtpasswdEntry, renderHtpasswd } from '../render/htpasswd';
import { RenderedFile } from '../render/file';
import { pulumi } from './engine';
import { passwordsByUser, userPasswords } from './private/user-passwords';

/** Args of {@link HtpasswdUsers}. */
export interface HtpasswdUsersArgs {
  /** The users; each gets a generated password unless a bcrypt hash (`pulumiSecret`) is supplied. Roles other than `admin` are refused. */
  readonly users: readonly UserSpec[];
  /** Length of generated passwords (letters and digits). @default 32 */
  readonly passwordLength?: number;
}

/**
 * htpasswd users whose passwords are generated once and kept (encrypted) in the state; the file
 * holds the provider's bcrypt hash. Children `<name>-password-<user>`.
 */
export class HtpasswdUsers extends pulumi.ComponentResource {
  /** One entry per user, in the order given. */
  public readonly entries: readonly HtpasswdEntry[];
  /** Generated passwords by user name (secret). */
  public readonly passwords: Readonly<Record<string, pulumi.Output<string>>>;

  /** Creates a random password per user that has no supplied hash. */
  public constructor(name: string, args: HtpasswdUsersArgs, opts?: pulumi.ComponentResourceOptions) {
    super('registry-platform:index:HtpasswdUsers', name, {}, opts);
    const users = resolveHtpasswdUsers(`${name}.users`, args.users);
    const length = checkInt(`${name}.passwordLength`, args.passwordLength ?? 32, 24, 128);
    const entries = userPasswords(this, name, `${name}.users`, users, length);
    this.entries = entries.map((e) => ({ name: e.name, bcryptHash: e.bcryptHash }));
    this.passwords = passwordsByUser(entries);
    this.registerOutputs({ passwords: this.passwords });
  }

  /** The htpasswd file at `path`. */
  public file(path: string): RenderedFile {
    return renderHtpasswd(path, this.entries);
  }
}
