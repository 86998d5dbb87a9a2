import { actorOf, auditAction } from '../data/audit.repository';
import { baselineCounterAction } from '../data/capability.repository';
import type { ExpectedVersion } from '../data/expected-version';
import { staleVersionError } from '../data/expected-version';
import { countedOfficer, getOfficer, officerUpdateActions, pipTargetOf, type OfficerWithPip } from '../data/officer.repository';
import { organisationExists } from '../data/organisation.repository';
import {
  getPipRecord,
  MAX_EVIDENCE_NOTES,
  savePipRecordAction,
  secondmentCompletedCheck,
  type StoredPipRecord,
} from '../data/pip.repository';
import { getPlacement } from '../data/placement.repository';
import { listApplicationsOfOfficerOfType, secondmentFromItem, secondmentOrgIds, type StoredSecondment } from '../data/secondment.repository';
import { transactWrite, type GuardedAction } from '../data/transact';
import { isHrLeadOf } from '../domain/access';
import { counterDeltas } from '../domain/officer-counters';
import { decideSignOff, HOSTING_STATUSES, pipStatusOf, validTarget, type DevelopmentSecondment } from '../domain/pip-rules';
import type { PipLevel } from '../domain/reference';
import { todayIso } from '../domain/working-days';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { Identity } from '../http/identity';
import type { Officer } from '../schemas/officer.schema';
import type { PatchPipInput, PipRecord, SignOffInput } from '../schemas/pip.schema';

/** The record as the API shows it: the level and target from the officer item, the rest from the record's own item. */
function pipView(officer: Officer, record: StoredPipRecord): PipRecord {
  const target = pipTargetOf(officer);
  const status = pipStatusOf({ pipLevel: officer.pipLevel, pipTargetLevel: target });
  return {
    officerId: officer.id,
    officerName: officer.name,
    homeOrgId: officer.homeOrgId,
    level: officer.pipLevel,
    status,
    targetLevel: status === 'in-development' ? target : null,
    assessor: record.assessor,
    developmentStartedOn: record.developmentStartedOn,
    accreditedOn: record.accreditedOn,
    evidence: record.evidence,
    signOffs: record.signOffs,
    version: record.version,
    updatedAt: record.updatedAt,
  };
}

/** The officer's secondments (one Query of their applications partition, bounded to 100 applications). */
async function secondmentsOf(officerId: string): Promise<StoredSecondment[]> {
  const page = await listApplicationsOfOfficerOfType(officerId, 'secondment', secondmentFromItem, { limit: 100 });
  return page.items;
}

type Standing = 'self' | 'home-hr' | 'host-hr' | 'assessor';

/**
 * How the caller stands to the officer's record, reading the officer's
 * secondments only when it takes that to know (an HR lead of another
 * organisation, who may be the host of a confirmed, active or completed one).
 */
async function standingOf(identity: Identity, officer: Officer, record: StoredPipRecord, secondments?: StoredSecondment[]): Promise<{ standing: Set<Standing>; secondments?: StoredSecondment[] }> {
  const standing = new Set<Standing>();
  if (identity.officerId === officer.id) standing.add('self');
  if (isHrLeadOf(identity, officer.homeOrgId)) standing.add('home-hr');
  if (record.assessor && record.assessor.sub === identity.sub) standing.add('assessor');
  let list = secondments;
  if (identity.roles.includes('hr-lead') && identity.org !== officer.homeOrgId) {
    list ??= await secondmentsOf(officer.id);
    if (list.some((s) => s.hostOrgId === identity.org && HOSTING_STATUSES.includes(s.status))) standing.add('host-hr');
  }
  return { standing, ...(list ? { secondments: list } : {}) };
}

function notFound(officerId: string): NotFoundError {
  return new NotFoundError(`No PIP record of officer ${officerId} that you may see.`);
}

/**
 * Read an officer's PIP record. Primary course: the officer item and the
 * record item in parallel; the officer, the home's HR lead and the assessor
 * read it at once; an HR lead of another organisation reads it when it hosts
 * (or hosted) a confirmed, active or completed secondment of the officer.
 * Anyone else gets 404.
 */
export async function readPipRecord(identity: Identity, officerId: string): Promise<PipRecord> {
  const [officer, record] = await Promise.all([getOfficer(officerId), getPipRecord(officerId)]);
  if (!officer) throw notFound(officerId);
  const { standing } = await standingOf(identity, officer, record);
  if (standing.size === 0) throw notFound(officerId);
  return pipView(officer, record);
}

/**
 * An HR lead of the home (or of a host) changes the record: starts or stops
 * development towards a target level, assigns the workplace assessor, adds an
 * evidence note. Primary course: one transaction puts the record on the
 * condition that its version is the one the caller read; when the target
 * changes, the officer item too (conditioned on its version), with the
 * pipeline counters it moves; and the audit entry.
 */
export async function changePipRecord(identity: Identity, officerId: string, input: Omit<PatchPipInput, 'version'>, expected: ExpectedVersion, now = new Date()): Promise<PipRecord> {
  const [officer, record] = await Promise.all([getOfficer(officerId, true), getPipRecord(officerId, true)]);
  if (!officer) throw notFound(officerId);
  const { standing } = await standingOf(identity, officer, record);
  if (!standing.has('home-hr') && !standing.has('host-hr')) {
    if (standing.size === 0) throw notFound(officerId);
    throw new ForbiddenError('Only an HR lead of the officer’s home, or of a host of their secondment, changes the PIP record.');
  }
  const stale = () => staleVersionError('PIP record', expected);
  if (record.version !== expected.version) throw stale();

  const at = now.toISOString();
  const actor = actorOf(identity);
  const next: StoredPipRecord = { ...record, updatedAt: at };
  const changes: Record<string, unknown> = {};
  const actions: GuardedAction[] = [];

  const currentTarget = pipTargetOf(officer);
  let officerAfter: OfficerWithPip | undefined;
  if (input.targetLevel !== undefined && input.targetLevel !== currentTarget) {
    if (officer.status !== 'active') throw new ConflictError(`${officer.name} has left the service; their PIP development cannot start.`);
    if (input.targetLevel !== null && !validTarget(input.targetLevel, officer.pipLevel)) {
      throw new ValidationError(`The target must be above the officer’s current PIP${officer.pipLevel}.`, [
        { field: 'targetLevel', message: `must be above ${officer.pipLevel}` },
      ]);
    }
    officerAfter = { ...officer, pipTargetLevel: input.targetLevel as PipLevel | null, version: officer.version + 1, updatedAt: at };
    next.developmentStartedOn = input.targetLevel === null ? null : todayIso(now);
    changes.targetLevel = { from: currentTarget, to: input.targetLevel };
  }
  if (input.assessor !== undefined) {
    next.assessor = input.assessor;
    changes.assessor = input.assessor;
    if (input.assessor) {
      actions.push(
        organisationExists(input.assessor.orgId, () =>
          new ValidationError(`No organisation "${input.assessor!.orgId}".`, [{ field: 'assessor.orgId', message: 'unknown organisation' }]),
        ),
      );
    }
  }
  if (input.evidence !== undefined) {
    if (record.evidence.length >= MAX_EVIDENCE_NOTES) throw new ConflictError(`The record holds ${MAX_EVIDENCE_NOTES} evidence notes, the most it keeps.`);
    next.evidence = [...record.evidence, { at, by: identity.sub, org: identity.org, note: input.evidence }];
    changes.evidence = input.evidence;
  }

  actions.push(savePipRecordAction(record, next, stale));
  if (officerAfter) {
    actions.push(...officerUpdateActions(officer, officerAfter, () => new ConflictError(`Officer ${officer.id} changed meanwhile. Reload and try again.`)));
  }
  actions.push(
    auditAction({
      entityType: 'officer',
      entityId: officer.id,
      action: changes.targetLevel ? (officerAfter?.pipTargetLevel ? 'pip.development-started' : 'pip.development-stopped') : 'pip.updated',
      actor,
      orgIds: [...new Set([officer.homeOrgId, identity.org])],
      at,
      changes,
    }),
  );
  await transactWrite(actions);
  return pipView(officerAfter ?? officer, { ...next, version: record.version + 1 });
}

/**
 * Sign off a PIP level after a PIP-development secondment (BRIEF.md
 * "Secondments and PIP training"). Primary course: read the officer, the
 * record and the officer's secondments, then the placements of the completed
 * ones; the assessor or the host's HR lead signs off a level no higher than
 * the placement's target. One transaction: the officer's `pipLevel` changes
 * through the officer update path (version-conditioned), so the baseline
 * holder counters and the pipeline counters move with it; the record becomes
 * accredited at that level with the evidence and the sign-off; the secondment
 * is checked still completed; audit entries on the officer and the secondment.
 */
export async function signOffPip(identity: Identity, officerId: string, input: Omit<SignOffInput, 'version'>, expected: ExpectedVersion | undefined, now = new Date()): Promise<PipRecord> {
  const [officer, record, secondments] = await Promise.all([getOfficer(officerId, true), getPipRecord(officerId, true), secondmentsOf(officerId)]);
  if (!officer) throw notFound(officerId);
  const { standing } = await standingOf(identity, officer, record, secondments);
  if (standing.size === 0) throw notFound(officerId);
  const stale = () => staleVersionError('PIP record', expected ?? { version: record.version, via: 'body' });
  if (expected && expected.version !== record.version) throw stale();
  if (officer.status !== 'active') throw new ConflictError(`${officer.name} has left the service.`);

  const completed = secondments.filter((s) => s.status === 'completed');
  const placements = await Promise.all(completed.map((s) => getPlacement(s.placementId)));
  const candidates: DevelopmentSecondment[] = completed.map((s, i) => ({
    id: s.id,
    status: s.status,
    hostOrgId: s.hostOrgId,
    pipDevelopmentLevel: placements[i]?.pipDevelopmentLevel ?? null,
  }));
  const decision = decideSignOff({
    level: input.level,
    currentLevel: officer.pipLevel,
    secondments: candidates,
    isAssessor: standing.has('assessor'),
    hrLeadOf: (orgId) => isHrLeadOf(identity, orgId),
  });
  if (!decision.ok) {
    if (decision.reason === 'not-allowed') throw new ForbiddenError(decision.message);
    if (decision.reason === 'no-completed-development') throw new ConflictError(decision.message);
    throw new ValidationError(decision.message, [{ field: 'level', message: decision.message }]);
  }
  const secondment = completed.find((s) => s.id === decision.secondment.id)!;
  const placementId = secondment.placementId;

  const at = now.toISOString();
  const actor = actorOf(identity);
  const role = standing.has('assessor') ? 'assessor' : 'host-hr-lead';
  const level = input.level as PipLevel;
  const after: OfficerWithPip = { ...officer, pipLevel: level, pipTargetLevel: null, version: officer.version + 1, updatedAt: at };
  const next: StoredPipRecord = {
    ...record,
    accreditedOn: todayIso(now),
    developmentStartedOn: null,
    evidence: [...record.evidence, { at, by: identity.sub, org: identity.org, note: input.evidence }].slice(-MAX_EVIDENCE_NOTES),
    signOffs: [
      ...record.signOffs,
      { level, previousLevel: officer.pipLevel, by: identity.sub, role, org: identity.org, at, evidence: input.evidence, secondmentApplicationId: secondment.id, placementId },
    ],
    updatedAt: at,
  };
  const changes = { pipLevel: { from: officer.pipLevel, to: level }, secondmentApplicationId: secondment.id, placementId, role };
  await transactWrite([
    ...officerUpdateActions(officer, after, () => new ConflictError(`Officer ${officer.id} changed meanwhile. Reload and try again.`)),
    // The holder counters (h_<vetting>_<pip>) of every capability the officer holds move with the level.
    ...counterDeltas(countedOfficer(officer), countedOfficer(after)).map((d) => baselineCounterAction(d)),
    savePipRecordAction(record, next, stale),
    secondmentCompletedCheck(secondment.id, () => new ConflictError(`Secondment ${secondment.id} is no longer completed.`)),
    auditAction({ entityType: 'officer', entityId: officer.id, action: 'pip.signed-off', actor, orgIds: [...new Set([officer.homeOrgId, secondment.hostOrgId])], at, note: input.evidence, changes }),
    auditAction({ entityType: 'secondment-application', entityId: secondment.id, action: 'pip.signed-off', actor, orgIds: secondmentOrgIds(secondment), at, note: input.evidence, changes }),
  ]);
  return pipView(after, { ...next, version: record.version + 1 });
}
