import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';
import * as z from 'zod';

/**
 * Deployment settings, read once from CDK context (`cdk.json`, or `-c key=value`
 * on the command line, where every value arrives as a string). Checked against a
 * schema so a typo fails the synth instead of deploying something odd.
 */
export interface ServiceSettings {
  /** Short name of the deployment (`dev`, `test`, `prod`): part of stack, log-group and domain names. */
  stage: string;
  /** Origins the browser may call the API from (CORS). */
  allowedOrigins: string[];
  /** Where Cognito's hosted sign-in may return the web UI to. */
  callbackUrls: string[];
  logoutUrls: string[];
  /** Default route throttling of the API stage (requests per second, and burst). */
  throttleRateLimit: number;
  throttleBurstLimit: number;
  logRetention: RetentionDays;
  /** Cognito hosted-domain prefix; must be unique in the region across all AWS accounts. */
  cognitoDomainPrefix: string;
  /** The From address of notification emails: must be a verified SES identity (address or its domain) in the account. */
  senderEmail: string;
  /** The web UI's base URL, for links in notification emails (`<appUrl>/alerts/<id>`). */
  appUrl: string;
}

/** The context keys this app reads, for documentation and for tests that set them. */
export const SETTINGS_CONTEXT_KEYS = [
  'stage',
  'allowedOrigins',
  'callbackUrls',
  'logoutUrls',
  'throttleRateLimit',
  'throttleBurstLimit',
  'logRetentionDays',
  'cognitoDomainPrefix',
  'senderEmail',
  'appUrl',
] as const;

const LOCAL_WEB = 'http://localhost:3000';

/** A list given as an array (cdk.json) or a comma-separated string (`-c allowedOrigins=a,b`). */
const list = (fallback: string[]) =>
  z.preprocess((value) => {
    if (value === undefined || value === null || value === '') return fallback;
    if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
    return value;
  }, z.array(z.url()).min(1));

/** A number given as a number (cdk.json) or a string (`-c throttleRateLimit=20`). */
const count = (fallback: number) =>
  z.preprocess((value) => (value === undefined || value === '' ? fallback : Number(value)), z.number().int().positive());

// CloudWatch Logs accepts only these retention periods; RetentionDays is a numeric enum.
const RETENTION_VALUES = new Set(Object.values(RetentionDays).filter((v): v is number => typeof v === 'number'));

const schema = z.object({
  // Lower-case slug: it ends up in the stack name, log-group names and the Cognito domain prefix.
  stage: z.string().regex(/^[a-z][a-z0-9-]{0,19}$/, 'a lower-case slug of at most 20 characters').default('dev'),
  allowedOrigins: list([LOCAL_WEB]),
  callbackUrls: list([`${LOCAL_WEB}/`]),
  logoutUrls: list([`${LOCAL_WEB}/`]),
  throttleRateLimit: count(50),
  throttleBurstLimit: count(100),
  logRetentionDays: z
    .preprocess((value) => (value === undefined || value === '' ? 30 : Number(value)), z.number())
    .refine((days) => RETENTION_VALUES.has(days), 'a retention period CloudWatch Logs supports (1, 3, 5, 7, 14, 30, 60, 90, …)'),
  cognitoDomainPrefix: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lower-case letters, digits and hyphens')
    .optional(),
  senderEmail: z.preprocess((value) => (value === undefined || value === '' ? 'no-reply@example.police.uk' : value), z.email()),
  appUrl: z.preprocess((value) => (value === undefined || value === '' ? LOCAL_WEB : value), z.url()),
});

/** Read and check the settings from a construct's context (normally the App's). */
export function readSettings(node: Node): ServiceSettings {
  const raw = Object.fromEntries(SETTINGS_CONTEXT_KEYS.map((key) => [key, node.tryGetContext(key) as unknown]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid CDK context: ${problems}`);
  }
  const s = parsed.data;
  return {
    stage: s.stage,
    allowedOrigins: s.allowedOrigins,
    callbackUrls: s.callbackUrls,
    logoutUrls: s.logoutUrls,
    throttleRateLimit: s.throttleRateLimit,
    throttleBurstLimit: s.throttleBurstLimit,
    logRetention: s.logRetentionDays as RetentionDays,
    cognitoDomainPrefix: s.cognitoDomainPrefix ?? `rocu-workforce-${s.stage}`,
    senderEmail: s.senderEmail,
    // Links are built as `${appUrl}/alerts/…`: no trailing slash.
    appUrl: s.appUrl.replace(/\/+$/, ''),
  };
}
