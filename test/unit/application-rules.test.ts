import { describe, expect, it } from 'vitest';
import {
  acceptanceCommits,
  APPLICATION_STATUSES,
  canTransition,
  depletesProtectedUnit,
  eligibilityRefusals,
  holdsSourceSlot,
  offerDecision,
  sourceCapApplies,
  transitionRefusal,
  type Applicant,
} from '../../shared/domain/application-rules';
import type { StoredAlert } from '../../shared/data/alert.repository';
import { releaseEffects } from '../../shared/use-cases/offer-release-effects';

const profile = { vetting: 'sc' as const, minPipLevel: 2 };
const fit: Applicant = { status: 'active', vetting: 'sc', vettingExpiresOn: '2030-01-01', pipLevel: 2 };
const today = '2026-03-02';

describe('who may apply for a role profile', () => {
  it('an active officer with the vetting and PIP level the role needs is eligible', () => {
    expect(eligibilityRefusals(fit, profile, today)).toEqual([]);
    expect(eligibilityRefusals({ ...fit, vetting: 'dv', pipLevel: 3, vettingExpiresOn: null }, profile, today)).toEqual([]);
  });

  it('vetting below the profile is refused, naming both levels', () => {
    const [r] = eligibilityRefusals({ ...fit, vetting: 'nppv3' }, profile, today);
    expect(r).toMatchObject({ code: 'vetting-below-profile' });
    expect(r!.message).toContain('sc');
    expect(r!.message).toContain('nppv3');
  });

  it('expired vetting is refused; a clearance is still valid on its expiry date', () => {
    expect(eligibilityRefusals({ ...fit, vettingExpiresOn: '2026-03-01' }, profile, today).map((r) => r.code)).toEqual(['vetting-expired']);
    expect(eligibilityRefusals({ ...fit, vettingExpiresOn: today }, profile, today)).toEqual([]);
  });

  it('a PIP level below the minimum is refused', () => {
    expect(eligibilityRefusals({ ...fit, pipLevel: 1 }, profile, today).map((r) => r.code)).toEqual(['pip-below-minimum']);
  });

  it('an officer who has left cannot apply', () => {
    expect(eligibilityRefusals({ ...fit, status: 'left' }, profile, today).map((r) => r.code)).toEqual(['inactive']);
  });

  it('every reason is given at once', () => {
    const codes = eligibilityRefusals({ status: 'active', vetting: 'nppv2', vettingExpiresOn: '2020-01-01', pipLevel: 0 }, profile, today).map((r) => r.code);
    expect(codes).toEqual(['vetting-below-profile', 'vetting-expired', 'pip-below-minimum']);
  });
});

describe('application lifecycle', () => {
  it('submitted → shortlisted → offered (or awaiting-release) → accepted', () => {
    expect(canTransition('shortlist', 'submitted')).toBe(true);
    expect(canTransition('offer', 'shortlisted')).toBe(true);
    expect(canTransition('release', 'awaiting-release')).toBe(true);
    expect(canTransition('accept', 'offered')).toBe(true);
  });

  it('only a released offer can be accepted, and the refusal says why', () => {
    for (const s of APPLICATION_STATUSES.filter((s) => s !== 'offered')) expect(canTransition('accept', s)).toBe(false);
    expect(transitionRefusal('accept', 'awaiting-release')).toMatch(/release decision/);
    expect(transitionRefusal('accept', 'offered')).toBeUndefined();
  });

  it('an offer needs a shortlisted application (or re-offers an offered one)', () => {
    expect(canTransition('offer', 'submitted')).toBe(false);
    expect(transitionRefusal('offer', 'submitted')).toMatch(/Shortlist/);
    expect(canTransition('offer', 'offered')).toBe(true);
    expect(canTransition('offer', 'awaiting-release')).toBe(false);
    expect(canTransition('offer', 'accepted')).toBe(false);
  });

  it('HR rejects anything not yet accepted; the applicant withdraws up to and including an acceptance', () => {
    expect(['submitted', 'shortlisted', 'offered', 'awaiting-release'].every((s) => canTransition('reject', s as never))).toBe(true);
    expect(canTransition('reject', 'accepted')).toBe(false);
    expect(['submitted', 'shortlisted', 'offered', 'awaiting-release', 'accepted'].every((s) => canTransition('withdraw', s as never))).toBe(true);
    for (const ended of ['rejected', 'withdrawn'] as const) {
      for (const action of ['shortlist', 'reject', 'offer', 'accept', 'withdraw', 'release'] as const) {
        expect(canTransition(action, ended)).toBe(false);
      }
    }
    expect(transitionRefusal('withdraw', 'rejected')).toMatch(/rejected cannot be withdrawn/);
  });

  it('a slot on the per-source counter is held from the offer through acceptance', () => {
    expect(APPLICATION_STATUSES.filter(holdsSourceSlot)).toEqual(['offered', 'awaiting-release', 'accepted']);
  });
});

describe('the offer gate for one applicant', () => {
  const titanOfficer = { homeOrgId: 'titan', homeOrgType: 'rocu' as const, destinationOrgId: 'nca' };
  const cyberAtMinimum = { capabilityId: 'cyber', strength: 10, projected: 7, projectedAfter: 6, minimum: 7, level: 'critical' as const };
  const forensicsLast = { capabilityId: 'digital-forensics', strength: 1, projected: 1, projectedAfter: 0, minimum: 1, level: 'loss' as const };

  it('an offer that keeps every TITAN team at its minimum is made directly', () => {
    expect(offerDecision({ ...titanOfficer, teamsAtRisk: [] }, 'cyber')).toEqual({ status: 'offered' });
  });

  it('an offer that would take TITAN cyber below its minimum waits for release, with a critical alert', () => {
    expect(offerDecision({ ...titanOfficer, teamsAtRisk: [cyberAtMinimum] }, 'cyber')).toEqual({
      status: 'awaiting-release',
      alert: { capabilityId: 'cyber', level: 'critical', strength: 10, projected: 7, projectedAfter: 6, minimum: 7, teams: [cyberAtMinimum] },
    });
  });

  it('a second capability at risk holds a cyber offer too: the alert names both teams and its level is the worst', () => {
    const d = offerDecision({ ...titanOfficer, teamsAtRisk: [forensicsLast] }, 'cyber');
    expect(d.status).toBe('awaiting-release');
    expect(d.alert).toMatchObject({ capabilityId: 'digital-forensics', level: 'loss', teams: [forensicsLast] });
    expect(offerDecision({ ...titanOfficer, teamsAtRisk: [cyberAtMinimum, forensicsLast] }, 'cyber').alert).toMatchObject({ capabilityId: 'cyber', level: 'loss' });
  });

  it('no gate for a force or the NCA, or for an offer into the officer’s own organisation’s allocation', () => {
    expect(offerDecision({ ...titanOfficer, homeOrgType: 'force', teamsAtRisk: [cyberAtMinimum] }, 'cyber').status).toBe('offered');
    expect(offerDecision({ ...titanOfficer, homeOrgType: 'agency', teamsAtRisk: [cyberAtMinimum] }, 'cyber').status).toBe('offered');
    expect(offerDecision({ ...titanOfficer, destinationOrgId: 'titan', teamsAtRisk: [cyberAtMinimum] }, 'cyber').status).toBe('offered');
    expect(depletesProtectedUnit(titanOfficer)).toBe(true);
  });

  it('the per-source cap applies to officers leaving a ROCU, not to those filling their own organisation’s allocation', () => {
    expect(sourceCapApplies(titanOfficer)).toBe(true);
    expect(sourceCapApplies({ ...titanOfficer, destinationOrgId: 'titan' })).toBe(false);
    expect(sourceCapApplies({ ...titanOfficer, homeOrgType: 'force' })).toBe(false);
  });

  it('an acceptance is a commitment when the officer leaves for another organisation’s allocation', () => {
    expect(acceptanceCommits({ homeOrgId: 'titan', destinationOrgId: 'nca', active: true })).toBe(true);
    expect(acceptanceCommits({ homeOrgId: 'titan', destinationOrgId: 'titan', active: true })).toBe(false);
    expect(acceptanceCommits({ homeOrgId: 'titan', destinationOrgId: 'nca', active: false })).toBe(false);
  });
});

describe('what a release decision does to the offer', () => {
  const alert = {
    id: 'alt_1',
    kind: 'offer-release',
    orgId: 'titan',
    applicationId: 'app_1',
    outcome: 'deferred',
    releaseDate: '2026-06-01',
    audiences: ['rocu-head:titan', 'hr-lead:nca', 'hr-lead:viper'],
  } as unknown as StoredAlert;
  const head = { sub: 'titan-head', org: 'titan', roles: ['rocu-head'] };

  it('a deferral moves the offer from awaiting-release to offered, starting on the release date, covered by the alert', async () => {
    const [update, audit] = await releaseEffects(alert, head);
    const u = update!.action.Update!;
    expect(u.ConditionExpression).toBe('#status = :awaiting');
    expect(u.ExpressionAttributeValues).toMatchObject({ ':offered': 'offered', ':start': '2026-06-01', ':decision': 'deferred', ':by': 'alt_1' });
    expect(update!.onConditionFailed!().status).toBe(409);
    expect(audit!.action.Put!.Item).toMatchObject({ entityType: 'application', entityId: 'app_1', action: 'application.released', orgIds: ['titan', 'nca', 'viper'] });
  });

  it('an objection, or any other kind of alert, changes no offer', async () => {
    expect(await releaseEffects({ ...alert, outcome: null, releaseDate: null } as StoredAlert, head)).toEqual([]);
    expect(await releaseEffects({ ...alert, kind: 'campaign-impact' } as StoredAlert, head)).toEqual([]);
  });
});
