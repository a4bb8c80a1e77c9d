// Benchmark (not a test): blob pull throughput through the nginx load balancer (TLS) versus
// directly from one registry replica (plain HTTP), in the same run, with the real programs.
// Usage: npm run bench:lb [-- <MiB> <rounds>]
import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Lab } from '../test/helpers/lab';

const sizeMiB = Number(process.argv[2] ?? 64);
const rounds = Number(process.argv[3] ?? 7);

function call(
  method: string,
  url: string,
  auth: string,
  ca: string,
  body?: Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; bytes: number }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const opts = {
      method,
      agent: false as const,
      headers: { authorization: auth, ...headers },
      ca,
      servername: 'localhost',
    };
    const req = (u.protocol === 'https:' ? httpsRequest : httpRequest)(u, opts, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const lab = new Lab();
  try {
    const replica = await lab.registry(2, { auth: { type: 'htpasswd' } });
    const lb = await lab.nginx([`127.0.0.1:${replica.port}`]);
    const auth = `Basic ${Buffer.from(`${lab.user}:${lab.password}`).toString('base64')}`;
    const blob = randomBytes(sizeMiB * 1024 * 1024);
    const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`;
    const start = await call('POST', `${replica.url}/v2/bench/blobs/uploads/`, auth, lab.certs.caPem);
    const location = new URL(String(start.headers.location), replica.url);
    location.searchParams.set('digest', digest);
    const put = await call('PUT', location.toString(), auth, lab.certs.caPem, blob, {
      'content-type': 'application/octet-stream',
    });
    if (put.status !== 201) throw new Error(`upload failed: ${put.status}`);

    const paths = {
      direct: `${replica.url}/v2/bench/blobs/${digest}`,
      lb: `https://127.0.0.1:${lb.httpsPort}/v2/bench/blobs/${digest}`,
    };
    const results: Record<'direct' | 'lb', number[]> = { direct: [], lb: [] };
    for (let i = 0; i < rounds + 1; i++) {
      for (const k of ['direct', 'lb'] as const) {
        const t0 = process.hrtime.bigint();
        const r = await call('GET', paths[k], auth, lab.certs.caPem);
        const s = Number(process.hrtime.bigint() - t0) / 1e9;
        if (r.status !== 200 || r.bytes !== blob.length)
          throw new Error(`${k}: ${r.status}, ${r.bytes} bytes`);
        if (i > 0) results[k].push(blob.length / 1024 / 1024 / s); // round 0 warms caches
      }
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const d = median(results.direct);
    const l = median(results.lb);
    console.log(`blob ${sizeMiB} MiB, ${rounds} rounds (after 1 warm-up), median throughput:`);
    console.log(
      `  direct (HTTP, one replica): ${d.toFixed(0)} MiB/s   [${results.direct.map((x) => x.toFixed(0)).join(', ')}]`,
    );
    console.log(
      `  load balancer (TLS, nginx): ${l.toFixed(0)} MiB/s   [${results.lb.map((x) => x.toFixed(0)).join(', ')}]`,
    );
    console.log(`  ratio LB/direct: ${(l / d).toFixed(2)}`);
  } finally {
    await lab.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
