import { compareSync, hashSync } from 'bcryptjs';
import { renderHtpasswd, renderUiSettings } from '../../lib/render';

describe('htpasswd', () => {
  test('one name:hash line per user, in order, mode 0640; the hashes verify', () => {
    const a = hashSync('pw-a', 4);
    const b = hashSync('pw-b', 4);
    const file = renderHtpasswd('/etc/docker/registry/auth/htpasswd', [
      { name: 'admin', bcryptHash: a },
      { name: 'dev', bcryptHash: b },
    ]);
    expect(file.mode).toBe('0640');
    const lines = file.content.split('\n');
    expect(lines).toEqual([`admin:${a}`, `dev:${b}`, '']);
    const parsed = lines.filter(Boolean).map((l) => l.split(':'));
    expect(compareSync('pw-a', parsed[0]![1]!)).toBe(true);
    expect(compareSync('pw-b', parsed[1]![1]!)).toBe(true);
  });
});

describe('UI settings', () => {
  test('same-origin proxy to the registry, secured and delete follow the registry, sorted', () => {
    const env = renderUiSettings({
      title: 'Lab',
      registryUrl: 'https://registry:5000',
      secured: true,
      deleteEnabled: false,
    });
    expect(env).toEqual({
      DELETE_IMAGES: 'false',
      NGINX_PROXY_PASS_URL: 'https://registry:5000',
      NGINX_RESOLVER: '127.0.0.11',
      REGISTRY_SECURED: 'true',
      REGISTRY_TITLE: 'Lab',
      SHOW_CONTENT_DIGEST: 'true',
      SINGLE_REGISTRY: 'true',
    });
    expect(Object.keys(env)).toEqual([...Object.keys(env)].sort());
    expect(
      renderUiSettings({ title: 'x', registryUrl: 'http://r:5000', secured: false, deleteEnabled: true }),
    ).toMatchObject({
      DELETE_IMAGES: 'true',
      REGISTRY_SECURED: 'false',
    });
  });
});
