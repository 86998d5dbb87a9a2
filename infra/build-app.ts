import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { RouteDef } from '../shared/http/route';
import { readSettings } from './service-settings';
import { ServiceStack } from './service-stack';

export interface BuildAppOptions {
  /** CDK context; `cdk synth` passes cdk.json's and `-c` values through the environment instead. */
  context?: Record<string, unknown>;
  /** aws-cdk-lib's own template validation (~2.5 s per synth): on for real synths, off in tests. */
  builtinCloudFormationValidation?: boolean;
  /** Defaults to the route table. */
  routes?: readonly RouteDef[];
}

/**
 * The app and its one stack, `RocuWorkforce-<stage>`, checked by cdk-nag's
 * AWS Solutions pack: an unacknowledged finding fails the synth. Shared by
 * `infra/app.ts` and the infrastructure tests, so they test what is deployed.
 */
export function buildApp(options: BuildAppOptions = {}): { app: App; stack: ServiceStack } {
  const app = new App({
    ...(options.context ? { context: options.context } : {}),
    ...(options.builtinCloudFormationValidation === undefined
      ? {}
      : { builtinCloudFormationValidation: options.builtinCloudFormationValidation }),
  });
  const settings = readSettings(app.node);
  // No env: the stack is environment-agnostic, so it synthesises without credentials or lookups.
  const stack = new ServiceStack(app, `RocuWorkforce-${settings.stage}`, {
    settings,
    description: `NCA–ROCU workforce coordination service (${settings.stage})`,
    ...(options.routes ? { routes: options.routes } : {}),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
