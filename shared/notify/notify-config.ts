import * as z from 'zod';

/**
 * Where domain events and their emails go, read once from the environment:
 *
 * - `aws`: `EVENT_BUS_NAME` is set (the stack sets it, with `SENDER_EMAIL` and
 *   `APP_URL`, on functions that notify): EventBridge PutEvents and SES.
 * - `outbox`: `OUTBOX_DIR` is set (`npm start` sets it to `DATA_DIR/outbox`):
 *   JSON lines in files, so a local run shows what would have been sent.
 * - `memory`: neither (unit and integration tests): an in-memory list the tests read.
 *
 * Kept apart from `shared/config.ts`: only the functions that notify need it.
 */
const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);

const schema = z
  .object({
    EVENT_BUS_NAME: z.preprocess(blankIsUnset, z.string().min(1).optional()),
    SENDER_EMAIL: z.preprocess(blankIsUnset, z.email().optional()),
    APP_URL: z.preprocess(blankIsUnset, z.url().default('http://localhost:3000')),
    OUTBOX_DIR: z.preprocess(blankIsUnset, z.string().min(1).optional()),
    AWS_LAMBDA_FUNCTION_NAME: z.preprocess(blankIsUnset, z.string().optional()),
  })
  .refine((env) => !env.EVENT_BUS_NAME || env.SENDER_EMAIL, {
    error: 'SENDER_EMAIL is required with EVENT_BUS_NAME: SES needs a verified sender',
    path: ['SENDER_EMAIL'],
  });

/** Local runs and tests send from this address (nothing leaves the machine). */
export const LOCAL_SENDER = 'no-reply@example.police.uk';

export type NotifyConfig =
  | { mode: 'aws'; busName: string; sender: string; appUrl: string }
  | { mode: 'outbox'; dir: string; sender: string; appUrl: string }
  | { mode: 'memory'; appUrl: string; inLambda: boolean };

let cached: NotifyConfig | undefined;

export function notifyConfig(): NotifyConfig {
  if (cached) return cached;
  const env = schema.parse(process.env);
  // A trailing slash would make `${appUrl}/alerts/…` carry a double slash.
  const appUrl = env.APP_URL.replace(/\/+$/, '');
  if (env.EVENT_BUS_NAME) cached = { mode: 'aws', busName: env.EVENT_BUS_NAME, sender: env.SENDER_EMAIL!, appUrl };
  else if (env.OUTBOX_DIR) cached = { mode: 'outbox', dir: env.OUTBOX_DIR, sender: env.SENDER_EMAIL ?? LOCAL_SENDER, appUrl };
  else cached = { mode: 'memory', appUrl, inLambda: env.AWS_LAMBDA_FUNCTION_NAME !== undefined };
  return cached;
}

/** Tests that change the environment between cases call this. */
export function resetNotifyConfig(): void {
  cached = undefined;
}
