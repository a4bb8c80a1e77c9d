/** What the Joxit registry UI needs to know. */
export interface UiSettingsInput {
  /** Title shown in the UI. */
  readonly title: string;
  /** URL the UI's own nginx proxies `/v2` to (the registry on the container network). */
  readonly registryUrl: string;
  /** Whether the registry asks for credentials (the UI then shows a login). */
  readonly secured: boolean;
  /** Whether storage deletes are enabled (the delete button is shown only then). */
  readonly deleteEnabled: boolean;
  /**
   * Whether the container gets its own server configuration ({@link renderUiTokenConf}) instead
   * of the image's proxy settings: then no `NGINX_PROXY_PASS_URL`, so the image's start script
   * leaves that file alone. @default false
   */
  readonly ownServerConf?: boolean;
}

/**
 * Renders the Joxit UI's settings as environment variables, sorted by name. The UI is served
 * same-origin through its own nginx (`NGINX_PROXY_PASS_URL` + `SINGLE_REGISTRY`), because the
 * registry answers CORS preflights with 401 under auth.
 */
export function renderUiSettings(input: UiSettingsInput): Record<string, string> {
  const env: Record<string, string> = {
    DELETE_IMAGES: String(input.deleteEnabled),
    ...(input.ownServerConf === true
      ? {}
      : { NGINX_PROXY_PASS_URL: input.registryUrl, NGINX_RESOLVER: '127.0.0.11' }),
    REGISTRY_SECURED: String(input.secured),
    REGISTRY_TITLE: input.title,
    SHOW_CONTENT_DIGEST: 'true',
    SINGLE_REGISTRY: 'true',
  };
  return Object.fromEntries(Object.entries(env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
