import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../shared/config';

/** What the stack sets on a function that does not publish, and what Lambda itself sets. */
const LAMBDA = { AWS_LAMBDA_FUNCTION_NAME: 'rocu-workforce-dev-read', AWS_REGION: 'eu-west-2', TABLE_NAME: 'rocu-workforce-dev', STAGE: 'dev', NOTIFY_MODE: 'off' };
const PUBLISHING = { ...LAMBDA, NOTIFY_MODE: 'aws', EVENT_BUS_NAME: 'rocu-workforce-dev', SENDER_EMAIL: 'no-reply@example.police.uk', APP_URL: 'https://workforce.example.police.uk/' };

const without = (env: Record<string, string>, ...names: string[]) => Object.fromEntries(Object.entries(env).filter(([k]) => !names.includes(k)));

describe('configuration in Lambda: every value the stack provides is required', () => {
  it('reads the table, region, stage and notify mode', () => {
    expect(parseConfig(LAMBDA)).toEqual({ runtime: 'lambda', TABLE_NAME: 'rocu-workforce-dev', AWS_REGION: 'eu-west-2', STAGE: 'dev', notify: { mode: 'off' }, FORECAST_WARNING_MONTHS: 6 });
  });

  it.each(['TABLE_NAME', 'STAGE', 'NOTIFY_MODE', 'AWS_REGION'])('refuses to start without %s', (name) => {
    expect(() => parseConfig(without(LAMBDA, name))).toThrow(new RegExp(`lambda runtime.*${name}`));
  });

  it('takes an empty value for a missing one', () => {
    expect(() => parseConfig({ ...LAMBDA, TABLE_NAME: '' })).toThrow(/TABLE_NAME/);
  });

  it('publishes to the bus and by SES only when told to, with every setting that needs', () => {
    expect(parseConfig(PUBLISHING).notify).toEqual({
      mode: 'aws',
      busName: 'rocu-workforce-dev',
      sender: 'no-reply@example.police.uk',
      appUrl: 'https://workforce.example.police.uk',
    });
    expect(() => parseConfig(without(PUBLISHING, 'EVENT_BUS_NAME', 'APP_URL'))).toThrow(/EVENT_BUS_NAME: required with NOTIFY_MODE=aws.*APP_URL: required/);
  });

  it('knows no local notify modes, and never talks to DynamoDB Local', () => {
    expect(() => parseConfig({ ...LAMBDA, NOTIFY_MODE: 'memory' })).toThrow(/NOTIFY_MODE/);
    expect(parseConfig({ ...LAMBDA, DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }).DYNAMODB_ENDPOINT).toBeUndefined();
  });
});

describe('configuration locally', () => {
  it('has the documented local defaults for the table and region, but the notify mode must be named', () => {
    expect(parseConfig({ NOTIFY_MODE: 'memory' })).toEqual({
      runtime: 'local',
      TABLE_NAME: 'rocu-workforce',
      AWS_REGION: 'eu-west-2',
      STAGE: 'local',
      notify: { mode: 'memory', appUrl: 'http://localhost:3000' },
      FORECAST_WARNING_MONTHS: 6,
    });
    expect(() => parseConfig({})).toThrow(/local runtime.*NOTIFY_MODE/);
  });

  it('the forecast warning window is six months unless set, and a window that is not 1 to 24 months is refused', () => {
    expect(parseConfig({ NOTIFY_MODE: 'memory', FORECAST_WARNING_MONTHS: '3' }).FORECAST_WARNING_MONTHS).toBe(3);
    expect(() => parseConfig({ NOTIFY_MODE: 'memory', FORECAST_WARNING_MONTHS: '0' })).toThrow(/FORECAST_WARNING_MONTHS/);
    expect(() => parseConfig({ ...LAMBDA, FORECAST_WARNING_MONTHS: 'soon' })).toThrow(/FORECAST_WARNING_MONTHS/);
  });

  it('writes to the outbox only with a directory to write to', () => {
    expect(parseConfig({ NOTIFY_MODE: 'outbox', OUTBOX_DIR: '/tmp/outbox' }).notify).toEqual({
      mode: 'outbox',
      dir: '/tmp/outbox',
      sender: 'no-reply@example.police.uk',
      appUrl: 'http://localhost:3000',
    });
    expect(() => parseConfig({ NOTIFY_MODE: 'outbox' })).toThrow(/OUTBOX_DIR: required with NOTIFY_MODE=outbox/);
  });
});

describe('read at load', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('an API function without TABLE_NAME fails at init, not at its first request', async () => {
    vi.resetModules();
    for (const [k, v] of Object.entries(LAMBDA)) vi.stubEnv(k, v);
    vi.stubEnv('TABLE_NAME', '');
    await expect(import('../../functions/api/read')).rejects.toThrow(/lambda runtime.*TABLE_NAME/);
  });

  it('the local entry points can load the gateway, DynamoDB Local and the token issuer before they set the environment', async () => {
    // npm start and the e2e stack import these first, then set TABLE_NAME, DYNAMODB_ENDPOINT and NOTIFY_MODE.
    vi.resetModules();
    vi.stubEnv('NOTIFY_MODE', '');
    const loaded = await Promise.all([import('../../local/gateway/server'), import('../../local/dynamodb-local'), import('../../local/tokens')]);
    expect(loaded).toHaveLength(3);
  });

  it('a publishing function without its bus fails at init', async () => {
    vi.resetModules();
    for (const [k, v] of Object.entries(PUBLISHING)) vi.stubEnv(k, v);
    vi.stubEnv('EVENT_BUS_NAME', '');
    await expect(import('../../functions/api/write')).rejects.toThrow(/EVENT_BUS_NAME/);
  });
});
