/**
 * The demo contacts directory: who is emailed for each inbox audience. Every
 * ROCU's head and HR lead, the NCA's HR lead and each region's ROCC get a
 * team mailbox; the audiences the demo personas act for also list the
 * persona by name, so the local outbox shows the person a demo signs in as.
 */
import { putContact } from '../../shared/data/contact.repository';
import { REGIONS } from '../../shared/domain/reference';
import { PERSONAS } from './personas';
import { ROCU_DEFINITIONS } from './reference-data';

const NCA_DOMAIN = 'nca.gov.uk';

function domainOf(orgId: string): string {
  return orgId === 'nca' ? NCA_DOMAIN : `${orgId}.police.uk`;
}

function personalAddress(name: string, orgId: string): string {
  const local = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z\s-]/g, '')
    .trim()
    .split(/\s+/)
    .join('.');
  return `${local}@${domainOf(orgId)}`;
}

/** Audience → addresses, team mailbox first. */
export function demoContacts(): Map<string, string[]> {
  const contacts = new Map<string, string[]>();
  for (const rocu of ROCU_DEFINITIONS) {
    contacts.set(`rocu-head:${rocu.id}`, [`head-of-unit@${domainOf(rocu.id)}`]);
    contacts.set(`hr-lead:${rocu.id}`, [`recruitment@${domainOf(rocu.id)}`]);
  }
  contacts.set('hr-lead:nca', [`workforce.recruitment@${NCA_DOMAIN}`]);
  for (const region of REGIONS) contacts.set(`rocc:${region}`, [`rocc.${region}@${NCA_DOMAIN}`]);

  for (const persona of PERSONAS) {
    const audiences = [
      ...(persona.roles.includes('rocu-head') ? [`rocu-head:${persona.org}`] : []),
      ...(persona.roles.includes('hr-lead') ? [`hr-lead:${persona.org}`] : []),
      ...(persona.roles.includes('rocc') ? (persona.regions ?? []).map((r) => `rocc:${r}`) : []),
    ];
    for (const audience of audiences) contacts.get(audience)?.push(personalAddress(persona.name, persona.org));
  }
  return contacts;
}

/** Write the directory: plain Puts, so running it again changes nothing. */
export async function seedContacts(): Promise<number> {
  const contacts = demoContacts();
  await Promise.all([...contacts].map(([audience, emails]) => putContact(audience, emails)));
  return contacts.size;
}
