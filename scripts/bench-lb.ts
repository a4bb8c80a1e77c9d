// Benchmark (not a test): blob pull throughput through the nginx load balancer against one
// registry replica directly, compared on the same protocol: TLS on both paths (nginx terminates
// TLS and forwards plain HTTP, as the HA stack does; the direct replica serves TLS itself) and
// plain HTTP on both (the load balancer's `plainHttp: 'serve'` listener against a plain replica).
// The real programs (registry, nginx) with the files this library renders, one shared storage
// folder, the four paths interleaved round by round.
// Usage: node dist/scripts/bench-lb.js [<MiB> [<rounds>]]; prints one `lb <path> <MiB/s>...` line
// per path for `npm run bench`, then a summary.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { promisify } from 'node:util';
import { Lab } from '../test/helpers/lab';

const run = promisify(execFile);

const sizeMiB = Number(process.argv[2] ?? 64);
const rounds = Number(process.argv[3] ?? 7);
if (!Number.isInteger(sizeMiB) || sizeMiB < 1 || sizeMiB > 1024) throw new Error('MiB: 1 to 1024');
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 50) throw new Error('rounds: 1 to 50');

interface Answer {
  readonly status: number;
  readonly headers: Record<string, unknown>;
  readonly bytes: number;
}

/** One request on a fresh connection (as a client pulling one layer opens one). */
function call(
  method: string,
  url: string,
  auth: string,
  ca: string,
  body?: Buffer,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const opts = {
      method,
      agent: false as const,
      headers: { authorization: auth, ...headers },
      ca,
      servername: 'localhost',
      timeout: 120_000,
    };
    const req = (u.protocol === 'https:' ? httpsRequest : httpRequest)(u, opts, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url}: no answer in 120 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * One blob GET by curl (a lean native client: the 2 cores are then shared by the servers under
 * test, not by a JavaScript client), on a fresh connection; curl's own clock, from the start of
 * the connection to the last byte, so process start is not counted. Resolves to MiB/s.
 */
async function pull(
  url: string,
  user: string,
  password: string,
  caFile: string,
  size: number,
): Promise<number> {
  const { stdout } = await run(
    'curl',
    [
      '-sS',
      '-o',
      '/dev/null',
      '--cacert',
      caFile,
      '-u',
      `${user}:${password}`,
      '-w',
      '%{http_code} %{size_download} %{time_total}',
      url,
    ],
    { timeout: 120_000 },
  );
  const [code, bytes, seconds] = stdout.trim().split(' ');
  if (code !== '200' || Number(bytes) !== size) throw new Error(`GET ${url}: ${code}, ${bytes} bytes`);
  return size / 1024 / 1024 / Number(seconds);
}

const PATHS = {
  'direct-tls': 'one replica directly, TLS (the registry serves it)',
  'lb-tls': 'the load balancer, TLS (nginx terminates it, plain HTTP to the replica)',
  'direct-http': 'one replica directly, plain HTTP',
  'lb-http': "the load balancer, plain HTTP (its `plainHttp: 'serve'` listener)",
} as const;
type PathName = keyof typeof PATHS;

async function main(): Promise<void> {
  const lab = new Lab();
  try {
    const plain = await lab.registry(2, { auth: { type: 'htpasswd' } });
    const tls = await lab.registry(2, { auth: { type: 'htpasswd' }, http: { tls: {} } });
    const lb = await lab.nginx([`127.0.0.1:${plain.port}`], undefined, { plainHttp: 'serve' });
    const auth = `Basic ${Buffer.from(`${lab.user}:${lab.password}`).toString('base64')}`;
    const blob = randomBytes(sizeMiB * 1024 * 1024);
    const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`;
    const start = await call('POST', `${plain.url}/v2/bench/blobs/uploads/`, auth, lab.certs.caPem);
    const location = new URL(String(start.headers.location), plain.url);
    location.searchParams.set('digest', digest);
    const put = await call('PUT', location.toString(), auth, lab.certs.caPem, blob, {
      'content-type': 'application/octet-stream',
    });
    if (put.status !== 201) throw new Error(`upload failed: ${put.status}`);

    const blobPath = `/v2/bench/blobs/${digest}`;
    const urls: Record<PathName, string> = {
      'direct-tls': `${tls.url}${blobPath}`,
      'lb-tls': `https://127.0.0.1:${lb.httpsPort}${blobPath}`,
      'direct-http': `${plain.url}${blobPath}`,
      'lb-http': `http://127.0.0.1:${lb.httpPort}${blobPath}`,
    };
    const names = Object.keys(PATHS) as PathName[];
    const results = Object.fromEntries(names.map((k) => [k, [] as number[]])) as Record<PathName, number[]>;
    for (let i = 0; i < rounds + 1; i++) {
      for (const k of names) {
        const mibs = await pull(urls[k], lab.user, lab.password, lab.certs.caFile, blob.length);
        if (i > 0) results[k].push(mibs); // round 0 warms caches
      }
    }
    const median = (xs: readonly number[]): number =>
      [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    for (const k of names) console.log(`lb ${k} ${results[k].map((x) => x.toFixed(1)).join(' ')}`);
    console.log(`\nblob ${sizeMiB} MiB, ${rounds} rounds after 1 warm-up, median throughput [all rounds]:`);
    for (const k of names) {
      console.log(
        `  ${PATHS[k]}: ${median(results[k]).toFixed(0)} MiB/s [${results[k].map((x) => x.toFixed(0)).join(', ')}]`,
      );
    }
    for (const proto of ['tls', 'http'] as const) {
      const ratio = median(results[`lb-${proto}`]) / median(results[`direct-${proto}`]);
      console.log(
        `  ratio load balancer / direct, ${proto === 'tls' ? 'TLS' : 'plain HTTP'}: ${ratio.toFixed(2)}`,
      );
    }
  } finally {
    await lab.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
