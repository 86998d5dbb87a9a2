import { describe, expect, it } from 'vitest';
import {
  applicationWindowRefusal,
  applySourceCapChanges,
  sourceCapRefusals,
  campaignsCollide,
  campaignViolations,
  canDo,
  CAMPAIGN_STATUSES,
  completionRefusal,
  dueToClose,
  ENDED_CAMPAIGN_STATUSES,
  LIVE_APPLICATION_STATUSES,
  longDate,
  takesApplications,
  windowsOverlap,
  type CampaignAction,
  type CampaignShape,
  type CampaignStatus,
} from '../../shared/domain/campaign-rules';

/** The joint NCA–VIPER cyber campaign: 4 posts, 3 for the NCA and 1 for VIPER. */
const joint: CampaignShape = {
  ownerOrgId: 'nca',
  partnerOrgIds: ['viper'],
  posts: 4,
  allocations: [
    { orgId: 'nca', posts: 3 },
    { orgId: 'viper', posts: 1 },
  ],
  opensOn: '2026-06-01',
  closesOn: '2026-06-30',
  maxAppointmentsPerSource: 2,
};

const fields = (c: CampaignShape) => campaignViolations(c).map((v) => v.field);

describe('what a recruiter is refused when drafting a campaign', () => {
  it('a well-formed joint campaign passes', () => {
    expect(campaignViolations(joint)).toEqual([]);
  });

  it('a single-owner campaign needs no allocations and no cap', () => {
    expect(campaignViolations({ ...joint, partnerOrgIds: [], allocations: [], maxAppointmentsPerSource: null })).toEqual([]);
  });

  it.each([
    ['2026-06-30', '2026-06-01', 'closing before opening'],
    ['2026-06-01', '2026-06-01', 'closing on the day it opens'],
  ])('a campaign opening %s and closing %s is refused (%s)', (opensOn, closesOn) => {
    expect(campaignViolations({ ...joint, opensOn, closesOn })).toEqual([{ field: 'closesOn', message: 'must be after opensOn' }]);
  });

  it('the owner cannot be its own partner', () => {
    expect(fields({ ...joint, partnerOrgIds: ['viper', 'nca'] })).toEqual(['partnerOrgIds']);
  });

  it('a partner listed twice is refused', () => {
    const v = campaignViolations({ ...joint, partnerOrgIds: ['viper', 'viper'] });
    expect(v).toEqual([{ field: 'partnerOrgIds', message: 'lists an organisation twice' }]);
  });

  it('posts allocated to an organisation outside the campaign are refused, naming it', () => {
    const v = campaignViolations({ ...joint, allocations: [{ orgId: 'nca', posts: 3 }, { orgId: 'titan', posts: 1 }] });
    expect(v).toEqual([{ field: 'allocations', message: 'titan is not the owner or a partner' }]);
  });

  it('an organisation allocated twice is refused', () => {
    const v = campaignViolations({ ...joint, allocations: [{ orgId: 'nca', posts: 2 }, { orgId: 'viper', posts: 1 }, { orgId: 'nca', posts: 1 }] });
    expect(v).toEqual([{ field: 'allocations', message: 'nca is allocated twice' }]);
  });

  it('allocations that do not add up to the posts are refused, with both numbers', () => {
    const v = campaignViolations({ ...joint, posts: 5 });
    expect(v).toEqual([{ field: 'allocations', message: 'allocations add up to 4, not the 5 posts' }]);
  });

  it('a per-source cap above the number of posts is refused; equal to it is fine', () => {
    expect(fields({ ...joint, maxAppointmentsPerSource: 5 })).toEqual(['maxAppointmentsPerSource']);
    expect(campaignViolations({ ...joint, maxAppointmentsPerSource: 4 })).toEqual([]);
  });

  it('every problem is reported at once, not one per attempt', () => {
    const v = campaignViolations({ ...joint, closesOn: '2026-05-01', partnerOrgIds: ['viper', 'nca'], posts: 1, maxAppointmentsPerSource: 2 });
    expect(v.map((x) => x.field)).toEqual(['closesOn', 'partnerOrgIds', 'allocations', 'maxAppointmentsPerSource']);
  });
});

describe('what can be done to a campaign in each state', () => {
  const allowed: [CampaignAction, CampaignStatus[]][] = Object.entries({
    publish: ['draft', 'consultation'],
    edit: ['draft', 'consultation'],
    close: ['open'],
    complete: ['closed'],
    cancel: ['draft', 'consultation', 'open', 'closed'],
    apply: ['open'],
  } satisfies Record<string, CampaignStatus[]>);
  const cases = allowed.flatMap(([action, from]) => CAMPAIGN_STATUSES.map((status) => [action, status, from.includes(status)] as const));

  it.each(cases)('%s a campaign that is %s: allowed %s', (action, status, expected) => {
    expect(canDo(action, status)).toBe(expected);
  });

  it('officers can apply only while a campaign is open, never while it is in consultation', () => {
    expect(canDo('apply', 'consultation')).toBe(false);
    expect(canDo('apply', 'open')).toBe(true);
  });

  it('a completed campaign cannot be cancelled', () => {
    expect(canDo('cancel', 'completed')).toBe(false);
  });
});

describe('calendar coordination', () => {
  const june = { opensOn: '2026-06-01', closesOn: '2026-06-30' };

  it.each([
    [{ opensOn: '2026-06-15', closesOn: '2026-07-15' }, true, 'overlapping the end'],
    [{ opensOn: '2026-05-01', closesOn: '2026-06-01' }, true, 'sharing only the opening day'],
    [{ opensOn: '2026-06-30', closesOn: '2026-07-31' }, true, 'sharing only the closing day'],
    [{ opensOn: '2026-06-10', closesOn: '2026-06-20' }, true, 'inside it'],
    [{ opensOn: '2026-05-01', closesOn: '2026-07-31' }, true, 'around it'],
    [{ opensOn: '2026-07-01', closesOn: '2026-07-31' }, false, 'the day after it closes'],
    [{ opensOn: '2026-05-01', closesOn: '2026-05-31' }, false, 'the day before it opens'],
  ])('a window %o overlaps June: %s (%s)', (other, expected) => {
    expect(windowsOverlap(june, other)).toBe(expected);
    expect(windowsOverlap(other, june)).toBe(expected);
  });

  const ncaNorthWest = { capabilityId: 'cyber', ...june, regions: ['north-west'] };

  it('two cyber campaigns in the North West at the same time collide (a joint campaign is suggested)', () => {
    expect(campaignsCollide(ncaNorthWest, { capabilityId: 'cyber', opensOn: '2026-06-15', closesOn: '2026-07-15', regions: ['west-midlands', 'north-west'] })).toBe(true);
  });

  it.each([
    [{ capabilityId: 'surveillance', ...june, regions: ['north-west'] }, 'a different capability'],
    [{ capabilityId: 'cyber', opensOn: '2026-07-01', closesOn: '2026-07-31', regions: ['north-west'] }, 'windows that do not overlap'],
    [{ capabilityId: 'cyber', ...june, regions: ['east-of-england'] }, 'regions that do not overlap'],
    [{ capabilityId: 'cyber', ...june, regions: [] }, 'no region at all'],
  ])('campaigns do not collide with %s', (other) => {
    expect(campaignsCollide(ncaNorthWest, other)).toBe(false);
  });
});

describe('a campaign takes applications only between its dates', () => {
  const window = { status: 'open' as const, opensOn: '2027-02-02', closesOn: '2027-03-13' };

  it('from the opening date to the closing date, both included, and only while open', () => {
    expect(takesApplications(window, '2027-02-01')).toBe(false);
    expect(takesApplications(window, '2027-02-02')).toBe(true);
    expect(takesApplications(window, '2027-03-13')).toBe(true);
    expect(takesApplications(window, '2027-03-14')).toBe(false);
    for (const status of ['draft', 'consultation', 'closed', 'completed', 'cancelled'] as const) {
      expect(takesApplications({ ...window, status }, '2027-02-10'), status).toBe(false);
    }
  });

  it('says why not, with the date that matters', () => {
    expect(applicationWindowRefusal(window, '2026-12-01')).toEqual({ field: 'opensOn', message: 'The campaign opens for applications on 2 February 2027.' });
    expect(applicationWindowRefusal(window, '2027-03-14')).toEqual({ field: 'closesOn', message: 'The campaign closed for applications on 13 March 2027.' });
    expect(applicationWindowRefusal({ ...window, status: 'closed' }, '2027-02-10')).toEqual({ field: 'status', message: 'The campaign is closed: applications are taken only while it is open.' });
    expect(applicationWindowRefusal(window, '2027-02-10')).toBeUndefined();
  });

  it('writes dates the GOV.UK way', () => {
    expect(longDate('2027-02-02')).toBe('2 February 2027');
    expect(longDate('2026-12-31')).toBe('31 December 2026');
  });

  it('the closing job closes an open campaign the day after its closing date, and nothing else', () => {
    expect(dueToClose(window, '2027-03-13')).toBe(false);
    expect(dueToClose(window, '2027-03-14')).toBe(true);
    expect(dueToClose({ ...window, status: 'closed' }, '2027-04-01')).toBe(false);
    expect(dueToClose({ ...window, status: 'cancelled' }, '2027-04-01')).toBe(false);
  });
});

describe('completing a campaign', () => {
  const app = (id: string, status: string) => ({ id, officerName: `Officer ${id}`, status });

  it('the lifecycle: closed → completed; cancelled from any state before completed, never after', () => {
    expect(canDo('complete', 'closed')).toBe(true);
    for (const status of ['draft', 'consultation', 'open', 'completed', 'cancelled'] as const) expect(canDo('complete', status), status).toBe(false);
    expect(canDo('cancel', 'completed')).toBe(false);
    expect(ENDED_CAMPAIGN_STATUSES).toEqual(['completed', 'cancelled']);
  });

  it('only once no application is live: submitted, shortlisted, offered or awaiting release', () => {
    expect(LIVE_APPLICATION_STATUSES).toEqual(['submitted', 'shortlisted', 'offered', 'awaiting-release']);
    const ended = [app('a', 'accepted'), app('b', 'appointed'), app('c', 'rejected'), app('d', 'withdrawn')];
    expect(completionRefusal({ status: 'closed' }, ended)).toBeUndefined();
    const refusal = completionRefusal({ status: 'closed' }, [...ended, app('e', 'offered'), app('f', 'submitted')]);
    expect(refusal?.message).toBe('The campaign has 2 live applications: Officer e (offered), Officer f (submitted). Each must be accepted, rejected or withdrawn before the campaign is completed.');
    expect(refusal?.details.map((d) => d.applicationId)).toEqual(['e', 'f']);
  });

  it('an open campaign is closed first', () => {
    expect(completionRefusal({ status: 'open' }, [])?.message).toBe('Only a closed campaign can be completed; this one is open. Close it first (or wait for its closing date).');
    expect(completionRefusal({ status: 'completed' }, [])?.message).toBe('Only a closed campaign can be completed; this one is completed.');
  });
});

describe('caps for single ROCUs', () => {
  it('an edit sets or removes the caps it names and leaves the others', () => {
    expect(applySourceCapChanges({ titan: 3, ersou: 2 }, { titan: 2, viper: 1, ersou: null })).toEqual({ titan: 2, viper: 1 });
    expect(applySourceCapChanges({}, {})).toEqual({});
  });

  it('a cap the ROCC imposed may be lowered, not raised or removed; any other cap may change', () => {
    const campaign = { sourceCaps: { titan: 3, ersou: 2 }, consultation: { titan: { outcome: 'cap-imposed' }, ersou: { outcome: 'cap-met' } } };
    expect(sourceCapRefusals(campaign, { titan: 2 })).toEqual([]);
    expect(sourceCapRefusals(campaign, { titan: 3 })).toEqual([]);
    expect(sourceCapRefusals(campaign, { titan: 4 }).map((r) => r.orgId)).toEqual(['titan']);
    expect(sourceCapRefusals(campaign, { titan: null })[0]?.message).toContain('not removed');
    expect(sourceCapRefusals(campaign, { ersou: null, viper: 5 })).toEqual([]);
  });
});
