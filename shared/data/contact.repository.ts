import { BatchGetCommand, PutCommand, type BatchGetCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client';
import { keys } from './keys';

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

export async function putContact(audience: string, emails: readonly string[]): Promise<void> {
  // A plain overwrite: the directory holds the current list, nothing to merge.
  await documentClient().send(
    new PutCommand({ TableName: tableName(), Item: { ...keys.contact(audience), entity: 'contact', audience, emails: [...emails] } }),
  );
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
