import { SpecError } from '../model/errors';

/** One tag of a repository as the registry reports it. */
export interface TagInfo {
  /** The tag. */
  readonly tag: string;
  /** The manifest digest it points to. */
  readonly digest: string;
  /** When the image was built (its config's `created`); unknown images are never deleted. */
  readonly created?: Date;
}

/** What to keep. At least one of `keep` and `olderThanMs` is set. */
export interface RetentionPolicy {
  /** Keep the N newest tags (protected tags not counted). */
  readonly keep?: number;
  /** Delete only tags whose image is older than this. */
  readonly olderThanMs?: number;
  /** Glob patterns (`*`, `?`) of tags never deleted, for example `latest` or `v*`. */
  readonly protect: readonly string[];
  /** The time `olderThanMs` counts back from. */
  readonly now: Date;
}

/** Why a tag stays. */
export type KeepReason =
  'protected' | 'newest' | 'too recent' | 'created unknown' | 'shares a digest with a kept tag';

/** The decision for a repository. */
export interface RetentionPlan {
  /** Tags that stay, each with its reason, newest first. */
  readonly kept: readonly (TagInfo & { readonly reason: KeepReason })[];
  /** Manifests to delete (by digest), each with the tags that go with it. */
  readonly deleted: readonly { readonly digest: string; readonly tags: readonly string[] }[];
}

/** A tag pattern as a regular expression (`*` any run, `?` one character, the rest literal). */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/**
 * Decides which tags of one repository go. Protected tags stay; of the rest, the `keep` newest
 * stay, and with `olderThanMs` only those older than that go. Deleting a manifest deletes every
 * tag that points to it, so a manifest that a kept tag points to is never deleted (digest
 * safety): its other tags stay too.
 */
export function planRetention(tags: readonly TagInfo[], policy: RetentionPolicy): RetentionPlan {
  if (policy.keep === undefined && policy.olderThanMs === undefined) {
    throw new SpecError('cleanup', 'no rule', 'give --keep N, --older-than DURATION or both');
  }
  const protect = policy.protect.map(globToRegExp);
  const newestFirst = [...tags].sort(
    (a, b) =>
      (b.created?.getTime() ?? Infinity) - (a.created?.getTime() ?? Infinity) || a.tag.localeCompare(b.tag),
  );
  const decided = new Map<string, KeepReason | 'delete'>();
  let unprotectedSeen = 0;
  for (const t of newestFirst) {
    if (protect.some((r) => r.test(t.tag))) {
      decided.set(t.tag, 'protected');
      continue;
    }
    if (t.created === undefined) {
      decided.set(t.tag, 'created unknown');
      continue;
    }
    unprotectedSeen += 1;
    if (policy.keep !== undefined && unprotectedSeen <= policy.keep) {
      decided.set(t.tag, 'newest');
    } else if (
      policy.olderThanMs !== undefined &&
      policy.now.getTime() - t.created.getTime() < policy.olderThanMs
    ) {
      decided.set(t.tag, 'too recent');
    } else {
      decided.set(t.tag, 'delete');
    }
  }
  const keptDigests = new Set(
    newestFirst.filter((t) => decided.get(t.tag) !== 'delete').map((t) => t.digest),
  );
  for (const t of newestFirst) {
    if (decided.get(t.tag) === 'delete' && keptDigests.has(t.digest))
      decided.set(t.tag, 'shares a digest with a kept tag');
  }
  const deleted = new Map<string, string[]>();
  for (const t of newestFirst) {
    if (decided.get(t.tag) === 'delete') deleted.set(t.digest, [...(deleted.get(t.digest) ?? []), t.tag]);
  }
  return {
    kept: newestFirst
      .filter((t) => decided.get(t.tag) !== 'delete')
      .map((t) => ({ ...t, reason: decided.get(t.tag) as KeepReason })),
    deleted: [...deleted].map(([digest, list]) => ({ digest, tags: list })),
  };
}

const UNITS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * An age such as `30d`, `12h`, `90m` or `2w` (one number, one unit: s, m, h, d, w) in milliseconds.
 * @throws SpecError naming `property`
 */
export function parseAge(property: string, value: string): number {
  const m = /^(\d{1,6})([smhdw])$/.exec(value);
  if (m === null || Number(m[1]) === 0) {
    throw new SpecError(
      property,
      value,
      'allowed: a positive number and one unit of s, m, h, d or w (for example 30d or 12h)',
    );
  }
  return Number(m[1]) * UNITS[m[2]!]!;
}
