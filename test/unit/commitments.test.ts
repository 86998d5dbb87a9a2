import { describe, expect, it } from 'vitest';
import { allocationPosts } from '../../shared/domain/campaign-rules';
import {
  commitmentsOverlap,
  leadTeam,
  overlappingCommitment,
  overlapRefusal,
  teamsAtRisk,
  withCommitment,
  withoutCommitment,
  type OfficerCommitment,
} from '../../shared/domain/commitments';

const move = (startDate: string, applicationId = 'app_move'): OfficerCommitment => ({
  kind: 'move',
  applicationId,
  title: 'Cyber investigators, North West',
  fromOrgId: 'titan',
  toOrgId: 'nca',
  startDate,
  endDate: null,
});
const secondment = (startDate: string, endDate: string, applicationId = 'sec_1'): OfficerCommitment => ({
  kind: 'secondment',
  applicationId,
  title: 'Surveillance secondment',
  fromOrgId: 'titan',
  toOrgId: 'nca',
  startDate,
  endDate,
});

describe('one person leaves a team once', () => {
  it('a move never ends, so any later commitment overlaps it', () => {
    expect(commitmentsOverlap(move('2027-03-01'), secondment('2027-03-01', '2027-09-01'))).toBe(true);
    expect(commitmentsOverlap(move('2027-03-01'), secondment('2028-01-01', '2028-06-30'))).toBe(true);
  });

  it('a secondment that ends before the move starts does not overlap it; one ending on its first day does', () => {
    expect(commitmentsOverlap(secondment('2027-01-01', '2027-02-28'), move('2027-03-01'))).toBe(false);
    expect(commitmentsOverlap(secondment('2027-01-01', '2027-03-01'), move('2027-03-01'))).toBe(true);
  });

  it('the refusal names the first commitment, and a commitment never overlaps itself', () => {
    const first = overlappingCommitment([move('2027-03-01')], { applicationId: 'sec_2', startDate: '2027-03-01', endDate: '2027-09-01' });
    expect(first?.applicationId).toBe('app_move');
    expect(overlapRefusal('Daniel Okafor is', first!)).toMatch(/^Daniel Okafor is already committed elsewhere: an accepted move to nca \(“Cyber investigators, North West”\) from 2027-03-01, application app_move/);
    expect(overlappingCommitment([move('2027-03-01')], { applicationId: 'app_move', startDate: '2027-03-01', endDate: null })).toBeUndefined();
  });

  it('commitments are kept in date order, replaced by application, and removed by application', () => {
    const list = withCommitment([move('2027-09-01')], secondment('2027-01-01', '2027-06-30'));
    expect(list.map((c) => c.kind)).toEqual(['secondment', 'move']);
    expect(withCommitment(list, secondment('2027-01-01', '2027-07-31')).find((c) => c.kind === 'secondment')?.endDate).toBe('2027-07-31');
    expect(withoutCommitment(list, 'sec_1').map((c) => c.kind)).toEqual(['move']);
  });
});

describe('the teams one more commitment would take below their minimum', () => {
  const teams = [
    { capabilityId: 'cyber', strength: 10, projected: 8, minimum: 7 },
    { capabilityId: 'digital-forensics', strength: 3, projected: 3, minimum: 3 },
    { capabilityId: 'surveillance', strength: 5, projected: 5, minimum: 0 },
  ];

  it('every capability the officer holds is checked: cyber keeps its minimum, digital forensics does not', () => {
    expect(teamsAtRisk({ capabilities: ['cyber', 'digital-forensics'], committed: false }, teams)).toEqual([
      { capabilityId: 'digital-forensics', strength: 3, projected: 3, projectedAfter: 2, minimum: 3, level: 'critical' },
    ]);
    expect(teamsAtRisk({ capabilities: ['cyber'], committed: false }, teams)).toEqual([]);
  });

  it('a team with no minimum is never at risk; the last holder of a team is a loss', () => {
    expect(teamsAtRisk({ capabilities: ['surveillance'], committed: false }, teams)).toEqual([]);
    expect(teamsAtRisk({ capabilities: ['x'], committed: false }, [{ capabilityId: 'x', strength: 1, projected: 1, minimum: 1 }])[0]?.level).toBe('loss');
  });

  it('an officer already counted out (a commitment ending before this one) moves nothing, so nothing is at risk', () => {
    expect(teamsAtRisk({ capabilities: ['digital-forensics'], committed: true }, teams)).toEqual([]);
  });

  it('an alert leads with the campaign’s own capability when it is at risk, else with the worst team', () => {
    const atRisk = teamsAtRisk({ capabilities: ['cyber', 'digital-forensics'], committed: false }, [{ ...teams[0]!, projected: 7 }, teams[1]!]);
    expect(leadTeam(atRisk, 'cyber')?.capabilityId).toBe('cyber');
    expect(leadTeam(atRisk, 'surveillance')?.capabilityId).toBe('cyber');
    expect(leadTeam(atRisk.slice(1), 'cyber')?.capabilityId).toBe('digital-forensics');
  });
});

describe('posts per allocation of a joint campaign', () => {
  const joint = { ownerOrgId: 'nca', posts: 3, allocations: [{ orgId: 'viper', posts: 2 }] };
  it('a partner holds its allocation; the owner holds every post no allocation names; anyone else holds none', () => {
    expect(allocationPosts(joint, 'viper')).toBe(2);
    expect(allocationPosts(joint, 'nca')).toBe(1);
    expect(allocationPosts(joint, 'titan')).toBeUndefined();
    expect(allocationPosts({ ...joint, allocations: [] }, 'nca')).toBe(3);
  });
});
