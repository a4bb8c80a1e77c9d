import { ResolvedPublish } from '../model/publish';
import { renderUiSettings, UiSettingsInput } from '../render/ui-settings';
import { renderUiTokenConf } from '../render/ui-token-conf';
import { ServicePlan, wgetHealthCheck } from './service-plan';

/**
 * Plans the Joxit registry UI, served same-origin through its own nginx: settings as environment
 * variables, and with token authentication its own server configuration (`/v2` and `/auth` from
 * one origin). The image's start script rewrites its own files, so the root stays writable (the
 * stated exception) with capabilities cut to what its nginx master needs. Healthy once the page
 * answers; a deploy waits for it.
 */
export function uiPlan(input: {
  readonly name: string;
  readonly image: string;
  readonly settings: Omit<UiSettingsInput, 'ownServerConf'>;
  /** The token server as the UI's nginx reaches it (`https://host:port`), with token auth. */
  readonly tokenServerUrl?: string;
  /** Where the UI is published. @default not published (served through a load balancer) */
  readonly publish?: ResolvedPublish;
}): ServicePlan {
  const token = input.tokenServerUrl;
  const environment = renderUiSettings({ ...input.settings, ownServerConf: token !== undefined });
  const files =
    token !== undefined
      ? [renderUiTokenConf({ registryUrl: input.settings.registryUrl, tokenServerUrl: token })]
      : [];
  return {
    name: input.name,
    image: input.image,
    environment,
    aliases: [],
    extraNetworks: [],
    ports: input.publish
      ? [{ containerPort: 80, hostPort: input.publish.port, bindAddress: input.publish.bindAddress }]
      : [],
    configDir: '/etc/nginx/conf.d',
    files,
    volumes: [],
    tmpfs: {},
    rootFilesystem: {
      readOnly: false,
      reason: "the image's start script rewrites index.html and its nginx configuration from the environment",
    },
    capabilities: ['CHOWN', 'DAC_OVERRIDE', 'NET_BIND_SERVICE', 'SETGID', 'SETUID'],
    memoryMb: 128,
    healthCheck: wgetHealthCheck('http://127.0.0.1:80/'),
  };
}
