import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { resolveRedisCache, resolveRegistrySpec, SecretRef, SpecError } from '../../lib/model';
import {
  fillSecrets,
  renderHtpasswd,
  renderRedisConf,
  renderRegistryConfig,
  SecretSlots,
  wholeFile,
} from '../../lib/render';
import { filled, testSecret } from '../helpers/secrets';

describe('secrets in rendered files', () => {
  const redis = testSecret('r3dis');
  const proxy = testSecret('pa"ss: #word');
  const file = renderRegistryConfig(
    resolveRegistrySpec({
      version: 3,
      storage: { cache: 'redis' },
      redis: { addresses: ['redis:6379'], password: redis },
      proxy: { remoteUrl: 'https://up', username: 'bot', password: proxy },
      notifications: [
        { name: 'h', url: 'http://h/', headers: { Authorization: [testSecret('Bearer t')], 'X-A': ['b'] } },
      ],
    }),
    { httpSecret: testSecret('s') },
  );

  test('each secret is a named placeholder, listed with its secret and encoding; no value in the text', () => {
    expect(file.secrets?.map((s) => s.placeholder)).toEqual([
      '((secret:http.secret))',
      '((secret:notifications.h.headers.Authorization))',
      '((secret:proxy.password))',
      '((secret:redis.password))',
    ]);
    expect(file.secrets?.every((s) => s.encoding === 'yaml-string')).toBe(true);
    expect(file.content).not.toMatch(/r3dis|pa"ss|Bearer t/);
    expect(parse(file.content).proxy.password).toBe('((secret:proxy.password))');
  });

  test('filled as a YAML string, any characters survive', () => {
    const doc = parse(filled(file));
    expect(doc.proxy.password).toBe('pa"ss: #word');
    expect(doc.redis.password).toBe('r3dis');
    expect(doc.notifications.endpoints[0].headers).toEqual({ Authorization: ['Bearer t'], 'X-A': ['b'] });
  });

  test('raw slots (redis.conf, htpasswd, PEM files) are written as is', () => {
    const conf = renderRedisConf(resolveRedisCache('c'), { path: '/r.conf', password: redis });
    expect(conf.content).toMatch(/^requirepass \(\(secret:requirepass\)\)$/m);
    expect(filled(conf)).toMatch(/^requirepass r3dis$/m);
    const htpasswd = renderHtpasswd('/h', [
      { name: 'a', bcryptHash: testSecret('$2y$05$x') },
      { name: 'b', bcryptHash: '$2y$05$literal' },
    ]);
    expect(htpasswd.content).toBe('a:((secret:a))\nb:$2y$05$literal\n');
    expect(filled(htpasswd)).toBe('a:$2y$05$x\nb:$2y$05$literal\n');
    expect(filled(wholeFile('/certs/server.key', testSecret('KEY'), '0600'))).toBe('KEY');
    expect(wholeFile('/certs/server.crt', 'CERT', '0644')).toEqual({
      path: '/certs/server.crt',
      content: 'CERT',
      mode: '0644',
    });
  });

  test('the same label twice gets two placeholders; a placeholder missing from the text is a bug', () => {
    const slots = new SecretSlots();
    expect(slots.place('x', testSecret('1'))).toBe('((secret:x))');
    expect(slots.place('x', testSecret('2'))).toBe('((secret:x.2))');
    expect(() => fillSecrets(slots.file('/f', '((secret:x))', '0600'), () => 'v')).toThrow(
      /internal: \/f has no \(\(secret:x\.2\)\)/,
    );
  });

  test('a secret printed or serialized by mistake shows no value', () => {
    const s = SecretRef.fromEngine('hunter2');
    expect(String(s)).toBe('<secret reference>');
    expect(JSON.stringify({ s })).toBe('{"s":"<secret reference>"}');
  });

  test('a literal where a secret belongs is refused, never shown', () => {
    let e: unknown;
    try {
      resolveRegistrySpec({ redis: { addresses: ['r:1'], password: 'hunter2' as unknown as SecretRef } });
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(SpecError);
    expect((e as SpecError).message).toMatch(
      /^registry\.redis\.password: got <a literal 7-character value \(not shown\)>/,
    );
    expect((e as SpecError).message).not.toMatch(/hunter2/);
  });
});

describe('the pure layers know no engine syntax', () => {
  const root = join(__dirname, '..', '..', 'lib');
  const files = ['model', 'model/patterns', 'render', 'plans', 'policy'].flatMap((d) =>
    readdirSync(join(root, d))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(root, d, f)),
  );

  test.each(files.map((f) => [f.slice(root.length + 1)]))(
    '%s mentions no cdktf token or Terraform expression',
    (f) => {
      const text = readFileSync(join(root, f), 'utf8');
      expect(text).not.toMatch(/TfToken|isToken|jsonencode|Token\.(isUnresolved|asString)|['"]cdktf['"]/);
    },
  );
});
