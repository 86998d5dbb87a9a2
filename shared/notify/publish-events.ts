import type { DomainEvent } from './domain-event';

// Minimal placeholder so use cases can publish; the notifications work replaces
// this with EventBridge + SES delivery in AWS and the outbox locally.
const sent: DomainEvent[] = [];

export async function publishEvents(events: DomainEvent[]): Promise<void> {
  sent.push(...events);
}

export function sentEvents(): readonly DomainEvent[] {
  return sent;
}

export function clearSentEvents(): void {
  sent.length = 0;
}
