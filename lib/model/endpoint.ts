/**
 * How one service reaches another on the platform network: what components are connected by,
 * instead of another component's internals or constants.
 */
export interface ServiceEndpoint {
  /** The name to connect to (a network alias). */
  readonly host: string;
  /** The port inside the network. */
  readonly port: number;
  /** `https` when the service speaks TLS. */
  readonly scheme: 'http' | 'https';
  /** The CA that signed its certificate, when `https` and a client should verify it. @default none */
  readonly caCertificatePem?: string;
}

/** The endpoint's base URL, for example `https://registry:5000`. */
export function endpointUrl(endpoint: ServiceEndpoint): string {
  return `${endpoint.scheme}://${endpoint.host}:${endpoint.port}`;
}
