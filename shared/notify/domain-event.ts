/**
 * Domain events: what the service tells the world after a change has landed.
 * Raising, escalating or deciding an alert publishes one, so the people
 * concerned learn a decision is waiting without polling an inbox.
 */
export const DOMAIN_EVENT_TYPES = [
  'alert.raised',
  'alert.answered',
  'alert.escalated',
  'alert.decided',
  'alert.withdrawn',
  'campaign.published',
  'offer.released',
  // Told to the officer (audience `officer:<officerId>`): an offer made to them, held for their home's release decision, or a secondment decided.
  'offer.made',
  'offer.held',
  'secondment.decided',
  // Candidate pool: an HR lead invites a pooled candidate to apply (audience `officer:<officerId>`).
  'candidate.invited',
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

export interface DomainEvent {
  type: DomainEventType;
  /** ISO timestamp of the change. */
  at: string;
  /** Who should hear of it: inbox audiences such as `rocu-head:titan`, `hr-lead:nca`, `rocc:north-west`. */
  audiences: string[];
  /** One line a person understands: the email subject. */
  summary: string;
  /** The alert (or other entity) as the API shows it. */
  subject: { type: 'alert' | 'campaign' | 'application'; id: string; [key: string]: unknown };
  detail?: Record<string, unknown>;
}
