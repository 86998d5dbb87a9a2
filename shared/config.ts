import * as z from 'zod';

/**
 * Runtime configuration of every function, read once at load. `TABLE_NAME` is
 * set by the stack (or the local gateway); `DYNAMODB_ENDPOINT` only locally.
 */
const schema = z.object({
  TABLE_NAME: z.string().min(1).default('rocu-workforce'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().default('eu-west-2'),
  STAGE: z.string().default('local'),
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

export function config(): Config {
  cached ??= schema.parse(process.env);
  return cached;
}

/** Tests that point the same process at a fresh table call this after changing the env. */
export function resetConfig(): void {
  cached = undefined;
}
