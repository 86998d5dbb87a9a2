import * as z from 'zod';
import { PIP_STATUSES } from '../domain/pip-rules';
import { entityId, exactText, multiLineText, singleLineText, slugId, storedDate, version } from './common.schema';

const note = multiLineText(2000);
/** A target or sign-off level: 1–4 (0 is "none", never something to develop or sign off). */
const accreditedLevel = z.number().int().min(1, { error: 'must be a PIP level from 1 to 4' }).max(4, { error: 'must be a PIP level from 1 to 4' });

export const workplaceAssessor = z
  .strictObject({
    sub: exactText(128).describe('The assessor’s user id (the `sub` of their token).'),
    name: singleLineText(120),
    orgId: slugId.describe('The assessor’s organisation.'),
  })
  .meta({ id: 'WorkplaceAssessor' });

export const evidenceNote = z.object({ at: z.string(), by: z.string(), org: z.string(), note: z.string() });
export type EvidenceNote = z.infer<typeof evidenceNote>;

export const pipSignOff = z.object({
  level: z.number().int(),
  previousLevel: z.number().int(),
  by: z.string(),
  role: z.enum(['assessor', 'host-hr-lead']),
  org: z.string(),
  at: z.string(),
  evidence: z.string(),
  secondmentApplicationId: z.string(),
  placementId: z.string(),
});
export type PipSignOff = z.infer<typeof pipSignOff>;

export const pipRecord = z
  .object({
    officerId: entityId,
    officerName: z.string(),
    homeOrgId: slugId,
    level: z.number().int().describe('The officer’s PIP level (0 = none): the officer record’s `pipLevel`, the one place it is kept.'),
    status: z.enum(PIP_STATUSES).describe('`in-development` while a target is set; else `accredited` (level ≥ 1) or `none`.'),
    targetLevel: z.number().int().nullable().describe('The level being developed while in development.'),
    assessor: workplaceAssessor.nullable(),
    developmentStartedOn: storedDate.nullable(),
    accreditedOn: storedDate.nullable().describe('When the current level was signed off through the service.'),
    evidence: z.array(evidenceNote).describe('Evidence notes, oldest first.'),
    signOffs: z.array(pipSignOff).describe('Sign-offs after PIP-development secondments, oldest first.'),
    version: z.number().int().describe('The record’s version (0 before anything was recorded); send it back to change the record.'),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'PipRecord' });
export type PipRecord = z.infer<typeof pipRecord>;

export const pipParams = z.strictObject({ officerId: entityId });

export const patchPipBody = z
  .strictObject({
    targetLevel: accreditedLevel.nullable().optional().describe('Start development towards this level (above the current one), or null to stop.'),
    assessor: workplaceAssessor.nullable().optional().describe('Assign (or, with null, remove) the workplace assessor.'),
    evidence: note.optional().describe('An evidence note to add to the record.'),
    version: version.optional().describe('The record version you read (or send it as If-Match).'),
  })
  .refine((b) => b.targetLevel !== undefined || b.assessor !== undefined || b.evidence !== undefined, {
    error: 'give targetLevel, assessor or evidence',
  });
export type PatchPipInput = z.infer<typeof patchPipBody>;

export const signOffBody = z.strictObject({
  level: accreditedLevel,
  evidence: note.describe('What the assessment found: kept on the record and in the audit trail.'),
  version: version.optional().describe('The record version you read (or send it as If-Match).'),
});
export type SignOffInput = z.infer<typeof signOffBody>;
