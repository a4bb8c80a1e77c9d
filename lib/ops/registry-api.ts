import { Agent, request } from 'undici';
import { OpsError } from './ops-error';

/** Where a registry is and who talks to it. */
export interface RegistryEndpoint {
  /** Base URL, for example `https://localhost:5443`. */
  readonly url: string;
  /** The CA its certificate chains to (PEM). @default the system's */
  readonly ca?: string;
  readonly username: string;
  readonly password: string;
}

/** Media types of the manifests the registry may hold, in the order asked for. */
const MANIFEST_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

interface Response {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/**
 * The registry's HTTP API (distribution v2) over undici, the HTTP client Node itself is built on
 * (chosen over hand-written `https` calls: a connection pool with the stack's CA, redirects and
 * timeouts done right). Logs in with Basic authentication, or with a token from the realm a
 * Bearer challenge names (token stacks).
 */
export class RegistryApi {
  private readonly agent: Agent;
  private readonly tokens = new Map<string, string>();

  /** Prepares a connection pool that trusts `endpoint.ca`. */
  public constructor(private readonly endpoint: RegistryEndpoint) {
    this.agent = new Agent({
      connect: { ...(endpoint.ca !== undefined ? { ca: endpoint.ca } : {}), timeout: 10_000 },
      headersTimeout: 30_000,
      bodyTimeout: 60_000,
    });
  }

  /** `GET /v2/`: the status (200 when the credentials are good). */
  public async ping(): Promise<number> {
    return (await this.send('GET', '/v2/', {}, '')).status;
  }

  /** Every repository (`/v2/_catalog`, paged). */
  public async repositories(): Promise<string[]> {
    const all: string[] = [];
    let path: string | undefined = '/v2/_catalog?n=1000';
    for (let page = 0; path !== undefined && page < 1000; page++) {
      const r = await this.expect('GET', path, {}, 'registry:catalog:*', 200);
      all.push(...((JSON.parse(r.body) as { repositories?: string[] }).repositories ?? []));
      path = nextPage(r.headers.link);
    }
    return all;
  }

  /** The tags of a repository. */
  public async tags(repo: string): Promise<string[]> {
    const r = await this.expect('GET', `/v2/${repo}/tags/list`, {}, pull(repo), 200);
    return (JSON.parse(r.body) as { tags?: string[] | null }).tags ?? [];
  }

  /** A tag's manifest digest and, for an image, when it was built (its config's `created`). */
  public async describe(repo: string, tag: string): Promise<{ digest: string; created?: Date }> {
    const r = await this.expect(
      'GET',
      `/v2/${repo}/manifests/${tag}`,
      { accept: MANIFEST_TYPES },
      pull(repo),
      200,
    );
    const digest = header(r, 'docker-content-digest');
    if (digest === undefined)
      throw new OpsError(`${repo}:${tag}: the registry gave no Docker-Content-Digest`);
    const manifest = JSON.parse(r.body) as { config?: { digest?: string } };
    const config = manifest.config?.digest;
    if (config === undefined) return { digest };
    const blob = await this.expect('GET', `/v2/${repo}/blobs/${config}`, {}, pull(repo), 200);
    const created = (JSON.parse(blob.body) as { created?: string }).created;
    const when = created !== undefined ? new Date(created) : undefined;
    return when !== undefined && !Number.isNaN(when.getTime()) ? { digest, created: when } : { digest };
  }

  /** Deletes a manifest by digest (every tag pointing to it goes with it). */
  public async deleteManifest(repo: string, digest: string): Promise<void> {
    await this.expect('DELETE', `/v2/${repo}/manifests/${digest}`, {}, `repository:${repo}:delete,pull`, 202);
  }

  /** Closes the connections. */
  public async close(): Promise<void> {
    await this.agent.close();
  }

  private async expect(
    method: string,
    path: string,
    headers: Record<string, string>,
    scope: string,
    status: number,
  ): Promise<Response> {
    const r = await this.send(method, path, headers, scope);
    if (r.status === status) return r;
    if (r.status === 401)
      throw new OpsError(`the registry refused ${this.endpoint.username}'s credentials (HTTP 401)`);
    if (r.status === 405 && method === 'DELETE') {
      throw new OpsError(
        'the registry does not allow deletes (storage.delete.enabled is off for this stack)',
      );
    }
    throw new OpsError(`${method} ${path}: HTTP ${r.status} ${r.body.slice(0, 200).trim()}`);
  }

  /** Sends a request; answers a 401 challenge once (Basic, or a Bearer token for `scope`). */
  private async send(
    method: string,
    path: string,
    headers: Record<string, string>,
    scope: string,
  ): Promise<Response> {
    const token = this.tokens.get(scope);
    const first = await this.raw(method, `${this.endpoint.url}${path}`, {
      ...headers,
      ...(token !== undefined ? { authorization: `Bearer ${token}` } : this.basic()),
    });
    if (first.status !== 401) return first;
    const challenge = header(first, 'www-authenticate') ?? '';
    if (!/^Bearer /i.test(challenge)) return first;
    const fresh = await this.fetchToken(challenge, scope);
    this.tokens.set(scope, fresh);
    return this.raw(method, `${this.endpoint.url}${path}`, { ...headers, authorization: `Bearer ${fresh}` });
  }

  private async fetchToken(challenge: string, scope: string): Promise<string> {
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    if (params.realm === undefined)
      throw new OpsError(`the registry's challenge names no token realm: ${challenge}`);
    const url = new URL(params.realm);
    if (params.service !== undefined) url.searchParams.set('service', params.service);
    if (scope !== '') url.searchParams.set('scope', scope);
    const r = await this.raw('GET', url.toString(), this.basic());
    if (r.status === 401)
      throw new OpsError(`the token server refused ${this.endpoint.username}'s credentials (HTTP 401)`);
    if (r.status !== 200) throw new OpsError(`the token server answered HTTP ${r.status}`);
    const body = JSON.parse(r.body) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (token === undefined) throw new OpsError('the token server answered without a token');
    return token;
  }

  private basic(): Record<string, string> {
    const pair = Buffer.from(`${this.endpoint.username}:${this.endpoint.password}`).toString('base64');
    return { authorization: `Basic ${pair}` };
  }

  private async raw(method: string, url: string, headers: Record<string, string>): Promise<Response> {
    try {
      const r = await request(url, { method: method as 'GET', headers, dispatcher: this.agent });
      return { status: r.statusCode, headers: r.headers, body: await r.body.text() };
    } catch (e) {
      const err = e as { code?: string; message?: string; cause?: { code?: string; message?: string } };
      const why = err.cause?.code ?? err.code ?? err.cause?.message ?? err.message ?? String(e);
      throw new OpsError(`cannot reach the registry at ${new URL(url).origin}: ${why}`);
    }
  }
}

/** The pull scope of a repository. */
function pull(repo: string): string {
  return `repository:${repo}:pull`;
}

/** One header's value. */
function header(r: Response, name: string): string | undefined {
  const v = r.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The next page of a paged listing (`Link: </v2/_catalog?last=x&n=1000>; rel="next"`). */
function nextPage(link: string | string[] | undefined): string | undefined {
  const v = Array.isArray(link) ? link[0] : link;
  return v !== undefined ? /<([^>]+)>;\s*rel="next"/.exec(v)?.[1] : undefined;
}
