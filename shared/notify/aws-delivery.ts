import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { logger } from '../logger';
import type { DomainEvent } from './domain-event';
import type { EmailMessage } from './email-message';

/** The `source` of every event the service puts on its bus: rules match on it. */
const EVENT_SOURCE = 'rocu-workforce';
/** PutEvents takes at most 10 entries per call. */
const PUT_EVENTS_BATCH = 10;
/** Emails in flight at once: well under SES's default sending rate, and still quick for a handful. */
const EMAIL_CONCURRENCY = 4;

// Made on first use and kept for the container's life, like the DocumentClient.
let eventBridge: EventBridgeClient | undefined;
let ses: SESv2Client | undefined;

function errorFields(err: unknown): Record<string, unknown> {
  const e = err as { name?: string; message?: string };
  return { errorName: e?.name, errorMessage: e?.message };
}

/**
 * Put the events on the bus, ten per call. Failures (a whole call, or single
 * entries EventBridge reports as failed) are logged and counted: the outbox
 * delivery keeps an event that was not put, and tries it again.
 * Returns how many events were not put.
 */
export async function putEventsOnBus(busName: string, events: readonly DomainEvent[]): Promise<number> {
  eventBridge ??= new EventBridgeClient({ maxAttempts: 3 });
  let notPut = 0;
  for (let i = 0; i < events.length; i += PUT_EVENTS_BATCH) {
    const batch = events.slice(i, i + PUT_EVENTS_BATCH);
    const entries: PutEventsRequestEntry[] = batch.map((event) => ({
      EventBusName: busName,
      Source: EVENT_SOURCE,
      DetailType: event.type,
      Detail: JSON.stringify(event),
      Time: new Date(event.at),
    }));
    try {
      const out = await eventBridge.send(new PutEventsCommand({ Entries: entries }));
      if (out.FailedEntryCount) {
        const failed = (out.Entries ?? [])
          .map((entry, index) => ({ entry, event: batch[index] }))
          .filter(({ entry }) => entry.ErrorCode)
          .map(({ entry, event }) => ({ type: event?.type, subjectId: event?.subject.id, errorCode: entry.ErrorCode, errorMessage: entry.ErrorMessage }));
        logger.error('EventBridge refused some domain events', { busName, failedEntryCount: out.FailedEntryCount, failed });
        notPut += out.FailedEntryCount;
      }
    } catch (err) {
      logger.error('Could not put domain events on the bus', {
        busName,
        ...errorFields(err),
        events: batch.map((e) => ({ type: e.type, subjectId: e.subject.id })),
      });
      notPut += batch.length;
    }
  }
  return notPut;
}

/** Send one email; false when SES did not take it (logged). */
async function sendOne(email: EmailMessage): Promise<boolean> {
  ses ??= new SESv2Client({ maxAttempts: 3 });
  try {
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: email.from,
        Destination: { ToAddresses: [email.to] },
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: email.text, Charset: 'UTF-8' } },
          },
        },
      }),
    );
    return true;
  } catch (err) {
    // The domain only, not the address: logs are kept longer and read more widely than the contacts directory.
    logger.error('Could not send a notification email', {
      ...errorFields(err),
      eventType: email.eventType,
      subjectId: email.subjectId,
      audiences: email.audiences,
      recipientDomain: email.to.split('@')[1],
    });
    return false;
  }
}

/**
 * Send each email through SES (one recipient per email), a few at a time;
 * failures are logged per email and the rest still go. Returns how many were not sent.
 */
export async function sendEmails(emails: readonly EmailMessage[]): Promise<number> {
  let next = 0;
  let notSent = 0;
  const worker = async () => {
    while (next < emails.length) if (!(await sendOne(emails[next++]!))) notSent++;
  };
  await Promise.all(Array.from({ length: Math.min(EMAIL_CONCURRENCY, emails.length) }, worker));
  return notSent;
}
