import * as z from 'zod';
import { LEVELS } from '../domain/capability-level';
import { slugId, storedDate, vettingLevel } from './common.schema';
import { officerCommitment } from './officer.schema';

export const rosterParams = z.strictObject({ orgId: slugId });

export const rosterOfficer = z
  .object({
    id: z.string(),
    name: z.string(),
    staffNumber: z.string().nullable().describe('The home organisation’s own reference.'),
    homeOrgId: slugId.describe('The employer: the unit itself, or the force (or other unit) an officer posted in comes from.'),
    posted: z.boolean().describe('True when the officer serves here on a fixed-term posting from `homeOrgId`.'),
    servingUntil: storedDate.nullable().describe('The day the posting ends and the officer serves at home again; null when they serve at home.'),
    leavingOn: storedDate.nullable().describe('A known leaving date; null when none is recorded.'),
    capabilities: z.array(slugId).describe('The teams the officer counts in.'),
    vetting: vettingLevel,
    pipLevel: z.number().int(),
    commitments: z.array(officerCommitment).describe('Live commitments elsewhere (an accepted move, a confirmed outbound secondment); empty when none.'),
  })
  .meta({ id: 'RosterOfficer' });

export const rosterTeam = z
  .object({
    capabilityId: slugId,
    minimum: z.number().int(),
    strength: z.number().int().describe('The team’s counter: officers serving here who hold the capability.'),
    committedOut: z.number().int(),
    projected: z.number().int(),
    level: z.enum(LEVELS),
    officerIds: z.array(z.string()).describe('Who serves in the team, in name order (ids of `officers`).'),
  })
  .meta({ id: 'RosterTeam' });

export const teamRoster = z
  .object({
    orgId: slugId,
    asOf: storedDate,
    teams: z.array(rosterTeam).describe('Every team with a baseline or an officer serving in it, by capability id.'),
    officers: z.array(rosterOfficer).describe('Every active officer serving in the unit, in name order: its own at home and those posted in.'),
  })
  .meta({ id: 'TeamRoster' });
export type TeamRoster = z.infer<typeof teamRoster>;
