import { RenderedFile } from './file';
import { renderTemplate } from './templates';

/** Where the Joxit UI image reads its server configuration. */
export const UI_SERVER_CONF = '/etc/nginx/conf.d/default.conf';

/** What the UI's server needs to serve a registry that uses token authentication. */
export interface UiTokenConfInput {
  /** The registry as the UI's nginx reaches it on the container network, for example `https://registry:5000`. */
  readonly registryUrl: string;
  /** The token server as the UI's nginx reaches it, for example `https://token-server:5001`. */
  readonly tokenServerUrl: string;
}

/**
 * Renders the UI's nginx server for token authentication: the page, `/v2` proxied to the registry
 * and `/auth` proxied to the token server, one origin, with the registry's Bearer challenge
 * pointed at `/auth` so the UI asks this origin for its tokens. Pure: same input, same bytes.
 */
export function renderUiTokenConf(input: UiTokenConfInput): RenderedFile {
  for (const [name, url] of Object.entries(input)) {
    if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d+)?$/.test(url)) {
      throw new Error(`internal: ${name} must be scheme://host[:port] with no path, got ${url}`);
    }
  }
  return {
    path: UI_SERVER_CONF,
    content: renderTemplate('ui/token-auth.conf.hbs', { ...input, authPath: '/auth' }),
    mode: '0644',
  };
}
