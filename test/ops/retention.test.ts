import { parseAge, planRetention, TagInfo } from '../../lib/ops/retention';
import { thrown } from '../helpers/errors';

const now = new Date('2026-11-24T12:00:00Z');
const daysAgo = (d: number): Date => new Date(now.getTime() - d * 86_400_000);
/** Ten tags v1..v10, v10 the newest (built 1 day ago), each its own digest. */
const ten: TagInfo[] = Array.from({ length: 10 }, (_, i) => ({
  tag: `v${i + 1}`,
  digest: `sha256:${String(i + 1).padStart(64, '0')}`,
  created: daysAgo(10 - i),
}));

describe('retention', () => {
  test('--keep 3: the 3 newest stay, the 7 others go, one manifest each', () => {
    const p = planRetention(ten, { keep: 3, protect: [], now });
    expect(p.kept.map((k) => [k.tag, k.reason])).toEqual([
      ['v10', 'newest'],
      ['v9', 'newest'],
      ['v8', 'newest'],
    ]);
    expect(p.deleted.map((d) => d.tags)).toEqual([['v7'], ['v6'], ['v5'], ['v4'], ['v3'], ['v2'], ['v1']]);
  });

  test('protected tags stay and do not count toward --keep', () => {
    const withLatest = [...ten, { tag: 'latest', digest: 'sha256:' + 'f'.repeat(64), created: daysAgo(30) }];
    const p = planRetention(withLatest, { keep: 3, protect: ['latest', 'v1'], now });
    expect(p.kept.map((k) => k.tag).sort()).toEqual(['latest', 'v1', 'v10', 'v8', 'v9']);
    expect(p.deleted).toHaveLength(6);
  });

  test('digest safety: a manifest a kept tag points to is never deleted, nor its other tags', () => {
    const shared = [
      ...ten.slice(0, 9),
      { ...ten[9]!, tag: 'v10' },
      { tag: 'old-alias', digest: ten[9]!.digest, created: ten[9]!.created! },
    ];
    const aliased = shared.map((t) => (t.tag === 'v2' ? { ...t, digest: ten[9]!.digest } : t));
    const p = planRetention(aliased, { keep: 3, protect: [], now });
    expect(p.deleted.flatMap((d) => d.tags)).not.toContain('v2');
    expect(p.kept.find((k) => k.tag === 'v2')?.reason).toBe('shares a digest with a kept tag');
    expect(p.deleted.map((d) => d.digest)).not.toContain(ten[9]!.digest);
  });

  test('--older-than alone, and with --keep (both must hold); unknown build times stay', () => {
    expect(
      planRetention(ten, { olderThanMs: parseAge('a', '5d') + 1, protect: [], now })
        .deleted.flatMap((d) => d.tags)
        .sort(),
    ).toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
    const both = planRetention(ten, { keep: 8, olderThanMs: parseAge('a', '5d'), protect: [], now });
    expect(both.deleted.flatMap((d) => d.tags).sort()).toEqual(['v1', 'v2']);
    const unknown = planRetention([{ tag: 'x', digest: 'sha256:' + 'a'.repeat(64) }], {
      keep: 0 as never,
      protect: [],
      now,
    });
    expect(unknown.kept).toEqual([expect.objectContaining({ tag: 'x', reason: 'created unknown' })]);
  });

  test('globs: * and ? only, the rest literal', () => {
    const tags: TagInfo[] = ['release-1.0', 'release-1.1', 'rc.1', 'rcx1'].map((tag, i) => ({
      tag,
      digest: `sha256:${i}`,
      created: daysAgo(5),
    }));
    const p = planRetention(tags, { keep: 1, protect: ['release-*', 'rc.?'], now });
    expect(p.kept.map((k) => k.tag).sort()).toEqual(
      ['rc.1', 'rcx1', 'release-1.0', 'release-1.1']
        .filter((t) => t !== 'rcx1')
        .concat(['rcx1'])
        .sort(),
    );
    expect(p.kept.find((k) => k.tag === 'rcx1')?.reason).toBe('newest');
  });

  test('bad input is a SpecError naming the option', () => {
    expect(thrown(() => parseAge('--older-than', '30 days')).property).toBe('--older-than');
    expect(thrown(() => parseAge('--older-than', '0d')).message).toMatch(
      /allowed: a positive number and one unit/,
    );
    expect(thrown(() => planRetention(ten, { protect: [], now })).message).toMatch(/--keep N, --older-than/);
  });
});
