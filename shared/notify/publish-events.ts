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

/** The emails the events cause, from the contacts directory; an unreadable directory means no emails, logged. */
async function emailsOf(events: readonly DomainEvent[], from: string, appUrl: string): Promise<EmailMessage[]> {
  try {
    const contacts = await getContacts(events.flatMap((e) => e.audiences));
    return events.flatMap((event) => emailsFor(event, contacts, { from, appUrl }));
  } catch (err) {
    logger.error('Could not read the contacts directory: no notification emails sent', {
      errorName: (err as Error)?.name,
      errorMessage: (err as Error)?.message,
      events: eventRefs(events),
    });
    return [];
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
 * A delivery failure is logged and never thrown: the caller's change stands,
 * and its response must not turn into an error because an email bounced.
 */
export async function publishEvents(events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  try {
    const config = notifyConfig();
    switch (config.mode) {
      case 'off':
        // Only the notifier publishes; any other function writes its events to the outbox instead.
        logger.warn('Domain events not delivered: this function publishes nothing (NOTIFY_MODE=off; only the outbox notifier publishes)', {
          events: eventRefs(events),
        });
        return;
      case 'memory':
        recordEvents(events);
        return;
      case 'outbox': {
        const emails = await emailsOf(events, config.sender, config.appUrl);
        const at = new Date().toISOString();
        await appendToOutbox(config.dir, events, emails.map((email) => ({ at, ...email })));
        return;
      }
      case 'aws':
        // Independent deliveries: a bus outage must not hold back the emails, nor the reverse.
        await Promise.all([
          putEventsOnBus(config.busName, events),
          emailsOf(events, config.sender, config.appUrl).then(sendEmails),
        ]);
        return;
    }
  } catch (err) {
    logger.error('Could not deliver domain events', {
      errorName: (err as Error)?.name,
      errorMessage: (err as Error)?.message,
      events: eventRefs(events),
    });
  }
}
