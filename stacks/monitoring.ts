import { Construct } from 'constructs';
import { TerraformStack } from '../lib/constructs/cdktf';
import { configureProviders } from '../lib/constructs/providers';
import { SecureRegistryProps } from '../lib/model/patterns/secure';
import { addPatternOutputs } from '../lib/patterns/pattern-outputs';
import { SecureRegistry } from '../lib/patterns/secure-registry';

/** Parameters of the `monitoring` stack: the secure pattern's props, and the Docker host. */
export interface MonitoringStackProps extends SecureRegistryProps {
  /** Docker host the provider talks to. @default the local socket */
  readonly dockerHost?: string;
}

/**
 * A secure registry (port 5450, no UI) with its monitoring: Prometheus (127.0.0.1:9090) with the
 * registry alert rules, Alertmanager, node-exporter on the data volume, Grafana (127.0.0.1:3000)
 * with the registry dashboard. The secure pattern (as the stack's `Default` child) with
 * `monitoring` set; any pattern's `monitoring` prop gives the same.
 */
export class MonitoringStack extends TerraformStack {
  /** The pattern: every resource of the stack. */
  public readonly platform: SecureRegistry;

  /** Defines the stack. */
  public constructor(scope: Construct, id: string, props: MonitoringStackProps = {}) {
    super(scope, id);
    const { dockerHost, ...patternProps } = props;
    configureProviders(this, dockerHost !== undefined ? { dockerHost } : {});
    this.platform = new SecureRegistry(this, 'Default', {
      port: 5450,
      ui: false,
      ...patternProps,
      monitoring: patternProps.monitoring ?? {},
    });
    addPatternOutputs(this, this.platform);
  }
}
