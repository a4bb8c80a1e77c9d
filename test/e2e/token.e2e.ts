// `token` for real, on both registry dialects (`token` is registry 2.8, `token3` registry 3.0):
// the registry and docker_auth over TLS from one generated CA, the lab's roles enforced. Real
// clients: skopeo (copy and delete, which fetch tokens from the realm like any client), the docker
// CLI, raw HTTPS and headless Chromium for the UI (which gets its tokens through its own origin).
import { get, waitFor } from '../helpers/net';
import { DockerCli, imageId, removeImages, Skopeo } from './clients';
import { join } from 'node:path';
import { UiBrowser } from './browser';
import { docker, OUT } from './harness';
import { TOKEN3 } from './names';
import { StackRun } from './stack-run';

const CASES = [
  { stack: 'token', version: 2, port: 5446, tokenPort: 5447 },
  { stack: TOKEN3.stack, version: 3, port: TOKEN3.port, tokenPort: TOKEN3.tokenPort },
] as const;

describe.each(CASES)('$stack (registry $version)', ({ stack, version, port, tokenPort }) => {
  const run = new StackRun({
    stack,
    services: 3,
    keptVolumes: [`${stack}-registry-data`],
    writableRoot: [`${stack}-ui`],
  });
  const HOST = `localhost:${port}`;
  const REALM = `https://localhost:${tokenPort}/auth`;
  const clients: Skopeo[] = [];
  let cli: DockerCli | undefined;
  let builtRef = '';
  /** skopeo as `user` (a wrong password when given). */
  const as = (user: string, password = run.password(user)): Skopeo => {
    const c = new Skopeo({ host: HOST, ca: run.output('ca_certificate'), user, password });
    clients.push(c);
    return c;
  };
  const layout = (tag: string): string => {
    const probe = new Skopeo({ host: HOST });
    clients.push(probe);
    return probe.image(tag);
  };

  beforeAll(() => run.setup());
  afterAll(async () => {
    clients.forEach((c) => c.close());
    cli?.close();
    if (builtRef) await removeImages(builtRef);
    await run.teardown();
  });

  test('deploys; the token endpoint answers over TLS with the generated CA', async () => {
    await run.deploy('deploy');
    const ca = run.output('ca_certificate');
    expect(run.output('token_realm')).toBe(REALM);
    await waitFor(`token server ${REALM}`, 30_000, async () => (await get(REALM, { ca })).status === 401);
  });

  test('anonymous /v2/ answers 401 with a Bearer challenge naming the token server realm', async () => {
    const res = await get(`https://${HOST}/v2/`, { ca: run.output('ca_certificate') });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe(`Bearer realm="${REALM}",service="container-registry"`);
  });

  test('developer pushes app/demo and is denied system/core', async () => {
    const dev = as('developer');
    const img = layout('v1');
    const ok = await dev.push(img, 'v1', 'app/demo');
    expect(ok.output).not.toMatch(/denied|unauthorized/i);
    expect(ok.code).toBe(0);
    const denied = await dev.push(img, 'v1', 'system/core');
    expect(denied.code).not.toBe(0);
    expect(denied.output).toMatch(/denied|unauthorized|insufficient/i);
  });

  test('readonly pulls app/demo and is denied pushing', async () => {
    const ro = as('readonly');
    const pull = await ro.pull('app/demo', 'v1');
    expect(pull.code).toBe(0);
    const push = await ro.push(layout('v2'), 'v2', 'app/demo');
    expect(push.code).not.toBe(0);
    expect(push.output).toMatch(/denied|unauthorized|insufficient/i);
  });

  test('ci pushes app/staging/api and is denied app/dev/api', async () => {
    const ci = as('ci');
    const img = layout('build-1');
    const ok = await ci.push(img, 'build-1', 'app/staging/api');
    expect(ok.code).toBe(0);
    const denied = await ci.push(img, 'build-1', 'app/dev/api');
    expect(denied.code).not.toBe(0);
    expect(denied.output).toMatch(/denied|unauthorized|insufficient/i);
  });

  test('developer is denied deleting a manifest; admin deletes it', async () => {
    const admin = as('admin');
    expect((await admin.push(layout('old'), 'old', 'app/demo')).code).toBe(0);
    const denied = await as('developer').delete('app/demo', 'old');
    expect(denied.code).not.toBe(0);
    expect(denied.output).toMatch(/denied|unauthorized|insufficient/i);
    expect((await admin.pull('app/demo', 'old')).code).toBe(0);
    const deleted = await admin.delete('app/demo', 'old');
    expect(deleted.output).not.toMatch(/denied|unauthorized/i);
    expect(deleted.code).toBe(0);
    const gone = await admin.pull('app/demo', 'old');
    expect(gone.code).not.toBe(0);
    expect(gone.output).toMatch(/manifest unknown|not found/i);
  });

  test('a wrong password gets no token, and no push', async () => {
    const ca = run.output('ca_certificate');
    const url = `${REALM}?service=container-registry&scope=repository:app/demo:pull,push`;
    expect((await get(url, { ca, auth: { user: 'developer', password: 'not-the-password' } })).status).toBe(
      401,
    );
    expect(
      (await get(url, { ca, auth: { user: 'developer', password: run.password('developer') } })).status,
    ).toBe(200);
    const push = await as('developer', 'not-the-password').push(layout('x'), 'x', 'app/demo');
    expect(push.code).not.toBe(0);
  });

  test('the docker CLI logs in through the token server, pushes and pulls back', async () => {
    cli?.close();
    cli = new DockerCli(
      { host: HOST, ca: run.output('ca_certificate') },
      run.output('ca_trust_path'),
    ).trust();
    expect((await cli.login('developer', 'not-the-password')).code).not.toBe(0);
    expect((await cli.login('developer', run.password('developer'))).output).toMatch(/Login Succeeded/);
    builtRef = await cli.build('library/hello', 'v1');
    const id = await imageId(builtRef);
    expect((await cli.run(['push', builtRef])).code).toBe(0);
    await removeImages(builtRef);
    expect((await cli.run(['pull', builtRef])).code).toBe(0);
    expect(await imageId(builtRef)).toBe(id);
    const other = `${HOST}/system/hello:v1`;
    await docker(['tag', builtRef, other]);
    const denied = await cli.run(['push', other]);
    expect(denied.code).not.toBe(0);
    expect(denied.output).toMatch(/denied|unauthorized|insufficient/i);
    await removeImages(other);
  });

  test('the UI, in headless Chromium, logs in through its /auth and shows what readonly may see', async () => {
    const browser = await UiBrowser.launch();
    try {
      const url = run.output('ui_url');
      const credentials = { username: 'readonly', password: run.password('readonly') };
      const catalog = await browser.view(
        url,
        credentials,
        ['app/demo', 'app/staging/api'],
        join(OUT, `${stack}-ui-catalog.png`),
      );
      expect(catalog.status).toBe(200);
      const tags = await browser.view(
        `${url}/#!/taglist/app/demo`,
        credentials,
        ['v1'],
        join(OUT, `${stack}-ui-taglist.png`),
      );
      expect(tags.text).toContain('v1');
    } finally {
      await browser.close();
    }
  });

  test('no password reaches the token server or registry logs', async () => {
    const logs =
      (await docker(['logs', `${stack}-token-server`]).catch((e: Error) => e.message)) +
      (await docker(['logs', `${stack}-registry`]).catch((e: Error) => e.message));
    for (const user of ['admin', 'developer', 'readonly', 'ci'])
      expect(logs).not.toContain(run.password(user));
    expect(logs).toMatch(/New token for/);
  });

  test('the plan after deploy is empty', () => run.expectNoChanges('diff'));

  test('destroy leaves no container or network, only the data volume', () => run.destroy('destroy'));

  test(`deployed again (new keys and passwords), the images are still there (registry ${version})`, async () => {
    await run.deploy('redeploy');
    const ca = run.output('ca_certificate');
    await waitFor(`token server ${REALM}`, 30_000, async () => (await get(REALM, { ca })).status === 401);
    expect((await as('readonly').pull('app/staging/api', 'build-1')).code).toBe(0);
    await run.expectNoChanges('rediff');
  });
});
