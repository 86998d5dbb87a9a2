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

export function cyberCampaign(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Cyber investigators, North West',
    capabilityId: 'cyber',
    ownerOrgId: 'nca',
    regions: ['north-west'],
    posts: 6,
    opensOn: '2027-01-04',
    closesOn: '2027-02-26',
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
