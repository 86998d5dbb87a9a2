import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../../shared/logger';
import type { DomainEvent } from '../../shared/notify/domain-event';
import { resetNotifyConfig } from '../../shared/notify/notify-config';
import { clearSentEvents, publishEvents, sentEvents } from '../../shared/notify/publish-events';

const eventBridge = mockClient(EventBridgeClient);
const ses = mockClient(SESv2Client);
const ddb = mockClient(DynamoDBDocumentClient);

const NOTIFY_ENV = ['NOTIFY_MODE', 'EVENT_BUS_NAME', 'SENDER_EMAIL', 'APP_URL', 'OUTBOX_DIR', 'AWS_LAMBDA_FUNCTION_NAME'] as const;

function useEnv(values: Partial<Record<(typeof NOTIFY_ENV)[number], string>>): void {
  for (const name of NOTIFY_ENV) delete process.env[name];
  Object.assign(process.env, values);
  resetNotifyConfig();
}

function escalated(id: string, audiences = ['rocu-head:titan', 'hr-lead:nca', 'rocc:north-west']): DomainEvent {
  return {
    type: 'alert.escalated',
    at: '2026-12-31T09:00:00.000Z',
    audiences,
    summary: `Cyber investigators, North West: alert ${id} had no answer within 10 working days`,
    subject: { type: 'alert', id, kind: 'offer-release', orgId: 'titan' },
  };
}

/** The contacts directory as BatchGetItem returns it: only the audiences asked for that have contacts. */
function contactsDirectory(directory: Record<string, string[]>): void {
  ddb.on(BatchGetCommand).callsFake((input: { RequestItems: Record<string, { Keys: { pk: string }[] }> }) => {
    const [table, request] = Object.entries(input.RequestItems)[0]!;
    const items = request.Keys.map((k) => k.pk.replace(/^CONTACT#/, ''))
      .filter((audience) => directory[audience])
      .map((audience) => ({ audience, emails: directory[audience] }));
    return { Responses: { [table]: items } };
  });
}

const DIRECTORY = {
  'rocu-head:titan': ['head-of-unit@titan.police.uk', 'fiona.campbell@titan.police.uk'],
  'hr-lead:nca': ['workforce.recruitment@nca.gov.uk'],
  'rocc:north-west': ['rocc.north-west@nca.gov.uk'],
};

beforeEach(() => {
  eventBridge.reset();
  ses.reset();
  ddb.reset();
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
  ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
  contactsDirectory(DIRECTORY);
});

afterEach(() => {
  vi.restoreAllMocks();
  // As vitest.config.ts starts every test process.
  useEnv({ NOTIFY_MODE: 'memory' });
});

describe('publishing domain events in AWS', () => {
  beforeEach(() => useEnv({ NOTIFY_MODE: 'aws', EVENT_BUS_NAME: 'rocu-workforce-test', SENDER_EMAIL: 'no-reply@workforce.example.police.uk', APP_URL: 'https://workforce.example.police.uk/' }));

  it('puts the events on the service bus in batches of at most ten', async () => {
    const events = Array.from({ length: 23 }, (_, i) => escalated(`alt_${i}`, []));
    await publishEvents(events);
    const calls = eventBridge.commandCalls(PutEventsCommand);
    expect(calls.map((c) => c.args[0].input.Entries!.length)).toEqual([10, 10, 3]);
    const first = calls[0]!.args[0].input.Entries![0]!;
    expect(first).toMatchObject({ EventBusName: 'rocu-workforce-test', Source: 'rocu-workforce', DetailType: 'alert.escalated' });
    expect(JSON.parse(first.Detail!)).toEqual(events[0]);
  });

  it('emails every contact of every audience, one email per recipient, with a link to the alert', async () => {
    expect(await publishEvents([escalated('alt_1')])).toEqual({ undelivered: 0 });
    const sends = ses.commandCalls(SendEmailCommand).map((c) => c.args[0].input);
    expect(sends.map((s) => s.Destination!.ToAddresses).sort()).toEqual([
      ['fiona.campbell@titan.police.uk'],
      ['head-of-unit@titan.police.uk'],
      ['rocc.north-west@nca.gov.uk'],
      ['workforce.recruitment@nca.gov.uk'],
    ]);
    for (const send of sends) {
      expect(send.FromEmailAddress).toBe('no-reply@workforce.example.police.uk');
      expect(send.Content!.Simple!.Subject!.Data).toMatch(/^\[ROCU workforce\] Cyber investigators, North West/);
      expect(send.Content!.Simple!.Body!.Text!.Data).toContain('https://workforce.example.police.uk/alerts/alt_1');
    }
    const rocc = sends.find((s) => s.Destination!.ToAddresses![0] === 'rocc.north-west@nca.gov.uk')!;
    expect(rocc.Content!.Simple!.Body!.Text!.Data).toContain('ROCC for north-west');
    // One directory read for all the events' audiences.
    expect(ddb).toHaveReceivedCommandTimes(BatchGetCommand, 1);
  });

  it('emails a person once per event, even when they are a contact of two of its audiences', async () => {
    contactsDirectory({ 'rocu-head:titan': ['fiona.campbell@titan.police.uk'], 'hr-lead:titan': ['Fiona.Campbell@titan.police.uk'] });
    await publishEvents([escalated('alt_2', ['rocu-head:titan', 'hr-lead:titan'])]);
    expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 1);
  });

  it('logs a failing email and sends the rest, reporting the one not sent so the outbox keeps the event', async () => {
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => {});
    ses
      .on(SendEmailCommand, { Destination: { ToAddresses: ['rocc.north-west@nca.gov.uk'] } })
      .rejects(Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected' }));
    await expect(publishEvents([escalated('alt_3')])).resolves.toEqual({ undelivered: 1 });
    expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 4);
    expect(logged).toHaveBeenCalledWith(
      'Could not send a notification email',
      expect.objectContaining({ errorName: 'MessageRejected', subjectId: 'alt_3', recipientDomain: 'nca.gov.uk' }),
    );
  });

  it('still emails when the bus is down, and logs the events it could not put', async () => {
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => {});
    eventBridge.on(PutEventsCommand).rejects(new Error('bus unavailable'));
    await expect(publishEvents([escalated('alt_4')])).resolves.toEqual({ undelivered: 1 });
    expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 4);
    expect(logged).toHaveBeenCalledWith('Could not put domain events on the bus', expect.objectContaining({ errorMessage: 'bus unavailable' }));
  });

  it('logs the entries EventBridge reports as failed', async () => {
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => {});
    eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ EventId: 'e-1' }, { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' }] });
    await expect(publishEvents([escalated('alt_5', []), escalated('alt_6', [])])).resolves.toEqual({ undelivered: 1 });
    expect(logged).toHaveBeenCalledWith(
      'EventBridge refused some domain events',
      expect.objectContaining({ failed: [expect.objectContaining({ subjectId: 'alt_6', errorCode: 'InternalFailure' })] }),
    );
  });

  it('puts the events even when the contacts directory cannot be read', async () => {
    vi.spyOn(logger, 'error').mockImplementation(() => {});
    ddb.on(BatchGetCommand).rejects(new Error('table unreachable'));
    await expect(publishEvents([escalated('alt_7')])).resolves.toEqual({ undelivered: 1 });
    expect(eventBridge).toHaveReceivedCommandTimes(PutEventsCommand, 1);
    expect(ses).not.toHaveReceivedCommand(SendEmailCommand);
  });

  it('does nothing for no events', async () => {
    await publishEvents([]);
    expect(eventBridge).not.toHaveReceivedCommand(PutEventsCommand);
    expect(ddb).not.toHaveReceivedCommand(BatchGetCommand);
  });
});

describe('publishing domain events without AWS', () => {
  it('keeps them in memory for the tests to read (NOTIFY_MODE=memory)', async () => {
    useEnv({ NOTIFY_MODE: 'memory' });
    clearSentEvents();
    await publishEvents([escalated('alt_8')]);
    expect(sentEvents().map((e) => e.subject.id)).toEqual(['alt_8']);
    expect(eventBridge).not.toHaveReceivedCommand(PutEventsCommand);
    clearSentEvents();
    expect(sentEvents()).toEqual([]);
  });

  it('in a function that may not publish (NOTIFY_MODE=off), warns instead of keeping events that nobody reads', async () => {
    useEnv({ NOTIFY_MODE: 'off' });
    clearSentEvents();
    const warned = vi.spyOn(logger, 'warn').mockImplementation(() => {});
    await publishEvents([escalated('alt_9')]);
    expect(sentEvents()).toEqual([]);
    expect(warned).toHaveBeenCalledOnce();
  });

  it('appends events and the emails they would cause to the local outbox', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'outbox-'));
    try {
      useEnv({ NOTIFY_MODE: 'outbox', OUTBOX_DIR: dir });
      await publishEvents([escalated('alt_10')]);
      const events = (await readFile(join(dir, 'events.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
      const emails = (await readFile(join(dir, 'emails.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
      expect(events).toEqual([escalated('alt_10')]);
      expect(emails).toHaveLength(4);
      expect(emails[0]).toMatchObject({ from: 'no-reply@example.police.uk', link: 'http://localhost:3000/alerts/alt_10', eventType: 'alert.escalated' });
      expect(eventBridge).not.toHaveReceivedCommand(PutEventsCommand);
      expect(ses).not.toHaveReceivedCommand(SendEmailCommand);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bus without a sender address, logged rather than thrown', async () => {
    useEnv({ NOTIFY_MODE: 'aws', EVENT_BUS_NAME: 'rocu-workforce-test' });
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => {});
    await expect(publishEvents([escalated('alt_11')])).resolves.toEqual({ undelivered: 1 });
    expect(logged).toHaveBeenCalledWith('Could not deliver domain events', expect.objectContaining({ errorMessage: expect.stringContaining('SENDER_EMAIL') }));
    expect(eventBridge).not.toHaveReceivedCommand(PutEventsCommand);
  });
});
