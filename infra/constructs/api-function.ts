import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** Repository root and the handlers' folder, found from this file so cwd does not matter. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FUNCTIONS_DIR = fileURLToPath(new URL('../../functions/', import.meta.url));

/** The one Lambda runtime of the service; esbuild's target follows it. */
export const FUNCTION_RUNTIME = Runtime.NODEJS_24_X;
const ESBUILD_TARGET = 'node24';

export const SERVICE_NAME = 'rocu-workforce';

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
 * place (after aws-powertools' `examples/app`): Node 22 on Graviton, an ESM
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
      bundling: {
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
        // Bundle @aws-sdk/* instead of using the runtime's copy (NodejsFunction's default leaves it
        // out). The runtime's SDK is whatever version Lambda last rolled out; bundling runs exactly
        // the version in package-lock.json, the one the unit and integration tests ran against.
        externalModules: [],
      },
    });
  }
}
