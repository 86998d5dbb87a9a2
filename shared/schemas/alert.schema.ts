import * as z from 'zod';
import { ALERT_KINDS, ALERT_STATUSES, HEAD_DECISIONS, ROCC_DECISIONS } from '../domain/alert-rules';
import { LEVELS } from '../domain/capability-level';
import { entityId, isoDate, note, pageQuery } from './common.schema';

export const teamAtRisk = z
  .object({
    capabilityId: z.string(),
    strength: z.number().int(),
    projected: z.number().int().describe('Projected strength before the action.'),
    projectedAfter: z.number().int(),
    minimum: z.number().int(),
    level: z.enum(LEVELS),
  })
  .meta({ id: 'TeamAtRisk' });

export const alert = z
  .object({
    id: entityId,
    kind: z.enum(ALERT_KINDS),
    orgId: z.string().describe('The ROCU whose team is concerned (for coordination notices: the other campaign’s owner).'),
    capabilityId: z.string(),
    campaignId: z.string(),
    campaignTitle: z.string(),
    applicationId: z.string().nullable(),
    officerId: z.string().nullable(),
    otherCampaignId: z.string().nullable(),
    level: z.enum(LEVELS),
    status: z.enum(ALERT_STATUSES),
    strength: z.number().int(),
    projected: z.number().int().describe('Projected strength before the action.'),
    projectedAfter: z.number().int().describe('Projected strength after it (worst case for a campaign).'),
    minimum: z.number().int(),
    teams: z
      .array(teamAtRisk)
      .optional()
      .describe('Every team of the ROCU the action puts at risk (an officer counts in the team of each capability they hold); the fields above are the lead team’s.'),
    requestedCap: z.number().int().nullable(),
    requestedStart: z.string().nullable(),
    releaseDate: z.string().nullable(),
    imposedCap: z.number().int().nullable(),
    outcome: z.string().nullable(),
    escalationReason: z.string().nullable(),
    region: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    dueAt: z.string().nullable().describe('When an unanswered alert escalates to the ROCC by itself.'),
    escalatedAt: z.string().nullable().describe('When the alert went to the ROCC (an objection, a referral or no answer in time): how long the decision has waited.'),
    decideBy: z
      .string()
      .nullable()
      .describe('While escalated: the end of the ROCC’s 5 working days. If no decision is taken by then the service applies the default outcome (as uphold).'),
    forecast: z
      .object({
        month: z.string().describe('The first month (`YYYY-MM`) whose projection falls below the minimum.'),
        monthsAhead: z.number().int(),
        projected: z.number().int(),
        minimum: z.number().int(),
        causes: z.string().describe('The events that cause it, in words (e.g. “three postings end on 31 March 2027”).'),
      })
      .optional()
      .describe('On a `forecast` alert: the breach it warns of (campaignId is empty; the title says it in words).'),
    version: z.number().int(),
  })
  .meta({ id: 'Alert' });
export type Alert = z.infer<typeof alert>;

export const alertSummary = alert.pick({
  id: true,
  kind: true,
  orgId: true,
  capabilityId: true,
  campaignId: true,
  campaignTitle: true,
  applicationId: true,
  level: true,
  status: true,
  projected: true,
  projectedAfter: true,
  minimum: true,
  createdAt: true,
  dueAt: true,
  escalatedAt: true,
  decideBy: true,
}).meta({ id: 'AlertSummary' });
export type AlertSummary = z.infer<typeof alertSummary>;

export const auditEntry = z
  .object({
    id: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    action: z.string(),
    actor: z
      .object({
        sub: z.string(),
        org: z.string(),
        roles: z.array(z.string()),
        name: z.string().optional().describe('Their name as their token gave it when they acted; absent on older entries and for the service itself (`sub` "system").'),
      })
      .describe('Who did it, in which roles and organisation.'),
    at: z.string(),
    note: z.string().optional(),
    changes: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'AuditEntry' });

export const alertWithHistory = alert.extend({ history: z.array(auditEntry) }).meta({ id: 'AlertWithHistory' });

export const alertParams = z.strictObject({ id: entityId });

export const listAlertsQuery = pageQuery.extend({
  status: z.enum(ALERT_STATUSES).optional(),
  kind: z.enum(ALERT_KINDS).optional(),
  campaignId: entityId.optional(),
});

export const respondBody = z.strictObject({
  decision: z.enum(HEAD_DECISIONS),
  note: note.default(''),
  cap: z.number().int().min(0).max(1000).optional().describe('With request-cap: the most offers to your officers you can accept.'),
  releaseDate: isoDate.optional().describe('With defer: when the officer can be released (at most 90 days after the requested start).'),
});

export const decideBody = z.strictObject({ decision: z.enum(ROCC_DECISIONS), note: note.min(1, { error: 'a ROCC decision needs a note' }) });

export const referBody = z.strictObject({ note: note.default('') });

export const auditQuery = pageQuery.extend({
  entity: z
    .string()
    // The audit partition key is AUDIT#<type>#<id>: a type and an id of the service's own lengths fit well inside this.
    .max(200, { error: 'entity is type:id, at most 200 characters' })
    .regex(/^[a-z-]+:[A-Za-z0-9_:-]+$/, { error: 'entity is type:id, e.g. campaign:cmp_123 or alert:alt_456' }),
});
