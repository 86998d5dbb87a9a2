import * as z from 'zod';
import { LEVELS } from '../domain/capability-level';
import { OFFICER_STATUSES } from '../domain/reference';
import { entityId, vettingLevel } from './common.schema';

/** An officer already committed to leave a team, and until when. */
export const committedOfficer = z
  .object({
    officerId: z.string(),
    name: z.string(),
    kind: z.enum(['move', 'secondment']),
    title: z.string().describe('What they leave for: the campaign or placement.'),
    toOrgId: z.string(),
    startDate: z.string().describe('Their first day away.'),
    endDate: z.string().nullable().describe('The day a secondment ends; null for a permanent move.'),
  })
  .meta({ id: 'CommittedOfficer' });

/** A team as it stands and as the decision would leave it. */
export const teamEffect = z
  .object({
    orgId: z.string(),
    capabilityId: z.string(),
    strength: z.number().int().describe('Officers holding the capability now.'),
    minimum: z.number().int(),
    committedOut: z.number().int().describe('Of them, already committed to leave (accepted moves, confirmed secondments).'),
    projected: z.number().int().describe('strength − committedOut: who is left once those already leaving have gone.'),
    after: z.number().int().describe('projected once this decision takes effect (for a campaign: its worst case, caps included).'),
    level: z.enum(LEVELS),
    committed: z.array(committedOfficer).describe('Who is committed out, soonest first.'),
  })
  .meta({ id: 'TeamEffect' });

/** What an HR lead or ROCU head needs to know of an officer to decide on them. */
export const officerFacts = z
  .object({
    id: z.string(),
    name: z.string(),
    staffNumber: z.string().nullable(),
    homeOrgId: z.string(),
    capabilities: z.array(z.string()),
    vetting: vettingLevel,
    vettingExpiresOn: z.string().nullable(),
    pipLevel: z.number().int(),
    status: z.enum(OFFICER_STATUSES),
  })
  .meta({ id: 'OfficerFacts' });

export const alertContext = z
  .object({
    alertId: z.string(),
    officer: officerFacts.nullable().describe('The officer an offer-release alert is about; null for a campaign alert.'),
    campaign: z.object({
      id: z.string(),
      title: z.string(),
      status: z.string(),
      ownerOrgId: z.string(),
      posts: z.number().int(),
      postsFromUnit: z.number().int().describe('Posts that could take this unit’s officers (all but its own allocation).'),
      opensOn: z.string(),
      closesOn: z.string(),
      startDate: z.string().nullable().describe('For an offer: the start date offered.'),
      cap: z.number().int().nullable().describe('The cap on offers to this unit’s officers as it stands (a ROCC’s included); null when none.'),
    }),
    otherCampaign: z.object({ id: z.string(), title: z.string(), ownerOrgId: z.string(), opensOn: z.string(), closesOn: z.string() }).nullable(),
    effect: z
      .enum(['would', 'has', 'none'])
      .describe('would: the teams’ `after` is what the decision would do; has: it has taken effect (the officer is counted out); none: nothing leaves (offer withdrawn, campaign cancelled).'),
    teams: z.array(teamEffect).describe('The team the alert is about first, then every other team of the unit the decision puts at risk.'),
    suggestedCap: z
      .number()
      .int()
      .nullable()
      .describe('For a campaign alert: the largest per-source cap that keeps every one of the unit’s teams at or above its minimum; null when the campaign as it stands already does.'),
  })
  .meta({ id: 'AlertContext' });
export type AlertContext = z.infer<typeof alertContext>;

export const offerContext = z
  .object({
    applicationId: entityId,
    officer: officerFacts,
    homeOrgType: z.enum(['agency', 'rocu', 'force']),
    homeTeams: z.array(teamEffect).describe('Every team of the officer’s home they count in, and what an offer they accept would do to it.'),
    needsRelease: z.boolean().describe('An offer now waits for the home ROCU head’s release: it would take a team below its minimum.'),
    sourceCap: z.object({
      cap: z.number().int().nullable().describe('The cap on offers to officers of the officer’s home; null when none applies.'),
      offers: z.number().int().describe('Live offers already counted against it.'),
      remaining: z.number().int().nullable(),
    }),
  })
  .meta({ id: 'OfferContext' });
export type OfferContext = z.infer<typeof offerContext>;

export const homeDecisionContext = z
  .object({
    applicationId: entityId,
    officer: officerFacts,
    protected: z.boolean().describe('The home is a ROCU and the placement elsewhere: its teams’ minimums apply.'),
    homeTeams: z.array(teamEffect).describe('Every team of the home the officer counts in, and what the secondment would do to it.'),
    needsRelease: z.boolean().describe('Approval takes a team below its minimum: only the ROCU head can approve (a release decision).'),
  })
  .meta({ id: 'HomeDecisionContext' });
export type HomeDecisionContext = z.infer<typeof homeDecisionContext>;
