import { describe, expect, it } from 'vitest';
import {
  canTransition,
  confirmationProtected,
  homeApproval,
  homeDeciderOf,
  homeDecisionRefusal,
  needsRelease,
  placementClosedRefusal,
  placementEndDate,
  placementRefusals,
  placementsLeftOut,
  PLACEMENT_STATE_REFUSALS,
  takesApplications,
  placementViolations,
  secondmentCommits,
  SECONDMENT_STATUSES,
  targetOf,
  transitionRefusal,
  type HomeGateContext,
  type PlacementApplicant,
  type SecondmentAction,
} from '../../shared/domain/secondment-rules';

const today = '2027-01-10';

/** The NCA's cyber placement for ROCU officers: SC, PIP1, developing PIP2, closing at the end of January. */
const ncaCyber = {
  status: 'open' as const,
  hostOrgId: 'nca',
  closesOn: '2027-01-31',
  places: 2,
  confirmed: 0,
  eligibility: { homeOrgTypes: ['rocu' as const], vetting: 'sc' as const, minPipLevel: 1 },
};

const titanOfficer: PlacementApplicant = {
  status: 'active',
  vetting: 'sc',
  vettingExpiresOn: null,
  pipLevel: 1,
  homeOrgId: 'titan',
  homeOrgType: 'rocu',
};

const codes = (officer: PlacementApplicant, placement = ncaCyber, on = today) => placementRefusals(officer, placement, on).map((r) => r.code);

describe('posting a placement', () => {
  const valid = {
    hostOrgId: 'nca',
    startDate: '2027-03-01',
    durationMonths: 6,
    closesOn: '2027-01-31',
    eligibility: ncaCyber.eligibility,
    pipDevelopmentLevel: 2,
  };

  it('a placement closing before its start, developing a level above its entry requirement, is fine', () => {
    expect(placementViolations(valid, today)).toEqual([]);
  });

  it('applications must close on or before the start date, and not in the past', () => {
    expect(placementViolations({ ...valid, closesOn: '2027-03-02' }, today).map((v) => v.field)).toEqual(['closesOn']);
    expect(placementViolations({ ...valid, closesOn: '2027-01-09' }, today).map((v) => v.message)).toEqual(['the closing date is in the past']);
    expect(placementViolations({ ...valid, closesOn: valid.startDate }, today)).toEqual([]);
  });

  it('a PIP development target at or below the minimum PIP level develops nothing', () => {
    expect(placementViolations({ ...valid, pipDevelopmentLevel: 1 }, today).map((v) => v.field)).toEqual(['pipDevelopmentLevel']);
    expect(placementViolations({ ...valid, pipDevelopmentLevel: null }, today)).toEqual([]);
  });

  it('an organisation type listed twice is refused', () => {
    expect(placementViolations({ ...valid, eligibility: { ...valid.eligibility, homeOrgTypes: ['rocu', 'rocu'] } }, today).map((v) => v.field)).toEqual([
      'eligibility.homeOrgTypes',
    ]);
  });

  it('a secondee returns home the duration in months after the start, on the month’s last day when it is shorter', () => {
    expect(placementEndDate('2027-03-01', 6)).toBe('2027-09-01');
    expect(placementEndDate('2027-11-15', 3)).toBe('2028-02-15');
    expect(placementEndDate('2027-01-31', 1)).toBe('2027-02-28');
    expect(placementEndDate('2028-01-31', 1)).toBe('2028-02-29');
    expect(placementEndDate('2027-01-04', 24)).toBe('2029-01-04');
  });
});

describe('who may apply for a placement', () => {
  it('a TITAN officer with SC vetting and PIP1 may apply for the NCA cyber placement', () => {
    expect(codes(titanOfficer)).toEqual([]);
  });

  it('an officer whose home is a force may not apply for a placement open to ROCU officers only', () => {
    const refusals = placementRefusals({ ...titanOfficer, homeOrgId: 'greater-manchester', homeOrgType: 'force' }, ncaCyber, today);
    expect(refusals.map((r) => r.code)).toEqual(['home-org-type']);
    expect(refusals[0]!.message).toBe('the placement is open to officers of a ROCU, and your home is a force');
  });

  it('vetting below the minimum, lapsed vetting and PIP below the minimum are each a reason', () => {
    expect(codes({ ...titanOfficer, vetting: 'nppv3' })).toEqual(['vetting-below-profile']);
    expect(codes({ ...titanOfficer, vettingExpiresOn: '2027-01-09' })).toEqual(['vetting-expired']);
    expect(codes({ ...titanOfficer, vettingExpiresOn: today })).toEqual([]);
    expect(codes({ ...titanOfficer, pipLevel: 0 })).toEqual(['pip-below-minimum']);
  });

  it('a placement past its closing date, or no longer open, takes no applications', () => {
    expect(codes(titanOfficer, ncaCyber, '2027-01-31')).toEqual([]);
    expect(codes(titanOfficer, ncaCyber, '2027-02-01')).toEqual(['placement-closed']);
    expect(codes(titanOfficer, { ...ncaCyber, status: 'cancelled' as never })).toEqual(['placement-closed']);
  });

  it('a full placement says so, and takes no applications while no place is free', () => {
    expect(codes(titanOfficer, { ...ncaCyber, confirmed: 1 })).toEqual([]);
    const full = { ...ncaCyber, confirmed: 2 };
    expect(placementRefusals(titanOfficer, full, today)).toEqual([{ code: 'placement-full', message: 'all 2 places are taken' }]);
    expect(placementClosedRefusal({ ...full, places: 1, confirmed: 1 }, today)).toEqual({ code: 'placement-full', message: 'all 1 place is taken' });
    expect(takesApplications(full, today)).toBe(false);
    expect(takesApplications(ncaCyber, today)).toBe(true);
    // Past its closing date it is closed, whether or not places are left.
    expect(placementClosedRefusal(full, '2027-02-01')).toMatchObject({ code: 'placement-closed' });
    expect(PLACEMENT_STATE_REFUSALS).toEqual(['placement-closed', 'placement-full']);
  });

  it('a secondment is to another organisation: the host’s own officers may not apply', () => {
    expect(codes({ ...titanOfficer, homeOrgId: 'nca', homeOrgType: 'agency' }, { ...ncaCyber, eligibility: { ...ncaCyber.eligibility, homeOrgTypes: ['agency', 'rocu'] as never } })).toEqual([
      'own-organisation',
    ]);
  });

  it('every reason is given at once', () => {
    expect(codes({ ...titanOfficer, status: 'left', homeOrgType: 'force', vetting: 'nppv2', pipLevel: 0 }, ncaCyber, '2027-02-01')).toEqual([
      'placement-closed',
      'home-org-type',
      'inactive',
      'vetting-below-profile',
      'pip-below-minimum',
    ]);
  });
});

describe('an officer’s placement list', () => {
  const officer = { org: 'titan', roles: ['officer'], officerId: 'off_1' };

  it('leaves out the officer’s own organisation, where a secondment cannot be', () => {
    expect(placementsLeftOut(officer, {})).toBe('titan');
    expect(placementsLeftOut(officer, { includeOwnOrganisation: false })).toBe('titan');
  });

  it('lists them when the officer asks, or filters by a host', () => {
    expect(placementsLeftOut(officer, { includeOwnOrganisation: true })).toBeUndefined();
    expect(placementsLeftOut(officer, { hostOrgId: 'titan' })).toBeUndefined();
    expect(placementsLeftOut(officer, { hostOrgId: 'nca' })).toBeUndefined();
  });

  it('leaves nothing out for an HR lead, a ROCU head or anyone without an officer record', () => {
    expect(placementsLeftOut({ org: 'titan', roles: ['hr-lead'] }, {})).toBeUndefined();
    expect(placementsLeftOut({ org: 'titan', roles: ['rocu-head'], officerId: 'off_2' }, {})).toBeUndefined();
    expect(placementsLeftOut({ org: 'titan', roles: ['officer'] }, {})).toBeUndefined();
  });
});

describe('the states of a secondment application', () => {
  const table: [SecondmentAction, string[]][] = [
    ['home-approve', ['submitted', 'home-approved']],
    ['home-decline', ['submitted', 'home-approved']],
    ['host-accept', ['home-approved']],
    ['host-decline', ['home-approved']],
    ['withdraw', ['submitted', 'home-approved', 'confirmed']],
    ['complete', ['confirmed', 'active']],
  ];
  it.each(table)('%s is allowed from %j only', (action, from) => {
    for (const status of SECONDMENT_STATUSES) expect(canTransition(action, status), `${action} from ${status}`).toBe(from.includes(status));
  });

  it('accepting confirms the place; both sides decline to `declined`', () => {
    expect(targetOf('host-accept')).toBe('confirmed');
    expect(targetOf('home-decline')).toBe('declined');
    expect(targetOf('host-decline')).toBe('declined');
    expect(targetOf('complete')).toBe('completed');
  });

  it('the host cannot decide before the home has approved, and is told so', () => {
    expect(transitionRefusal('host-accept', 'submitted')).toMatch(/home organisation has not approved/);
    expect(transitionRefusal('host-accept', 'confirmed')).toBe('This secondment is already confirmed.');
    expect(transitionRefusal('withdraw', 'active')).toMatch(/host HR lead completes it/);
    expect(transitionRefusal('complete', 'submitted')).toMatch(/cannot be completed/);
  });
});

describe('who decides for the home, and in which capacity', () => {
  it('the ROCU head and the HR lead of the home decide; anyone else, or another organisation, does not', () => {
    expect(homeDeciderOf({ org: 'titan', roles: ['rocu-head'] }, 'titan')).toBe('rocu-head');
    expect(homeDeciderOf({ org: 'titan', roles: ['hr-lead'] }, 'titan')).toBe('hr-lead');
    expect(homeDeciderOf({ org: 'titan', roles: ['hr-lead', 'rocu-head'] }, 'titan')).toBe('rocu-head');
    expect(homeDeciderOf({ org: 'ersou', roles: ['rocu-head'] }, 'titan')).toBeUndefined();
    expect(homeDeciderOf({ org: 'titan', roles: ['officer'] }, 'titan')).toBeUndefined();
  });

  it('a second approval is only the ROCU head turning an HR lead’s approval into a release', () => {
    expect(homeDecisionRefusal('approve', 'home-approved', 'rocu-head', { release: false })).toBeUndefined();
    expect(homeDecisionRefusal('approve', 'home-approved', 'hr-lead', { release: false })).toMatch(/already approved/);
    expect(homeDecisionRefusal('approve', 'home-approved', 'rocu-head', { release: true })).toMatch(/already approved/);
    expect(homeDecisionRefusal('decline', 'home-approved', 'hr-lead', { release: true })).toBeUndefined();
    expect(homeDecisionRefusal('approve', 'confirmed', 'rocu-head', { release: true })).toMatch(/cannot be approved/);
  });
});

describe('the home release gate (rule 7: the offer gate applied to secondments, for every team)', () => {
  const titan: HomeGateContext = { homeOrgId: 'titan', homeOrgType: 'rocu', hostOrgId: 'nca', teamsAtRisk: [] };
  const cyberAtMinimum = { capabilityId: 'cyber', strength: 10, projected: 7, projectedAfter: 6, minimum: 7, level: 'critical' as const };
  const forensicsAtMinimum = { capabilityId: 'digital-forensics', strength: 3, projected: 3, projectedAfter: 2, minimum: 3, level: 'critical' as const };
  const names = { home: 'TITAN' };

  it('a secondment that keeps every TITAN team at its minimum can be approved by the HR lead', () => {
    expect(needsRelease(titan)).toBe(false);
    expect(homeApproval(titan, 'hr-lead', names)).toEqual({ ok: true, release: false });
  });

  it('one that would take any team below its minimum cannot: the message names each team, and the ROCU head must release', () => {
    const atRisk = { ...titan, teamsAtRisk: [cyberAtMinimum, forensicsAtMinimum] };
    expect(needsRelease(atRisk)).toBe(true);
    const refused = homeApproval(atRisk, 'hr-lead', names);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/TITAN’s cyber and digital-forensics teams below their minimum \(cyber: projected 7 − 1 against a minimum of 7; digital-forensics: .*\): the TITAN ROCU head must release the officer/);
  });

  it('the ROCU head’s approval is a release, whatever the projection', () => {
    expect(homeApproval({ ...titan, teamsAtRisk: [cyberAtMinimum] }, 'rocu-head', names)).toEqual({ ok: true, release: true });
    expect(homeApproval(titan, 'rocu-head', names)).toEqual({ ok: true, release: true });
  });

  it('nothing is held when the home is not a ROCU or the placement is within the home', () => {
    expect(needsRelease({ ...titan, teamsAtRisk: [cyberAtMinimum], homeOrgId: 'greater-manchester', homeOrgType: 'force' })).toBe(false);
    expect(needsRelease({ ...titan, teamsAtRisk: [cyberAtMinimum], hostOrgId: 'titan' })).toBe(false);
  });
});

describe('what a confirmation does to the home team’s counters', () => {
  it('an active officer seconded out of their home is a commitment (counted in every team they are in)', () => {
    expect(secondmentCommits({ homeOrgId: 'titan', hostOrgId: 'nca', active: true })).toBe(true);
    expect(secondmentCommits({ homeOrgId: 'titan', hostOrgId: 'nca', active: false })).toBe(false);
    expect(secondmentCommits({ homeOrgId: 'nca', hostOrgId: 'nca', active: true })).toBe(false);
  });

  it('only a ROCU’s minimum conditions the confirmation, and a release by its head lifts it', () => {
    expect(confirmationProtected({ homeOrgType: 'rocu', release: false })).toBe(true);
    expect(confirmationProtected({ homeOrgType: 'rocu', release: true })).toBe(false);
    expect(confirmationProtected({ homeOrgType: 'agency', release: false })).toBe(false);
    expect(confirmationProtected({ homeOrgType: 'force', release: false })).toBe(false);
  });
});
