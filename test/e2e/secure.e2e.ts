// `secure` for real: TLS 1.2+ with a generated CA, htpasswd users with generated passwords, the
// Joxit UI; used by the docker CLI (trusting the CA through certs.d), raw HTTPS and TLS probes,
// and headless Chromium.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { get } from '../helpers/net';
import { UiBrowser } from './browser';
import { containerIp, DockerCli, HostsEntry, imageId, removeImages, tlsHandshake } from './clients';
import { docker, OUT, ROOT } from './harness';
import { CHANGED_USER } from './names';
import { StackRun } from './stack-run';

const run = new StackRun({
  stack: 'secure',
  services: 2,
  keptVolumes: ['secure-registry-data'],
  writableRoot: ['secure-ui'],
});
const HOST = 'localhost:5443';
const REPO = 'e2e/hello';
const TAG = 'v1.0.0';
const REGISTRY_NAME = 'secure-registry';
let cli: DockerCli | undefined;
let direct: DockerCli | undefined;
let hosts: HostsEntry | undefined;
let ref = '';
let builtId = '';

/** A docker CLI that trusts this deploy's CA (the CA is new after every destroy + deploy). */
function dockerCli(): DockerCli {
  cli?.close();
  cli = new DockerCli({ host: HOST, ca: run.output('ca_certificate') }, run.output('ca_trust_path')).trust();
  return cli;
}

/** The running registry container's id (it changes when the container is replaced). */
async function registryContainerId(): Promise<string> {
  return (await docker(['inspect', '--format', '{{.Id}}', 'secure-registry'])).trim();
}

beforeAll(() => run.setup());
afterAll(async () => {
  cli?.close();
  direct?.close();
  hosts?.remove();
  if (ref) await removeImages(ref);
  await run.teardown();
});

test('deploys and becomes healthy; the UI is the stated writable-root exception', () => run.deploy('deploy'));

test('the outputs tell the client where to put the CA', () => {
  expect(run.output('ca_trust_path')).toBe(`/etc/docker/certs.d/${HOST}/ca.crt`);
  expect(run.output('ca_certificate')).toMatch(/^-----BEGIN CERTIFICATE-----/);
  expect(run.output('registry_url')).toBe(`https://${HOST}`);
});

test('docker logs in with a generated user, pushes a built image, removes it and pulls it back', async () => {
  const docker = dockerCli();
  const login = await docker.login('admin', run.password('admin'));
  expect(login.output).toMatch(/Login Succeeded/);
  ref = await docker.build(REPO, TAG);
  builtId = await imageId(ref);
  expect(builtId).toMatch(/^sha256:/);
  const push = await docker.run(['push', ref]);
  expect(push.output).toMatch(/digest: sha256:[0-9a-f]{64}/);
  expect(push.code).toBe(0);
  await removeImages(ref);
  expect(await imageId(ref)).toBe('');
  const pull = await docker.run(['pull', ref]);
  expect(pull.code).toBe(0);
  expect(await imageId(ref)).toBe(builtId);
});

test('the CA from the outputs is what makes the daemon trust the registry (certs.d, non-loopback address)', async () => {
  // The daemon skips verification for 127.0.0.0/8, so this check addresses the registry
  // container on the stack's network by the name its certificate carries (secure-registry).
  const host = `${REGISTRY_NAME}:5000`;
  hosts = new HostsEntry(REGISTRY_NAME, await containerIp(REGISTRY_NAME, 'secure-net'));
  direct?.close();
  direct = new DockerCli({ host, ca: run.output('ca_certificate') }, `/etc/docker/certs.d/${host}/ca.crt`);
  // dockerd's Go resolver keeps /etc/hosts for 5 s after a lookup: retry (bounded) until it sees the line.
  let untrusted = await direct.login('admin', run.password('admin'));
  for (let i = 0; i < 20 && /no such host/.test(untrusted.output); i++) {
    await new Promise((r) => setTimeout(r, 1000));
    untrusted = await direct.login('admin', run.password('admin'));
  }
  expect(untrusted.code).not.toBe(0);
  expect(untrusted.output).toMatch(/x509|certificate signed by unknown authority/);
  direct.trust();
  const trusted = await direct.login('admin', run.password('admin'));
  expect(trusted.output).toMatch(/Login Succeeded/);
  const viaCa = `${host}/${REPO}:${TAG}`;
  await removeImages(viaCa);
  const pull = await direct.run(['pull', viaCa]);
  expect(pull.code).toBe(0);
  expect(await imageId(viaCa)).toBe(builtId);
  await removeImages(viaCa);
});

test('/v2/ and /v2/_catalog answer 401 without credentials and with a wrong password', async () => {
  const ca = run.output('ca_certificate');
  for (const path of ['/v2/', '/v2/_catalog']) {
    const url = `https://${HOST}${path}`;
    expect((await get(url, { ca })).status).toBe(401);
    expect((await get(url, { ca, auth: { user: 'admin', password: 'wrong-password' } })).status).toBe(401);
    expect((await get(url, { ca, auth: { user: 'admin', password: run.password('admin') } })).status).toBe(
      200,
    );
  }
  const catalog = await get(`https://${HOST}/v2/_catalog`, {
    ca,
    auth: { user: 'admin', password: run.password('admin') },
  });
  expect(JSON.parse(catalog.body)).toEqual({ repositories: [REPO] });
});

test('a TLS 1.1-only client is refused; TLS 1.2 is accepted', async () => {
  const ca = run.output('ca_certificate');
  const old = await tlsHandshake(5443, 'TLSv1.1', ca);
  expect(old.ok).toBe(false);
  expect(old.detail).toMatch(/protocol version|alert|handshake/i);
  const ok = await tlsHandshake(5443, 'TLSv1.2', ca);
  expect(ok).toEqual({ ok: true, detail: 'TLSv1.2' });
});

test('the UI, in headless Chromium, shows the pushed repository and its tag', async () => {
  const browser = await UiBrowser.launch();
  try {
    const url = run.output('ui_url');
    const credentials = { username: 'admin', password: run.password('admin') };
    const catalog = await browser.view(url, credentials, [REPO], join(OUT, 'secure-ui-catalog.png'));
    expect(catalog.status).toBe(200);
    expect(catalog.text).toContain(REPO);
    const tags = await browser.view(
      `${url}/#!/taglist/${REPO}`,
      credentials,
      [TAG],
      join(OUT, 'secure-ui-taglist.png'),
    );
    expect(tags.text).toContain(TAG);
    if (process.env.E2E_UPDATE_README_SCREENSHOT === '1') {
      copyFileSync(join(OUT, 'secure-ui-taglist.png'), join(ROOT, 'docs', 'images', 'ui-taglist.png'));
    }
  } finally {
    await browser.close();
  }
});

test('the plan after deploy is empty', () => run.expectNoChanges('diff'));

test('a changed input (one more user) reaches the running registry on the next deploy; the plan after is empty', async () => {
  const before = await registryContainerId();
  let removed = { user: CHANGED_USER, password: '' };
  run.cdktf.variant = 'changed';
  try {
    await run.deploy('deploy-changed');
    expect(await registryContainerId()).not.toBe(before);
    const ca = run.output('ca_certificate');
    removed = { user: CHANGED_USER, password: run.password(CHANGED_USER) };
    expect((await get(`https://${HOST}/v2/_catalog`, { ca, auth: removed })).status).toBe(200);
    await run.expectNoChanges('diff-changed');
  } finally {
    run.cdktf.variant = '';
  }
  await run.deploy('deploy-unchanged');
  const ca = run.output('ca_certificate');
  // The removed user's real password no longer opens the registry.
  expect((await get(`https://${HOST}/v2/`, { ca, auth: removed })).status).toBe(401);
  await run.expectNoChanges('diff-unchanged');
});

test('destroy leaves no container or network, only the data volume', () => run.destroy('destroy'));

test('deployed again (new CA and passwords), the pushed image pulls with the same id', async () => {
  await run.deploy('redeploy');
  const docker = dockerCli();
  expect((await docker.login('admin', run.password('admin'))).code).toBe(0);
  await removeImages(ref);
  const pull = await docker.run(['pull', ref]);
  expect(pull.code).toBe(0);
  expect(await imageId(ref)).toBe(builtId);
  await run.expectNoChanges('rediff');
});
