import { SYSTEM_ACTOR } from '../../../shared/data/audit.repository';
import { createCampaign } from '../../../shared/data/campaign.repository';
import { addDays, todayIso } from '../../../shared/domain/working-days';
import { newId, nowIso } from '../../../shared/ids';
import type { Campaign } from '../../../shared/schemas/campaign.schema';
import { makeOfficer, setBaseline } from './fixtures';

/** TITAN's cyber team as in the brief: strength 10, minimum 7, nine SC + PIP2, one NPPV3 + PIP1; ERSOU's: 12, minimum 4. */
export async function seedTitanStory(): Promise<{ titanCyber: string[]; ersouCyber: string[] }> {
  await setBaseline('titan', 'cyber', 7, 12);
  await setBaseline('ersou', 'cyber', 4, 14);
  const titanCyber: string[] = [];
  for (let i = 0; i < 10; i++) {
    const o = await makeOfficer({ homeOrgId: 'titan', region: 'north-west', capabilities: ['cyber'], ...(i === 9 ? { vetting: 'nppv3', pipLevel: 1 } : { vetting: 'sc', pipLevel: 2 }) });
    titanCyber.push(o.id);
  }
  const ersouCyber: string[] = [];
  for (let i = 0; i < 12; i++) {
    const o = await makeOfficer({ homeOrgId: 'ersou', region: 'east-of-england', capabilities: ['cyber'], vetting: 'sc', pipLevel: 2 });
    ersouCyber.push(o.id);
  }
  return { titanCyber, ersouCyber };
}

/**
 * An application window around today: a campaign published with it takes
 * applications now (opened a week ago, closes in eight weeks), whatever day
 * the tests run on.
 */
export function applyingNow(): { opensOn: string; closesOn: string } {
  const today = todayIso();
  return { opensOn: addDays(today, -7), closesOn: addDays(today, 56) };
}

export function cyberCampaign(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Cyber investigators, North West',
    capabilityId: 'cyber',
    ownerOrgId: 'nca',
    regions: ['north-west'],
    posts: 6,
    ...applyingNow(),
    roleProfile: {
      jobDescription: 'Investigate cyber-dependent crime with the National Cyber Crime Unit.',
      terms: 'NCA terms and conditions; relocation package available.',
      grade: 'G4',
      salaryBand: '£45,000–£52,000',
      vetting: 'sc',
      minPipLevel: 2,
      locations: ['Manchester'],
    },
    ...overrides,
  };
}

/**
 * An open campaign written straight to the table, for tests of what happens
 * after publication (the campaign routes have their own tests).
 */
export async function openCampaign(overrides: Partial<Campaign> = {}): Promise<Campaign> {
  const now = nowIso();
  return createCampaign(
    {
      id: newId('cmp'),
      title: 'Cyber investigators, North West',
      capabilityId: 'cyber',
      ownerOrgId: 'nca',
      partnerOrgIds: [],
      regions: ['north-west'],
      posts: 6,
      allocations: [],
      ...applyingNow(),
      maxAppointmentsPerSource: null,
      sourceCaps: {},
      roleProfile: { jobDescription: 'Investigate cyber crime', terms: 'Permanent', grade: 'G4', salaryBand: 'B', vetting: 'sc', minPipLevel: 2, locations: ['Manchester'] },
      status: 'open',
      consultation: {},
      coordination: [],
      version: 1,
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
      ...overrides,
    },
    SYSTEM_ACTOR,
  );
}
