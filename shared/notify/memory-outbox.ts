import type { DomainEvent } from './domain-event';

/**
 * Where events go when nothing is configured (unit and integration tests): a
 * list in this process, so a test can assert that a decision told the right people.
 */
const sent: DomainEvent[] = [];

export function recordEvents(events: readonly DomainEvent[]): void {
  sent.push(...events.map((e) => structuredClone(e)));
}

/** Events published in this process since the last `clearSentEvents()`, oldest first. */
export function sentEvents(): DomainEvent[] {
  return [...sent];
}

export function clearSentEvents(): void {
  sent.length = 0;
}
