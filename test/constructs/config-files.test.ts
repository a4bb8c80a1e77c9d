import { deliverConfigFiles } from '../../lib/constructs/config-files';
import { containerByName, synthWith, uploadsOf } from '../helpers/synth';

describe('deliverConfigFiles', () => {
  const deliver = (containerPath: string, path: string): string =>
    synthWith((s) => {
      deliverConfigFiles(s, {
        name: 'svc',
        imageId: 'sha256:0123',
        containerPath,
        files: [
          { path: '/etc/svc/ok.conf', content: 'ok', mode: '0644' },
          { path, content: 'x', mode: '0600' },
        ],
      });
    });

  test('a file outside containerPath is refused at synth', () => {
    expect(() => deliver('/etc/svc', '/etc/other/x.conf')).toThrow(
      /internal: \/etc\/other\/x\.conf is not under the config volume \/etc\/svc/,
    );
    // A sibling directory that only shares the prefix is outside too.
    expect(() => deliver('/etc/svc', '/etc/svc-evil/x.conf')).toThrow(/is not under the config volume/);
    // The directory itself is not a file under it.
    expect(() => deliver('/etc/svc', '/etc/svc')).toThrow(/is not under the config volume/);
  });

  test('files under containerPath (trailing slash or not) are uploaded into the carrier', () => {
    for (const dir of ['/etc/svc', '/etc/svc/']) {
      const json = deliver(dir, '/etc/svc/sub/key.pem');
      expect(uploadsOf(json, 'svc').map((u) => [u.file, u.permissions])).toEqual([
        ['/etc/svc/ok.conf', '0644'],
        ['/etc/svc/sub/key.pem', '0600'],
      ]);
      expect(containerByName(json, 'svc-config').volumes).toEqual([
        { volume_name: '${docker_volume.config.name}', container_path: '/etc/svc' },
      ]);
    }
  });
});
