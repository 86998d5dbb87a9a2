import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, Duration, type ILocalBundling, RemovalPolicy } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { buildSync, type BuildOptions } from 'esbuild';

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
 * these bundles to measure their size and initialisation time): esbuild, as
 * NodejsFunction would run it, plus code splitting. An API function's entry
 * loads each route's module with `import()` on its route's first request;
 * with splitting each such module is a chunk of its own, read from disk and
 * compiled only then, so a function serving forty routes starts about as
 * fast as one serving one. (NodejsFunction always writes a single file, which
 * splitting cannot do; hence the local bundling below.)
 *
 * The AWS SDK is bundled, not taken from the runtime (NodejsFunction's default
 * for Node 18+ is to leave `@aws-sdk/*` out): the runtime's copy is whatever
 * version Lambda last rolled out, while bundling runs exactly the version in
 * package-lock.json that the tests ran against; and a minified, tree-shaken
 * SDK initialises faster than the runtime's SDK loaded package by package from
 * disk (BENCHMARKS.md measures both). Only the credential providers that never
 * run in Lambda are left out (LAZY_CREDENTIAL_PROVIDERS).
 */
export function functionBuildOptions(entry: string, outdir: string, externals: readonly string[] = LAZY_CREDENTIAL_PROVIDERS): BuildOptions {
  return {
    entryPoints: { index: entry },
    outdir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: ESBUILD_TARGET,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // Prefer packages' ESM builds, so the AWS SDK and middy tree-shake.
    mainFields: ['module', 'main'],
    // CommonJS dependencies inside an ESM bundle call `require`, which ESM does not define (every chunk is a module of its own).
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    minify: true,
    // Error classes are mapped to HTTP statuses and logged by name; minifying must not rename them.
    keepNames: true,
    sourcemap: false,
    external: [...externals],
    metafile: true,
    logLevel: 'error',
  };
}

/** The module under `functions/` a function runs, checked to exist so a typo fails the synth. */
function entryOf(id: string, handler: string): string {
  const entry = `${FUNCTIONS_DIR}${handler}.ts`;
  if (!existsSync(entry)) throw new Error(`Function ${id}: no handler module at functions/${handler}.ts`);
  return entry;
}

/**
 * esbuild run by CDK itself, in process (no Docker). A class rather than a
 * bare object: CDK keys its asset cache on the bundling options as JSON,
 * which drops functions, so the entry must be a field or two functions would
 * share one bundle.
 */
class LocalEsbuild implements ILocalBundling {
  /** Relative to the project root, so the cache key (and a skipped bundle's hash) is the same on every machine. */
  readonly entry: string;

  constructor(entry: string) {
    this.entry = relative(PROJECT_ROOT, entry);
  }

  tryBundle(outputDir: string): boolean {
    buildSync(functionBuildOptions(join(PROJECT_ROOT, this.entry), outputDir));
    return true;
  }
}

/** The function's code: its entry bundled into the asset directory; the asset hash is the bundle's, so an unchanged bundle is not uploaded again. */
function bundledCode(entry: string): Code {
  return Code.fromAsset(PROJECT_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never used: local bundling always succeeds or throws. CDK requires an image all the same.
      image: FUNCTION_RUNTIME.bundlingImage,
      local: new LocalEsbuild(entry),
    },
  });
}

export interface ApiFunctionProps {
  /** Module under `functions/` that exports `handler`, without extension (as in the route table). */
  handler: string;
  /** The function's own execution role (see FunctionRoles). */
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
export class ApiFunction extends LambdaFunction {
  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    const entry = entryOf(id, props.handler);
    // A sibling of the function: it must exist before the function that names it.
    const logGroup = new LogGroup(scope, `${id}LogGroup`, {
      logGroupName: props.logGroupName,
      retention: props.logRetention,
      // Logs are operational, not records: the audit trail lives in the table.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    super(scope, id, {
      code: bundledCode(entry),
      handler: 'index.handler',
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb ?? 256,
      timeout: Duration.seconds(props.timeoutSeconds ?? 10),
      tracing: Tracing.ACTIVE,
      role: props.role,
      logGroup,
      environment: { POWERTOOLS_SERVICE_NAME: SERVICE_NAME, ...props.environment },
    });
  }
}
