import { ChildProcess, spawn } from 'node:child_process';

/** A program started by a test, with its combined output and a bounded stop. */
export interface Started {
  readonly proc: ChildProcess;
  readonly output: () => string;
  readonly stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** Starts a program; `stop` sends SIGTERM, waits at most 5 s, then SIGKILL. */
export function start(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Started {
  const proc = spawn(cmd, [...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    proc,
    output: () => out,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill(signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGKILL');
        await exited;
      }
    },
  };
}
