import { BatchGetCommand, PutCommand, type BatchGetCommandInput } from '@aws-sdk/lib-dynamodb';
import { nowIso } from '../ids';
import { auditAction, type Actor } from './audit.repository';
import { documentClient, tableName } from './client';
import { staleVersionError, type ExpectedVersion } from './expected-version';
import { keys } from './keys';
import { transactWrite } from './transact';

/**
 * The contacts directory: who is emailed for an inbox audience
 * (`rocu-head:titan`, `hr-lead:nca`, `rocc:north-west`). One small item per
 * audience, kept by administrators (seeded locally); the notifier reads the
 * audiences of an event in one BatchGetItem.
 */

const OFFICER_AUDIENCE = 'officer:';

/** An officer is emailed at the address on their own record; every other audience through its contact item. */
function directoryKey(audience: string): Record<string, unknown> {
  return audience.startsWith(OFFICER_AUDIENCE) ? keys.officer(audience.slice(OFFICER_AUDIENCE.length)) : keys.contact(audience);
}

/** BatchGetItem takes at most 100 keys. */
const MAX_BATCH_KEYS = 100;
/** Rounds for keys DynamoDB returned unprocessed (throttling); a few, with a short backoff. */
const MAX_ROUNDS = 4;

type Key = Record<string, unknown>;

/** Seed the directory: a plain overwrite (the seed's list is the current one), as version 1. */
export async function putContact(audience: string, emails: readonly string[]): Promise<void> {
  await documentClient().send(
    new PutCommand({ TableName: tableName(), Item: { ...keys.contact(audience), entity: 'contact', audience, emails: [...emails], version: 1 } }),
  );
}

/** One audience's entry as the administrators' pages show it; version 0 when nobody has set it. */
export interface ContactEntry {
  audience: string;
  emails: string[];
  version: number;
  updatedAt: string | null;
}

/**
 * The entries of these audiences (one BatchGetItem per 100, unprocessed keys
 * retried); an audience with no item comes back empty, at version 0. An item
 * the seed wrote before contacts had versions reads as version 1.
 */
export async function listContactEntries(audiences: readonly string[]): Promise<ContactEntry[]> {
  const found = new Map<string, ContactEntry>();
  for (let i = 0; i < audiences.length; i += MAX_BATCH_KEYS) {
    let keysLeft: Key[] = audiences.slice(i, i + MAX_BATCH_KEYS).map(keys.contact);
    for (let round = 1; keysLeft.length > 0; round++) {
      const out = await documentClient().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keysLeft } } }));
      for (const item of out.Responses?.[tableName()] ?? []) {
        const emails = Array.isArray(item.emails) ? item.emails.filter((e): e is string => typeof e === 'string') : [];
        found.set(String(item.audience), {
          audience: String(item.audience),
          emails,
          version: Number(item.version ?? 1),
          updatedAt: typeof item.updatedAt === 'string' ? item.updatedAt : null,
        });
      }
      keysLeft = (out.UnprocessedKeys?.[tableName()]?.Keys ?? []) as Key[];
      if (keysLeft.length && round >= MAX_ROUNDS) throw new Error(`contacts: ${keysLeft.length} key(s) still unprocessed after ${round} rounds`);
      if (keysLeft.length) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** round));
    }
  }
  return audiences.map((a) => found.get(a) ?? { audience: a, emails: [], version: 0, updatedAt: null });
}

/**
 * Replace an audience's addresses. Primary course: one transaction Puts the
 * entry on the condition that its version is still the one the administrator
 * read (0: no entry yet; 1 also matches an entry the seed wrote without a
 * version), and writes the audit entry, readable by the organisation's own
 * staff and the administrators.
 */
export async function saveContactEntry(
  audience: string,
  emails: readonly string[],
  expected: ExpectedVersion,
  actor: Actor,
  orgIds: string[],
  now = nowIso(),
): Promise<ContactEntry> {
  const entry: ContactEntry = { audience, emails: [...emails], version: expected.version + 1, updatedAt: now };
  const condition =
    expected.version === 0
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : expected.version === 1
        ? { ConditionExpression: 'attribute_exists(pk) AND (version = :expected OR attribute_not_exists(version))', ExpressionAttributeValues: { ':expected': 1 } }
        : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expected.version } };
  await transactWrite([
    {
      action: { Put: { TableName: tableName(), Item: { ...keys.contact(audience), entity: 'contact', ...entry }, ...condition } },
      onConditionFailed: () => staleVersionError(`contact list for ${audience}`, expected),
    },
    auditAction({ entityType: 'contact', entityId: audience, action: 'contact.updated', actor, orgIds, changes: { emails: entry.emails }, at: now }),
  ]);
  return entry;
}

/**
 * The email addresses of each audience that has any: a contact item's list,
 * or for `officer:<id>` the officer record's email. Audiences with neither
 * are simply absent from the map: nobody to email there.
 */
export async function getContacts(audiences: readonly string[]): Promise<Map<string, string[]>> {
  const unique = [...new Set(audiences)];
  const found = new Map<string, string[]>();
  for (let i = 0; i < unique.length; i += MAX_BATCH_KEYS) {
    let keysLeft: Key[] = unique.slice(i, i + MAX_BATCH_KEYS).map(directoryKey);
    for (let round = 1; keysLeft.length > 0; round++) {
      const input: BatchGetCommandInput = {
        RequestItems: {
          [tableName()]: { Keys: keysLeft, ProjectionExpression: '#audience, emails, id, email, entity', ExpressionAttributeNames: { '#audience': 'audience' } },
        },
      };
      const out = await documentClient().send(new BatchGetCommand(input));
      for (const item of out.Responses?.[tableName()] ?? []) {
        if (item.entity === 'officer') {
          if (typeof item.email === 'string' && item.email) found.set(`${OFFICER_AUDIENCE}${String(item.id)}`, [item.email]);
          continue;
        }
        const emails = Array.isArray(item.emails) ? item.emails.filter((e): e is string => typeof e === 'string') : [];
        if (typeof item.audience === 'string' && emails.length) found.set(item.audience, emails);
      }
      keysLeft = (out.UnprocessedKeys?.[tableName()]?.Keys ?? []) as Key[];
      if (keysLeft.length && round >= MAX_ROUNDS) throw new Error(`contacts: ${keysLeft.length} key(s) still unprocessed after ${round} rounds`);
      if (keysLeft.length) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** round));
    }
  }
  return found;
}
