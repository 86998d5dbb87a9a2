import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** Repository root and the handlers' folder, found from this file so cwd does not matter. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FUNCTIONS_DIR = fileURLToPath(new URL('../../functions/', import.meta.url));

/** The one Lambda runtime of the service; esbuild's target follows it. */
export const FUNCTION_RUNTIME = Runtime.NODEJS_24_X;
const ESBUILD_TARGET = 'node24';

export const SERVICE_NAME = 'rocu-workforce';

/**
 * The AWS SDK's credential providers that the default chain imports only when
 * the environment has no credentials. In Lambda the environment always has
 * them (the execution role's), so this code never runs there; left out of the
 * bundle, it would load from the runtime's own SDK if it ever did.
 */
export const LAZY_CREDENTIAL_PROVIDERS = [
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-http',
  '@smithy/credential-provider-imds',
];

/**
 * How every function is bundled (exported so `npm run bench` builds exactly
 * these bundles to measure their size and initialisation time).
 *
 * The AWS SDK is bundled, not taken from the runtime (NodejsFunction's default
 * for Node 18+ is to leave `@aws-sdk/*` out): the runtime's copy is whatever
 * version Lambda last rolled out, while bundling runs exactly the version in
 * package-lock.json that the tests ran against; and a minified, tree-shaken
 * SDK in one file initialises faster than the runtime's SDK loaded package by
 * package from disk (BENCHMARKS.md measures both). The price is ~200 KB per
 * bundle. Only the credential providers that never run in Lambda are left
 * out (LAZY_CREDENTIAL_PROVIDERS), which keeps every bundle under 500 KB.
 */
export const FUNCTION_BUNDLING = {
  format: OutputFormat.ESM,
  target: ESBUILD_TARGET,
  // Prefer packages' ESM builds, so the AWS SDK and middy tree-shake.
  mainFields: ['module', 'main'],
  // CommonJS dependencies inside an ESM bundle call `require`, which ESM does not define.
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  minify: true,
  // Error classes are mapped to HTTP statuses and logged by name; minifying must not rename them.
  keepNames: true,
  sourceMap: false,
  externalModules: LAZY_CREDENTIAL_PROVIDERS,
} satisfies BundlingOptions;

export interface ApiFunctionProps {
  /** Module under `functions/` that exports `handler`, without extension (as in the route table). */
  handler: string;
  /** A shared execution role (see FunctionRoles): the function does not get a role of its own. */
  role: IRole;
  logGroupName: string;
  logRetention: RetentionDays;
  environment: Record<string, string>;
  memoryMb?: number;
  timeoutSeconds?: number;
}

/**
 * Every Lambda function of the service, with the project's defaults fixed in one
 * place (after aws-powertools' `examples/app`): Node 24 on Graviton, an ESM
 * bundle built by the local esbuild, active tracing, and an explicit log group
 * with a retention period (not the deprecated `logRetention` custom resource).
 */
export class ApiFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    const entry = `${FUNCTIONS_DIR}${props.handler}.ts`;
    if (!existsSync(entry)) {
      throw new Error(`Function ${id}: no handler module at functions/${props.handler}.ts`);
    }
    // A sibling of the function: it must exist before the function that names it.
    const logGroup = new LogGroup(scope, `${id}LogGroup`, {
      logGroupName: props.logGroupName,
      retention: props.logRetention,
      // Logs are operational, not records: the audit trail lives in the table.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    super(scope, id, {
      entry,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb ?? 256,
      timeout: Duration.seconds(props.timeoutSeconds ?? 10),
      tracing: Tracing.ACTIVE,
      role: props.role,
      logGroup,
      environment: { POWERTOOLS_SERVICE_NAME: SERVICE_NAME, ...props.environment },
      bundling: FUNCTION_BUNDLING,
    });
  }
}
