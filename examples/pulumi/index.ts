/**
 * A secure private registry on the local Docker engine, from registry-platform's Pulumi
 * components: TLS from a generated CA, htpasswd users with generated passwords, the Joxit UI,
 * ports on 127.0.0.1. `pulumi up`, then:
 *
 *   pulumi stack output caCertificate > ca.crt   # trust it: /etc/docker/certs.d/localhost:5443/ca.crt
 *   pulumi stack output credentials --show-secrets
 *   docker login localhost:5443 -u admin
 *
 * Config (all optional): `port` (5443), `uiPort` (8080), `upstreamPassword` (a secret: adds a
 * pull-through cache of Docker Hub that logs in as `upstreamUser`).
 */
import * as pulumi from '@pulumi/pulumi';
import { MirrorRegistry, pulumiSecret, SecureRegistry } from 'registry-platform/pulumi';

const config = new pulumi.Config();

const lab = new SecureRegistry('lab', {
  port: config.getNumber('port') ?? 5443,
  uiPort: config.getNumber('uiPort') ?? 8080,
  users: [{ name: 'admin' }, { name: 'ci' }],
});

const upstreamPassword = config.getSecret('upstreamPassword');
const cache =
  upstreamPassword !== undefined
    ? new MirrorRegistry('cache', {
        remoteUsername: config.require('upstreamUser'),
        remotePassword: pulumiSecret(upstreamPassword, 'upstreamPassword'),
      })
    : undefined;

/** Where clients push and pull. */
export const registryUrl = lab.registryUrl;
/** The CA to trust (save as /etc/docker/certs.d/localhost:<port>/ca.crt). */
export const caCertificate = lab.tls.caCertificatePem;
/** Generated passwords by user (secret: `pulumi stack output credentials --show-secrets`). */
export const credentials = lab.users.passwords;
/** The UI. */
export const uiUrl = lab.outputs.ui_url?.value;
/** The pull-through cache, when configured. */
export const cacheUrl = cache?.registryUrl;
