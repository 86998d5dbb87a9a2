import type { DomainEvent, DomainEventType } from './domain-event';

/** One email to one person about one event: what SES sends, or the outbox records. */
export interface EmailMessage {
  to: string;
  from: string;
  subject: string;
  text: string;
  /** Why this person gets it: the audiences of the event they are a contact of. */
  audiences: string[];
  eventType: DomainEventType;
  subjectId: string;
  link?: string;
}

/** The opening line of the body, by event type; a new type falls back to its name. */
const WHAT_HAPPENED: Partial<Record<DomainEventType, string>> = {
  'alert.raised': 'A capability alert has been raised.',
  'alert.answered': 'A capability alert has been answered by the ROCU head.',
  'alert.escalated': 'A capability alert has been escalated to the regional organised crime co-ordinator (ROCC).',
  'alert.decided': 'The ROCC has decided an escalated capability alert.',
  'alert.withdrawn': 'A capability alert has been withdrawn: it no longer needs an answer.',
  'campaign.published': 'A recruitment campaign has been published.',
  'offer.released': 'An offer has been released by the officer’s home ROCU.',
  'offer.made': 'You have been offered a post.',
  'offer.held': 'You have been offered a post; it waits for your home unit’s release decision before you can accept it.',
  'secondment.decided': 'A decision has been made on your secondment application.',
};

const SUBJECT_PREFIX = '[ROCU workforce] ';
// Mail clients cut long subjects anyway; the body has the whole summary.
const MAX_SUBJECT = 180;

function describeAudience(audience: string): string {
  const [role, scope] = audience.split(':', 2);
  switch (role) {
    case 'rocu-head':
      return `head of ${scope}`;
    case 'hr-lead':
      return `HR lead of ${scope}`;
    case 'rocc':
      return `ROCC for ${scope}`;
    default:
      return audience;
  }
}

/** A subject line: one line (a newline in a header would start another header), bounded. */
function subjectLine(summary: string): string {
  const line = `${SUBJECT_PREFIX}${summary.replace(/\s+/g, ' ').trim()}`;
  return line.length > MAX_SUBJECT ? `${line.slice(0, MAX_SUBJECT - 1)}…` : line;
}

/** Where a person acts on the event: alerts have a page in the web UI. */
function linkFor(event: DomainEvent, appUrl: string): string | undefined {
  return event.subject.type === 'alert' ? `${appUrl}/alerts/${encodeURIComponent(event.subject.id)}` : undefined;
}

function body(event: DomainEvent, audiences: string[], link: string | undefined): string {
  const lines = [
    event.summary,
    '',
    WHAT_HAPPENED[event.type] ?? `Event: ${event.type}.`,
    `When: ${event.at}`,
  ];
  if (link) lines.push('', `Open it in the service: ${link}`);
  lines.push(
    '',
    '--',
    `You receive this as ${audiences.map(describeAudience).join(' and ')} in the NCA–ROCU workforce coordination service.`,
    'This mailbox is not monitored: answer in the service, not by reply.',
  );
  return lines.join('\n');
}

/**
 * The emails one event causes: one per address (an address that is a contact
 * of two audiences of the event gets one email naming both), so recipients
 * from different organisations never see each other's addresses.
 */
export function emailsFor(
  event: DomainEvent,
  contacts: ReadonlyMap<string, readonly string[]>,
  options: { from: string; appUrl: string },
): EmailMessage[] {
  const byAddress = new Map<string, string[]>();
  for (const audience of event.audiences) {
    for (const raw of contacts.get(audience) ?? []) {
      const address = raw.trim().toLowerCase();
      if (!address) continue;
      const list = byAddress.get(address) ?? [];
      if (!list.includes(audience)) list.push(audience);
      byAddress.set(address, list);
    }
  }
  const link = linkFor(event, options.appUrl);
  const subject = subjectLine(event.summary);
  return [...byAddress].map(([to, audiences]) => ({
    to,
    from: options.from,
    subject,
    text: body(event, audiences, link),
    audiences,
    eventType: event.type,
    subjectId: event.subject.id,
    ...(link ? { link } : {}),
  }));
}
