import { commitmentAction, officerCommitmentMark } from '../data/application.repository';
import { actorOf } from '../data/audit.repository';
import { getBaseline } from '../data/capability.repository';
import { getOfficer } from '../data/officer.repository';
import { getOrganisation } from '../data/organisation.repository';
import { getPlacement, placementAudit, takePlaceAction } from '../data/placement.repository';
import { saveSecondmentActions, secondmentAudit, type StoredSecondment } from '../data/secondment.repository';
import { transactWrite, type GuardedAction } from '../data/transact';
import { isHrLeadOf } from '../domain/access';
import { CONFIRMING_STATUSES, confirmationProtected, flowSide, homeApproval, homeDecisionRefusal, homeDeciderOf, secondmentCommits, transitionRefusal } from '../domain/secondment-rules';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { Officer } from '../schemas/officer.schema';
import { advanceSecondment, secondmentChanged, secondmentFor } from './secondment-access';
import { businessMetric } from '../metrics';

/** Hosts confirming places at once contend for one placement item: a transaction that only met a conflict is run again. */
const CONFIRM_ATTEMPTS = 8;

function stillTheApplicant(app: StoredSecondment, officer: Officer | undefined): Officer {
  if (!officer || officer.status !== 'active') throw new ConflictError(`${app.officerName} is no longer an active officer.`);
  if (officer.homeOrgId !== app.homeOrgId) {
    throw new ConflictError(`${app.officerName} has moved from ${app.homeOrgId} to ${officer.homeOrgId} since applying; the application cannot go ahead.`);
  }
  return officer;
}

/**
 * The applicant's home decides (BRIEF.md rule 7: the same gate as offers).
 * Primary course: only the ROCU head or HR lead of the applicant's home
 * organisation decides (anyone else who can see the application gets 403).
 * A decline ends the application. An approval reads the officer, the home
 * organisation and its baseline for the placement's capability (in
 * parallel): when the home is a ROCU and the secondment would take that team
 * below its minimum, an HR lead's approval is refused (403: the ROCU head
 * must release); the ROCU head's approval is the release decision, recorded
 * so that the host's confirmation may take the team below its minimum. The
 * approval does not yet count in `committedOut`: only the confirmation does,
 * atomically, under the minimum condition unless released. One transaction
 * writes the application (conditioned on the version read) and the audit
 * entry.
 */
export async function decideSecondmentAtHome(
  identity: Identity,
  applicationId: string,
  input: { decision: 'approve' | 'decline'; note: string },
  now = new Date(),
): Promise<StoredSecondment> {
  const app = await secondmentFor(
    identity,
    applicationId,
    (a) => homeDeciderOf(identity, a.homeOrgId) !== undefined,
    'the ROCU head or HR lead of the applicant’s home organisation',
  );
  const decider = homeDeciderOf(identity, app.homeOrgId)!;
  const refusal = homeDecisionRefusal(input.decision, app.status, decider, app.homeDecision);
  if (refusal) throw new ConflictError(refusal);

  const actor = actorOf(identity);
  const at = now.toISOString();
  if (input.decision === 'decline') {
    const next = advanceSecondment(
      app,
      'declined',
      actor,
      at,
      { homeDecision: { decision: 'decline', by: actor.sub, role: decider, at, note: input.note, release: false } },
      input.note || undefined,
    );
    await transactWrite([
      ...saveSecondmentActions(app, next, secondmentChanged(app)),
      secondmentAudit(next, 'secondment.home-declined', actor, at, input.note, { from: app.status, role: decider }),
    ]);
    return next;
  }

  const [officerRead, home, baseline] = await Promise.all([
    getOfficer(app.officerId, true),
    getOrganisation(app.homeOrgId),
    getBaseline(app.homeOrgId, app.capabilityId),
  ]);
  const officer = stillTheApplicant(app, officerRead);
  if (!home) throw new NotFoundError(`The home organisation ${app.homeOrgId} no longer exists.`);
  const gate = homeApproval(
    {
      homeOrgId: home.id,
      homeOrgType: home.type,
      hostOrgId: app.hostOrgId,
      holdsCapability: officer.capabilities.includes(app.capabilityId),
      ...(baseline ? { baseline: { strength: baseline.strength, projected: baseline.projected, minimum: baseline.minimum } } : {}),
    },
    decider,
    { home: home.name, capability: app.capabilityId },
  );
  if (!gate.ok) {
    throw new ForbiddenError(gate.message, [
      { field: 'decision', message: 'needs the ROCU head’s release', orgId: home.id, capabilityId: app.capabilityId, projected: baseline?.projected, minimum: baseline?.minimum },
    ]);
  }
  // An HR lead's approval passed the gate on the counters as read; the host's confirmation checks them again, atomically.
  const next = advanceSecondment(
    app,
    'home-approved',
    actor,
    at,
    { homeDecision: { decision: 'approve', by: actor.sub, role: decider, at, note: input.note, release: gate.release }, homeOrgType: home.type },
    input.note || (gate.release ? 'Released by the ROCU head.' : undefined),
  );
  await transactWrite([
    ...saveSecondmentActions(app, next, secondmentChanged(app)),
    secondmentAudit(next, gate.release ? 'secondment.home-released' : 'secondment.home-approved', actor, at, input.note, {
      role: decider,
      release: gate.release,
      ...(baseline ? { projected: baseline.projected, minimum: baseline.minimum } : {}),
    }),
  ]);
  return next;
}

/**
 * The host's HR lead decides, once the home has approved. Primary course: a
 * decline ends the application. An acceptance reads the officer and the
 * placement (in parallel) and confirms a place in one transaction: the
 * application moves to `confirmed` (conditioned on the version read); the
 * placement's `confirmed` counter goes up on the condition that it is below
 * `places` (409 "full" for the hosts who lose the race); the officer record
 * is checked unchanged; the home team's `committedOut` goes up by one (the
 * secondee counts out from now until the secondment ends) on the condition
 * that the projection stays at or above the minimum, unless the ROCU head
 * released the officer; the region × direction's secondment-flows counter
 * goes up (`confirmed`); and the audit entries of the application and the
 * placement are written. The host organisation is read with the rest (its
 * type names the flow's direction).
 */
export async function decideSecondmentAsHost(
  identity: Identity,
  applicationId: string,
  input: { decision: 'accept' | 'decline'; note: string },
  now = new Date(),
): Promise<StoredSecondment> {
  const app = await secondmentFor(identity, applicationId, (a) => isHrLeadOf(identity, a.hostOrgId), 'the host organisation’s HR lead');
  const refusal = transitionRefusal(input.decision === 'accept' ? 'host-accept' : 'host-decline', app.status);
  if (refusal) throw new ConflictError(refusal);

  const actor = actorOf(identity);
  const at = now.toISOString();
  const hostDecision = { decision: input.decision, by: actor.sub, at, note: input.note };
  if (input.decision === 'decline') {
    const next = advanceSecondment(app, 'declined', actor, at, { hostDecision }, input.note || undefined);
    await transactWrite([
      ...saveSecondmentActions(app, next, secondmentChanged(app)),
      secondmentAudit(next, 'secondment.host-declined', actor, at, input.note),
    ]);
    return next;
  }

  const [officerRead, placement, host] = await Promise.all([getOfficer(app.officerId, true), getPlacement(app.placementId, true), getOrganisation(app.hostOrgId)]);
  const officer = stillTheApplicant(app, officerRead);
  if (!placement) throw new NotFoundError(`The placement ${app.placementId} no longer exists.`);
  if (!host) throw new NotFoundError(`The host organisation ${app.hostOrgId} no longer exists.`);
  const full = () =>
    new ConflictError(`All ${placement.places} place(s) on “${placement.title}” are confirmed: the placement is full.`, [
      { field: 'places', message: 'full', places: placement.places },
    ]);
  // Quick answers from the read; the conditions on the placement item are what decide a race.
  if (!(CONFIRMING_STATUSES as readonly string[]).includes(placement.status)) throw new ConflictError(`The placement is ${placement.status}: no place can be confirmed.`);
  if (placement.confirmed >= placement.places) throw full();

  const commits = secondmentCommits({
    homeOrgId: app.homeOrgId,
    hostOrgId: app.hostOrgId,
    holdsCapability: officer.capabilities.includes(app.capabilityId),
    active: officer.status === 'active',
  });
  const release = app.homeDecision?.release === true;
  const protect = confirmationProtected({ homeOrgType: app.homeOrgType, release });
  const next = advanceSecondment(
    app,
    'confirmed',
    actor,
    at,
    {
      hostDecision,
      commitment: commits ? { orgId: app.homeOrgId, capabilityId: app.capabilityId } : null,
      // Which secondment-flows counter it counts in from now on (the home's type as the home decision recorded it).
      flow: app.homeOrgType ? { region: placement.region, from: flowSide(app.homeOrgType), to: flowSide(host.type) } : null,
    },
    input.note || undefined,
  );

  const actions: GuardedAction[] = [
    ...saveSecondmentActions(app, next, secondmentChanged(app)),
    takePlaceAction(placement.id, at, full),
    // The counters below follow the officer as read: an edit landing meanwhile must not be counted against,
    // and an edit read before this commits (leaving, moving home) must not land after it.
    officerCommitmentMark(officer.id, officer.version, at, () => new ConflictError(`${app.officerName}’s officer record changed meanwhile. Try again.`)),
  ];
  if (commits) {
    actions.push(
      commitmentAction(
        app.homeOrgId,
        app.capabilityId,
        1,
        protect
          ? {
              onBelowMinimum: () =>
                new ConflictError(
                  `Confirming now would take ${app.homeOrgId}’s ${app.capabilityId} team below its minimum, and the home approval was not a release. ` +
                    `The ${app.homeOrgId} ROCU head must release the officer (approve the secondment as ROCU head) before the place can be confirmed.`,
                  [{ field: 'projected', message: 'at the minimum', orgId: app.homeOrgId, capabilityId: app.capabilityId }],
                ),
            }
          : undefined,
      ),
    );
  }
  actions.push(
    secondmentAudit(next, 'secondment.confirmed', actor, at, input.note, {
      placementId: placement.id,
      committedOut: commits ? `${app.homeOrgId}:${app.capabilityId}` : null,
      release,
    }),
    placementAudit(placement, 'placement.place-confirmed', actor, at, [app.homeOrgId], { applicationId: app.id, officerId: app.officerId }),
  );
  await transactWrite(actions, { maxAttempts: CONFIRM_ATTEMPTS });
  businessMetric('PlaceConfirmed', { hostOrgId: placement.hostOrgId });
  return next;
}
