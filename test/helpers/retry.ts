/**
 * The docker daemon retries a layer download whose body was cut (it tries 5 times); skopeo's own
 * `--retry-times` does not retry a body that ends early ("unexpected EOF"), only failed requests.
 * Failover tests pull with skopeo, so they give it the daemon's policy for that one case: a pull
 * whose transfer was cut is tried again, at most `attempts` times in all, 500 ms apart. What a
 * test asserts on is the result after those attempts; it reports how many pulls needed one.
 */
export const CUT_TRANSFER = /unexpected EOF|connection reset by peer|broken pipe/;

/** Runs `pull` until it succeeds, fails otherwise, or `attempts` are used up. */
export async function withDownloadRetry<T extends { output: string }>(
  pull: () => Promise<T>,
  ok: (r: T) => boolean,
  attempts = 5,
): Promise<{ result: T; attempts: number }> {
  let result = await pull();
  let n = 1;
  while (!ok(result) && CUT_TRANSFER.test(result.output) && n < attempts) {
    await new Promise((r) => setTimeout(r, 500));
    result = await pull();
    n++;
  }
  return { result, attempts: n };
}
