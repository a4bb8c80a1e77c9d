import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Options of {@link get}. */
export interface GetOptions {
  /** CA to verify the server against (https only). */
  readonly ca?: string;
  /** Basic-auth credentials. */
  readonly auth?: { user: string; password: string };
  /** A bearer token. */
  readonly bearer?: string;
  /** Highest TLS version the client offers. */
  readonly maxVersion?: 'TLSv1.2' | 'TLSv1.3';
}

/** The parts of a response the tests look at. */
export interface GetResult {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One GET to 127.0.0.1 with a 5 s timeout. */
export async function get(url: string, options: GetOptions = {}): Promise<GetResult> {
  const u = new URL(url);
  const headers: Record<string, string> = {};
  if (options.bearer !== undefined) headers.authorization = `Bearer ${options.bearer}`;
  if (options.auth) {
    headers.authorization = `Basic ${Buffer.from(`${options.auth.user}:${options.auth.password}`).toString('base64')}`;
  }
  return new Promise((resolve, reject) => {
    const cb = (res: import('node:http').IncomingMessage): void => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    };
    const req =
      u.protocol === 'https:'
        ? httpsRequest(
            u,
            {
              headers,
              timeout: 5000,
              agent: false,
              ...(options.ca !== undefined ? { ca: options.ca } : {}),
              ...(options.maxVersion !== undefined ? { maxVersion: options.maxVersion } : {}),
              servername: u.hostname === '127.0.0.1' ? 'localhost' : u.hostname,
            },
            cb,
          )
        : httpRequest(u, { headers, timeout: 5000, agent: false }, cb);
    req.on('timeout', () => req.destroy(new Error(`timeout: GET ${url}`)));
    req.on('error', reject);
    req.end();
  });
}

/** Polls `probe` every 200 ms until it returns true, for at most `ms` milliseconds. */
export async function waitFor(what: string, ms: number, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (await probe()) return;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: not ready after ${ms} ms${last ? ` (last error: ${String(last)})` : ''}`);
}
