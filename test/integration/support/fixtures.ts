import { SYSTEM_ACTOR } from '../../../shared/data/audit.repository';
import { createCapability, updateBaseline } from '../../../shared/data/capability.repository';
import { createOfficer } from '../../../shared/data/officer.repository';
import { putOrganisation } from '../../../shared/data/organisation.repository';
import type { CreateOfficerInput, Officer } from '../../../shared/schemas/officer.schema';
import type { Organisation } from '../../../shared/schemas/organisation.schema';

const ORGS: Organisation[] = [
  { id: 'nca', name: 'National Crime Agency', type: 'agency', region: null, forces: [], parentOrgId: null, regions: ['north-west', 'london'] },
  { id: 'titan', name: 'TITAN', type: 'rocu', region: 'north-west', forces: ['greater-manchester', 'merseyside'], parentOrgId: null, regions: ['north-west'] },
  { id: 'ersou', name: 'ERSOU', type: 'rocu', region: 'east-of-england', forces: ['essex'], parentOrgId: null, regions: ['east-of-england'] },
  { id: 'viper', name: 'VIPER', type: 'rocu', region: 'west-midlands', forces: [], parentOrgId: null, regions: ['west-midlands'] },
  { id: 'greater-manchester', name: 'Greater Manchester Police', type: 'force', region: 'north-west', forces: [], parentOrgId: 'titan', regions: ['north-west'] },
  { id: 'merseyside', name: 'Merseyside Police', type: 'force', region: 'north-west', forces: [], parentOrgId: 'titan', regions: ['north-west'] },
  { id: 'essex', name: 'Essex Police', type: 'force', region: 'east-of-england', forces: [], parentOrgId: 'ersou', regions: ['east-of-england'] },
];

/** A small reference set: enough organisations and capabilities for a test to tell scopes apart. */
export async function seedReference(): Promise<void> {
  await Promise.all(ORGS.map(putOrganisation));
  for (const c of [
    { id: 'cyber', name: 'Cyber-crime investigation' },
    { id: 'surveillance', name: 'Surveillance' },
    { id: 'digital-forensics', name: 'Digital forensics' },
  ]) {
    await createCapability(c, SYSTEM_ACTOR);
  }
}

export async function setBaseline(orgId: string, capabilityId: string, minimum: number, establishment = minimum + 2): Promise<void> {
  await updateBaseline(orgId, capabilityId, { minimum, establishment }, { version: 0, via: 'body' }, SYSTEM_ACTOR);
}

let counter = 0;
export async function makeOfficer(overrides: Partial<CreateOfficerInput> = {}): Promise<Officer> {
  counter += 1;
  return createOfficer(
    {
      name: `Officer ${counter}`,
      homeOrgId: 'titan',
      capabilities: ['cyber'],
      vetting: 'sc',
      pipLevel: 2,
      region: 'north-west',
      ...overrides,
    },
    SYSTEM_ACTOR,
  );
}
