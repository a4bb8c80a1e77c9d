#!/usr/bin/env node
// `registry-platform`: day-2 operations on a deployed stack (status, CA trust, retention cleanup,
// safe garbage collection, backup and restore). Arguments are parsed by commander (a well-kept
// parser: help, usage errors and option types without hand-written code); tables by cli-table3;
// progress bars by cli-progress. Exit codes: 0 done, 1 the operation failed (one line on stderr),
// 2 a usage error, 3 `status` found something unhealthy.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import Table from 'cli-table3';
import { SpecError } from '../lib/model/errors';
import { backup, restore } from '../lib/ops/backup';
import { cleanup } from '../lib/ops/cleanup';
import { garbageCollect } from '../lib/ops/gc';
import { OpsError } from '../lib/ops/ops-error';
import { RegistryApi } from '../lib/ops/registry-api';
import { parseAge } from '../lib/ops/retention';
import { credentialsOf, readStack, StackInfo } from '../lib/ops/stack-info';
import { installCa, stackStatus } from '../lib/ops/status';

interface Globals {
  readonly dir: string;
  readonly json: boolean;
  readonly user?: string;
}

const program = new Command('registry-platform')
  .description('Day-2 operations on a registry stack deployed with cdktf (reads terraform.<stack>.tfstate).')
  .option('--dir <dir>', 'where the stack was deployed (its terraform.<stack>.tfstate)', process.cwd())
  .option('--json', 'print the result as JSON on stdout (progress stays on stderr)', false)
  .option('--user <name>', 'the generated user to act as (default: admin, else the first)')
  .exitOverride()
  .configureOutput({ outputError: (s, write) => write(s) });

const globals = (): Globals => program.opts<Globals>();
const progress = (step: string): void => {
  process.stderr.write(`› ${step}\n`);
};

/** The stack and an API client for its registry. */
function open(stack: string): { info: StackInfo; api: RegistryApi } {
  const info = readStack(globals().dir, stack);
  const { username, password } = credentialsOf(info, globals().user);
  return {
    info,
    api: new RegistryApi({ url: info.registryUrl, ...(info.ca ? { ca: info.ca } : {}), username, password }),
  };
}

function print(json: unknown, text: () => string): void {
  process.stdout.write(globals().json ? `${JSON.stringify(json, null, 2)}\n` : `${text()}\n`);
}

const positiveInt = (v: string): number => {
  if (!/^\d{1,6}$/.test(v) || Number(v) < 1) throw new InvalidArgumentError('a whole number of at least 1');
  return Number(v);
};

program
  .command('status')
  .description("each container's health and the registry's answer to /v2/, as a table")
  .argument('<stack>')
  .action(async (stack: string) => {
    const { info, api } = open(stack);
    const s = await stackStatus(info, api).finally(() => api.close());
    print(s, () => {
      // Colors only on a terminal: piped output stays plain text.
      const t = new Table({
        head: ['container', 'state', 'health'],
        ...(process.stdout.isTTY === true ? {} : { style: { head: [], border: [] } }),
      });
      for (const c of s.containers) t.push([c.name, c.status, c.health || '-']);
      const reg = s.registry.status !== undefined ? `HTTP ${s.registry.status}` : (s.registry.error ?? '');
      return `${t.toString()}\nregistry ${s.registry.url}/v2/: ${reg}\n${s.ok ? 'all healthy' : 'NOT all healthy'}`;
    });
    if (!s.ok) process.exitCode = 3;
  });

program
  .command('trust')
  .description("installs the stack's CA for the Docker daemon (<certs-dir>/<host:port>/ca.crt)")
  .argument('<stack>')
  .option('--certs-dir <dir>', "the Docker daemon's certs.d", '/etc/docker/certs.d')
  .action((stack: string, o: { certsDir: string }) => {
    const info = readStack(globals().dir, stack);
    const file = installCa(info, o.certsDir);
    print(
      { stack, caFile: file },
      () => `installed the CA of ${stack} as ${file}: docker now trusts ${new URL(info.registryUrl).host}`,
    );
  });

program
  .command('cleanup')
  .description(
    'retention: keep the newest N tags and/or delete tags older than an age (manifests; run gc to free space)',
  )
  .argument('<stack>')
  .option('--repo <name...>', 'repositories to clean (default: all)')
  .option('--keep <n>', 'keep the N newest tags of each repository', positiveInt)
  .option('--older-than <age>', 'delete only tags older than this (30d, 12h, 2w)')
  .option('--protect <glob...>', 'tag patterns never deleted', ['latest'])
  .option('--dry-run', 'list what would be deleted, delete nothing', false)
  .action(
    async (
      stack: string,
      o: { repo?: string[]; keep?: number; olderThan?: string; protect: string[]; dryRun: boolean },
    ) => {
      const olderThanMs = o.olderThan !== undefined ? parseAge('--older-than', o.olderThan) : undefined;
      if (o.keep === undefined && olderThanMs === undefined)
        throw new OpsError('cleanup needs --keep N, --older-than AGE or both');
      const { api } = open(stack);
      const bar =
        process.stderr.isTTY && !globals().json
          ? new SingleBar({ format: '  tags {bar} {value}/{total}', clearOnComplete: true })
          : undefined;
      const reports = await cleanup(
        api,
        {
          ...(o.repo !== undefined ? { repositories: o.repo } : {}),
          ...(o.keep !== undefined ? { keep: o.keep } : {}),
          ...(olderThanMs !== undefined ? { olderThanMs } : {}),
          protect: o.protect,
          dryRun: o.dryRun,
          now: new Date(),
        },
        progress,
        (done, total) => {
          if (bar === undefined) return;
          if (done === 1) bar.start(total, 0);
          bar.update(done);
          if (done === total) bar.stop();
        },
      ).finally(() => api.close());
      print(reports, () =>
        reports
          .map((r) => {
            const verb = r.applied ? 'deleted' : 'would delete';
            const gone = r.deleted.flatMap((d) =>
              d.tags.map((t) => `  ${verb} ${r.repository}:${t} (${d.digest})`),
            );
            const kept = r.kept.map((k) => `  kept ${r.repository}:${k.tag} (${k.reason})`);
            return [`${r.repository}: ${verb} ${gone.length}, kept ${kept.length}`, ...gone, ...kept].join(
              '\n',
            );
          })
          .join('\n'),
      );
    },
  );

program
  .command('gc')
  .description(
    'garbage collection, safely: read-only registry, garbage-collect --delete-untagged, cache flushed, read-write again',
  )
  .argument('<stack>')
  .addOption(
    new Option(
      '--drain <seconds>',
      'stay read-only this long before collecting (uploads in flight finish)',
    ).argParser(positiveInt),
  )
  .action(async (stack: string, o: { drain?: number }) => {
    const info = readStack(globals().dir, stack);
    const r = await garbageCollect(info, progress, (o.drain ?? 0) * 1000);
    print(
      r,
      () =>
        `${r.registry}: ${r.bytesBefore} bytes before, ${r.bytesAfter} after (${r.bytesBefore - r.bytesAfter} freed)`,
    );
  });

program
  .command('backup')
  .description('the data volume to a .tar.gz archive and its .sha256 (the registry read-only meanwhile)')
  .argument('<stack>')
  .argument('<archive>')
  .action(async (stack: string, archive: string) => {
    const r = await backup(readStack(globals().dir, stack), archive, progress);
    print(r, () => `backed up to ${r.archive} (${r.bytes} bytes, sha256 ${r.sha256})`);
  });

program
  .command('restore')
  .description('an archive made by backup back into the data volume (checksum checked first)')
  .argument('<stack>')
  .argument('<archive>')
  .action(async (stack: string, archive: string) => {
    const r = await restore(readStack(globals().dir, stack), archive, progress);
    print(r, () => `restored ${r.archive} (sha256 ${r.sha256})`);
  });

/** Runs the CLI; every failure is one line and an exit code, never a stack trace. */
async function main(argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    const known = e instanceof OpsError || e instanceof SpecError;
    process.stderr.write(`registry-platform: ${e instanceof Error ? e.message : String(e)}\n`);
    if (!known && process.env.REGISTRY_PLATFORM_DEBUG === '1' && e instanceof Error)
      process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
  }
}

void main(process.argv);
