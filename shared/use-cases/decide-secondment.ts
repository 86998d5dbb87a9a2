import { officerVersionCheck } from '../data/application.repository';
import { actorOf } from '../data/audit.repository';
import { listBaselinesOfOrg } from '../data/capability.repository';
import { commitmentsOf, getOfficer } from '../data/officer.repository';
import { getOrganisation } from '../data/organisation.repository';
import { getPlacement, placementAudit, takePlaceAction } from '../data/placement.repository';
import { saveSecondmentActions, secondmentAudit, type StoredSecondment } from '../data/secondment.repository';
import { outboxActions } from '../data/outbox.repository';
import { transactWrite, type GuardedAction } from '../data/transact';
import { isHrLeadOf } from '../domain/access';
import { CONFIRMING_STATUSES, confirmationProtected, flowSide, homeApproval, homeDecisionRefusal, homeDeciderOf, secondmentCommits, transitionRefusal } from '../domain/secondment-rules';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { Officer } from '../schemas/officer.schema';
import { teamsAtRisk, type OfficerCommitment } from '../domain/commitments';
import { makeCommitment } from './officer-commitments';
import { advanceSecondment, secondmentChanged, secondmentFor } from './secondment-access';
import { businessMetric } from '../metrics';
import { servingOrgOf } from '../domain/posting';

/** Hosts confirming places at once contend for one placement item: a transaction that only met a conflict is run again. */
const CONFIRM_ATTEMPTS = 8;

function stillTheApplicant(app: StoredSecondment, officer: Officer | undefined): Officer {
  if (!officer || officer.status !== 'active') throw new ConflictError(`${app.officerName} is no longer an active officer.`);
  if (servingOrgOf(officer) !== app.homeOrgId) {
    throw new ConflictError(`${app.officerName} has moved from ${app.homeOrgId} to ${servingOrgOf(officer)} since applying; the application cannot go ahead.`);
  }
  return officer;
}

/** The applicant's email about a decision on their secondment, in the decision's own transaction (the outbox). */
function tellApplicant(app: StoredSecondment, at: string, summary: string): GuardedAction[] {
  return outboxActions([
    { type: 'secondment.decided', at, audiences: [`officer:${app.officerId}`], summary, subject: { type: 'application', id: app.id, placementId: app.placementId, status: app.status } },
  ]);
}

/**
 * The applicant's home decides (BRIEF.md rule 7: the same gate as offers).
 * Primary course: only the ROCU head or HR lead of the applicant's home
 * organisation decides (anyone else who can see the application gets 403).
 * A decline ends the application. An approval reads the officer, the home
 * organisation and every baseline of the home (in parallel): when the home
 * is a ROCU and the secondment would take any team the officer is in below
 * its minimum, an HR lead's approval is refused (403 naming each team: the
 * ROCU head must release); the ROCU head's approval is the release
 * decision, recorded so that the host's confirmation may take the teams
 * below their minimum. The
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
      ...tellApplicant(next, at, `${app.placementTitle}: your home organisation declined your secondment application`),
    ]);
    return next;
  }

  const [officerRead, home, baselines] = await Promise.all([
    getOfficer(app.officerId, true),
    getOrganisation(app.homeOrgId),
    listBaselinesOfOrg(app.homeOrgId),
  ]);
  const officer = stillTheApplicant(app, officerRead);
  if (!home) throw new NotFoundError(`The home organisation ${app.homeOrgId} no longer exists.`);
  const atRisk = teamsAtRisk({ capabilities: officer.capabilities, committed: commitmentsOf(officer).length > 0 }, baselines);
  const gate = homeApproval({ homeOrgId: home.id, homeOrgType: home.type, hostOrgId: app.hostOrgId, teamsAtRisk: atRisk }, decider, { home: home.name });
  if (!gate.ok) {
    throw new ForbiddenError(
      gate.message,
      atRisk.map((t) => ({ field: 'decision', message: 'needs the ROCU head’s release', orgId: home.id, capabilityId: t.capabilityId, projected: t.projected, minimum: t.minimum })),
    );
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
      teamsAtRisk: atRisk.map((t) => ({ capabilityId: t.capabilityId, projected: t.projected, minimum: t.minimum })),
    }),
    ...tellApplicant(next, at, `${app.placementTitle}: your home organisation approved your secondment application; the host decides next`),
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
 * takes the commitment (conditioned on its version; 409 naming an
 * overlapping commitment, since a person leaves once) and `committedOut` of
 * every home team the officer is in goes up by one (the secondee counts out
 * from now until the secondment ends), each on the condition that the
 * projection stays at or above the minimum, unless the ROCU head released
 * the officer; the region × direction's secondment-flows counter
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
      ...tellApplicant(next, at, `${app.placementTitle}: the host declined your secondment application`),
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

  const commits = secondmentCommits({ homeOrgId: app.homeOrgId, hostOrgId: app.hostOrgId, active: officer.status === 'active' });
  const release = app.homeDecision?.release === true;
  const protect = confirmationProtected({ homeOrgType: app.homeOrgType, release });
  const changedMeanwhile = () => new ConflictError(`${app.officerName}’s officer record changed meanwhile. Try again.`);
  const commitment: OfficerCommitment = {
    kind: 'secondment',
    applicationId: app.id,
    title: app.placementTitle,
    fromOrgId: app.homeOrgId,
    toOrgId: app.hostOrgId,
    startDate: app.startDate,
    endDate: app.endDate,
  };
  const plan = commits
    ? makeCommitment(
        officer,
        commitment,
        at,
        `${app.officerName} is`,
        changedMeanwhile,
        protect
          ? (d) => ({
              onBelowMinimum: () =>
                new ConflictError(
                  `Confirming now would take ${app.homeOrgId}’s ${d.capabilityId} team below its minimum, and the home approval was not a release. ` +
                    `The ${app.homeOrgId} ROCU head must release the officer (approve the secondment as ROCU head) before the place can be confirmed.`,
                  [{ field: 'projected', message: 'at the minimum', orgId: app.homeOrgId, capabilityId: d.capabilityId }],
                ),
            })
          : undefined,
      )
    : { actions: [officerVersionCheck(officer.id, officer.version, changedMeanwhile)], teams: [] };
  const next = advanceSecondment(
    app,
    'confirmed',
    actor,
    at,
    {
      hostDecision,
      commitment: commits ? { orgId: app.homeOrgId, capabilityIds: plan.teams } : null,
      // Which secondment-flows counter it counts in from now on (the home's type as the home decision recorded it).
      flow: app.homeOrgType ? { region: placement.region, from: flowSide(app.homeOrgType), to: flowSide(host.type) } : null,
    },
    input.note || undefined,
  );

  const actions: GuardedAction[] = [
    ...saveSecondmentActions(app, next, secondmentChanged(app)),
    takePlaceAction(placement.id, at, full),
    // The officer record with the commitment, and every home team's committedOut, conditioned on the version read.
    ...plan.actions,
  ];
  actions.push(
    secondmentAudit(next, 'secondment.confirmed', actor, at, input.note, {
      placementId: placement.id,
      committedOut: plan.teams.map((c) => `${app.homeOrgId}:${c}`),
      release,
    }),
    placementAudit(placement, 'placement.place-confirmed', actor, at, [app.homeOrgId], { applicationId: app.id, officerId: app.officerId }),
    ...tellApplicant(next, at, `${app.placementTitle}: your place is confirmed, from ${app.startDate} to ${app.endDate}`),
  );
  await transactWrite(actions, { maxAttempts: CONFIRM_ATTEMPTS });
  businessMetric('PlaceConfirmed', { hostOrgId: placement.hostOrgId });
  return next;
}
