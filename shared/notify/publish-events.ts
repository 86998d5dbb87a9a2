import { getContacts } from '../data/contact.repository';
import { logger } from '../logger';
import { putEventsOnBus, sendEmails } from './aws-delivery';
import type { DomainEvent } from './domain-event';
import { emailsFor, type EmailMessage } from './email-message';
import { appendToOutbox } from './file-outbox';
import { recordEvents } from './memory-outbox';
import { notifyConfig } from './notify-config';

export { clearSentEvents, sentEvents } from './memory-outbox';

function eventRefs(events: readonly DomainEvent[]) {
  return events.map((e) => ({ type: e.type, subjectId: e.subject.id }));
}

/**
 * What a delivery left undone: events not put on the bus, emails not sent, or
 * the events whose emails could not be worked out. More than zero and the
 * outbox keeps the event for another attempt.
 */
export interface DeliveryReport {
  undelivered: number;
}

/** The emails the events cause, from the contacts directory; unreadable (logged), `undefined`. */
async function emailsOf(events: readonly DomainEvent[], from: string, appUrl: string): Promise<EmailMessage[] | undefined> {
  try {
    const contacts = await getContacts(events.flatMap((e) => e.audiences));
    return events.flatMap((event) => emailsFor(event, contacts, { from, appUrl }));
  } catch (err) {
    logger.error('Could not read the contacts directory: no notification emails sent', {
      errorName: (err as Error)?.name,
      errorMessage: (err as Error)?.message,
      events: eventRefs(events),
    });
    return undefined;
  }
}

/**
 * Tell the world about changes that have landed: called by the outbox
 * delivery (`shared/use-cases/deliver-outbox.ts`) for an event its change's
 * transaction wrote, and awaited, so Lambda does not freeze the container
 * half way through a send.
 *
 * Primary course: in AWS, put each event on the service's EventBridge bus (ten
 * per call) and email each contact of the event's audiences through SES;
 * locally, append them to the outbox files; in tests, keep them in memory.
 * A delivery failure is logged and counted, never thrown: one refused email
 * does not hold back the others, and the report tells the outbox delivery to
 * keep the event and try again (at least once: a retry may repeat the parts
 * that went through the first time).
 */
export async function publishEvents(events: readonly DomainEvent[]): Promise<DeliveryReport> {
  if (events.length === 0) return { undelivered: 0 };
  try {
    const config = notifyConfig();
    switch (config.mode) {
      case 'off':
        // Only the notifier publishes; any other function writes its events to the outbox instead.
        logger.warn('Domain events not delivered: this function publishes nothing (NOTIFY_MODE=off; only the outbox notifier publishes)', {
          events: eventRefs(events),
        });
        return { undelivered: 0 };
      case 'memory':
        recordEvents(events);
        return { undelivered: 0 };
      case 'outbox': {
        const emails = await emailsOf(events, config.sender, config.appUrl);
        if (!emails) return { undelivered: events.length };
        const at = new Date().toISOString();
        await appendToOutbox(config.dir, events, emails.map((email) => ({ at, ...email })));
        return { undelivered: 0 };
      }
      case 'aws': {
        // Independent deliveries: a bus outage must not hold back the emails, nor the reverse.
        const [notPut, notSent] = await Promise.all([
          putEventsOnBus(config.busName, events),
          emailsOf(events, config.sender, config.appUrl).then((emails) => (emails ? sendEmails(emails) : events.length)),
        ]);
        return { undelivered: notPut + notSent };
      }
    }
  } catch (err) {
    logger.error('Could not deliver domain events', {
      errorName: (err as Error)?.name,
      errorMessage: (err as Error)?.message,
      events: eventRefs(events),
    });
    return { undelivered: events.length };
  }
}
