// Registers cdktf's jest matchers (toHaveResourceWithProperties, toBeValidTerraform, ...).
import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';

Testing.setupJest();
