import { deliverConfigFiles } from '../../lib/constructs/private/config-files';
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

  test('the volume is labelled with its file list, and the carrier with the volume id: a dropped file means a new volume', () => {
    const volume = (json: string): { labels: { label: string; value: string }[] } =>
      (
        JSON.parse(json) as {
          resource: { docker_volume: Record<string, { labels: { label: string; value: string }[] }> };
        }
      ).resource.docker_volume.config!;
    const two = deliver('/etc/svc', '/etc/svc/server.key');
    expect(volume(two).labels).toEqual([
      { label: 'org.registry-platform.files', value: '/etc/svc/ok.conf,/etc/svc/server.key' },
    ]);
    const one = synthWith((s) => {
      deliverConfigFiles(s, {
        name: 'svc',
        imageId: 'sha256:0123',
        containerPath: '/etc/svc',
        files: [{ path: '/etc/svc/ok.conf', content: 'ok', mode: '0644' }],
      });
    });
    expect(volume(one).labels).toEqual([{ label: 'org.registry-platform.files', value: '/etc/svc/ok.conf' }]);
    expect(containerByName(two, 'svc-config').labels).toContainEqual({
      label: 'org.registry-platform.volume',
      value: '${docker_volume.config.id}',
    });
  });
});
