import * as z from 'zod';

/**
 * Where domain events and their emails go (`NOTIFY_MODE`), always named,
 * never guessed from which other variables happen to be set:
 *
 * - `aws`: EventBridge PutEvents on `EVENT_BUS_NAME` and SES from
 *   `SENDER_EMAIL`, links to `APP_URL` (the stack sets all four on the
 *   functions that may publish);
 * - `off`: this function publishes nothing, and an attempt is logged (the
 *   stack sets it on the functions whose routes do not notify);
 * - `outbox` (local only): JSON lines under `OUTBOX_DIR`, so a local run shows
 *   what would have been sent (`npm start`, `npm run jobs`);
 * - `memory` (local only): an in-memory list that tests read.
 */
export type NotifyConfig =
  | { mode: 'aws'; busName: string; sender: string; appUrl: string }
  | { mode: 'outbox'; dir: string; sender: string; appUrl: string }
  | { mode: 'memory'; appUrl: string }
  | { mode: 'off' };

export interface Config {
  /** `lambda` when Lambda runs the code (it sets AWS_LAMBDA_FUNCTION_NAME), `local` otherwise. */
  runtime: 'lambda' | 'local';
  TABLE_NAME: string;
  /** DynamoDB Local; never in Lambda. */
  DYNAMODB_ENDPOINT?: string;
  AWS_REGION: string;
  STAGE: string;
  notify: NotifyConfig;
  /** How far ahead (months) the daily job warns of a team's forecast falling below its minimum. */
  FORECAST_WARNING_MONTHS: number;
}

/** Local runs and tests send from this address (nothing leaves the machine). */
export const LOCAL_SENDER = 'no-reply@example.police.uk';
const LOCAL_WEB = 'http://localhost:3000';

// An empty variable (`TABLE_NAME=`) is as good as none: it must not satisfy a required value.
const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);
const required = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional());
const withDefault = <T extends z.ZodType<string>>(schema: T, fallback: string) => z.preprocess((v) => blankIsUnset(v) ?? fallback, schema);

/** The variables each mode needs, checked once the mode is known. */
function requireForMode(env: Record<string, unknown>, ctx: z.RefinementCtx, mode: string, names: readonly string[]): void {
  if (env.NOTIFY_MODE !== mode) return;
  for (const name of names) {
    if (env[name] === undefined) ctx.addIssue({ code: 'custom', path: [name], message: `required with NOTIFY_MODE=${mode}` });
  }
}

/** The early-warning window: 6 months unless set (1–24). */
const forecastWarningMonths = z.preprocess((v) => blankIsUnset(v) ?? '6', z.coerce.number().int().min(1).max(24));

const notifyVariables = {
  EVENT_BUS_NAME: optional(z.string()),
  SENDER_EMAIL: optional(z.email()),
  OUTBOX_DIR: optional(z.string()),
};

/** In Lambda every value comes from the stack, so none has a default: a function without one fails its init. */
const lambdaSchema = z
  .object({
    TABLE_NAME: required(z.string({ error: 'required (the stack sets it)' }).min(1)),
    AWS_REGION: required(z.string({ error: 'required (Lambda sets it)' }).min(1)),
    STAGE: required(z.string({ error: 'required (the stack sets it)' }).min(1)),
    NOTIFY_MODE: required(z.enum(['aws', 'off'], { error: 'aws or off (the stack sets it)' })),
    ...notifyVariables,
    APP_URL: optional(z.url()),
    FORECAST_WARNING_MONTHS: forecastWarningMonths,
  })
  .superRefine((env, ctx) => requireForMode(env, ctx, 'aws', ['EVENT_BUS_NAME', 'SENDER_EMAIL', 'APP_URL']));

/**
 * Locally (the gateway, `npm run jobs`, the seed, tests, the benchmark) the
 * table and region have the defaults the local settings document; the notify
 * mode is still named by whoever starts the process.
 */
const localSchema = z
  .object({
    TABLE_NAME: withDefault(z.string().min(1), 'rocu-workforce'),
    DYNAMODB_ENDPOINT: optional(z.url()),
    AWS_REGION: withDefault(z.string().min(1), 'eu-west-2'),
    STAGE: withDefault(z.string().min(1), 'local'),
    NOTIFY_MODE: required(z.enum(['aws', 'outbox', 'memory', 'off'], { error: 'aws, outbox, memory or off' })),
    ...notifyVariables,
    APP_URL: withDefault(z.url(), LOCAL_WEB),
    FORECAST_WARNING_MONTHS: forecastWarningMonths,
  })
  .superRefine((env, ctx) => {
    requireForMode(env, ctx, 'aws', ['EVENT_BUS_NAME', 'SENDER_EMAIL']);
    requireForMode(env, ctx, 'outbox', ['OUTBOX_DIR']);
  });

/**
 * The configuration for an environment (normally `process.env`): the Lambda
 * runtime's schema when Lambda runs the code, the local one otherwise. Throws
 * naming every variable that is missing or wrong.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const runtime = blankIsUnset(env.AWS_LAMBDA_FUNCTION_NAME) === undefined ? 'local' : 'lambda';
  const parsed = (runtime === 'lambda' ? lambdaSchema : localSchema).safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration (${runtime} runtime): ${problems}`);
  }
  const e = parsed.data as z.output<typeof localSchema>;
  // Links are built as `${appUrl}/alerts/…`: no trailing slash.
  const appUrl = (e.APP_URL ?? '').replace(/\/+$/, '');
  const notify: NotifyConfig =
    e.NOTIFY_MODE === 'aws'
      ? { mode: 'aws', busName: e.EVENT_BUS_NAME!, sender: e.SENDER_EMAIL!, appUrl }
      : e.NOTIFY_MODE === 'outbox'
        ? { mode: 'outbox', dir: e.OUTBOX_DIR!, sender: e.SENDER_EMAIL ?? LOCAL_SENDER, appUrl }
        : e.NOTIFY_MODE === 'memory'
          ? { mode: 'memory', appUrl }
          : { mode: 'off' };
  return {
    runtime,
    TABLE_NAME: e.TABLE_NAME,
    ...(runtime === 'local' && e.DYNAMODB_ENDPOINT ? { DYNAMODB_ENDPOINT: e.DYNAMODB_ENDPOINT } : {}),
    AWS_REGION: e.AWS_REGION,
    STAGE: e.STAGE,
    notify,
    FORECAST_WARNING_MONTHS: e.FORECAST_WARNING_MONTHS,
  };
}

// Read when the module loads, which in Lambda is the function's init: a missing setting stops the init.
let current: Config | undefined = parseConfig(process.env);

export function config(): Config {
  current ??= parseConfig(process.env);
  return current;
}

/** Tests that point the same process at another table or notify mode call this after changing the env; it is read again on next use. */
export function resetConfig(): void {
  current = undefined;
}
