import { actorOf } from '../data/audit.repository';
import { listContactEntries, saveContactEntry } from '../data/contact.repository';
import type { ExpectedVersion } from '../data/expected-version';
import { listOrganisations } from '../data/organisation.repository';
import { contactAudiences, findAudience } from '../domain/contacts';
import { NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { Contact } from '../schemas/contact.schema';

/**
 * The notification contacts directory for administrators: every audience
 * the notifier can address (from the organisations: one Query), with its
 * addresses (one BatchGetItem per 100 audiences; about 75 today, so one).
 */
export async function listContacts(): Promise<{ items: Contact[] }> {
  const audiences = contactAudiences(await listOrganisations());
  const entries = await listContactEntries(audiences.map((a) => a.audience));
  return { items: audiences.map((a, i) => ({ ...a, ...entries[i]! })) };
}

/**
 * An administrator replaces who is emailed for one audience. Primary course:
 * the audience must be one the directory has (a ROCU's head, an
 * organisation's HR lead, a region's ROCC); one transaction Puts the entry on
 * the version read and writes the audit entry (involving the organisation,
 * so its staff can read it). Two round trips: the organisations, the write.
 */
export async function setContact(identity: Identity, audience: string, emails: string[], expected: ExpectedVersion): Promise<Contact> {
  const found = findAudience(audience, await listOrganisations());
  if (!found) throw new NotFoundError(`No contact list "${audience}": it names no ROCU head, organisation's HR lead or region's ROCC.`);
  const entry = await saveContactEntry(audience, emails, expected, actorOf(identity), found.orgId ? [found.orgId] : []);
  return { ...found, ...entry };
}
