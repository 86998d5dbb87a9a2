import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Identity } from '../http/identity';
import { newId, nowIso } from '../ids';
import { documentClient, tableName } from './client';
import { keys } from './keys';
import { decodeCursor, encodeCursor, type Page } from './paging';
import type { GuardedAction } from './transact';

export interface Actor {
  sub: string;
  org: string;
  roles: string[];
  /** Who they are, as their token named them when they acted; entries written before names were kept have none. */
  name?: string;
}

export function actorOf(identity: Identity): Actor {
  return { sub: identity.sub, org: identity.org, roles: [...identity.roles], ...(identity.name ? { name: identity.name } : {}) };
}

/** The actor for changes the service makes by itself (seed, scheduled jobs). */
export const SYSTEM_ACTOR: Actor = { sub: 'system', org: 'system', roles: [] };

export interface AuditEntry {
  id: string;
  entityType: string;
  entityId: string;
  action: string;
  actor: Actor;
  at: string;
  note?: string;
  /** Organisations involved: who may read this entry. */
  orgIds: string[];
  changes?: Record<string, unknown>;
}

/**
 * An audit entry as a Put that rides in the same transaction as the change it
 * records. The condition makes the entry write-once: nothing overwrites it, and
 * no API route updates or deletes audit items.
 */
export function auditAction(input: Omit<AuditEntry, 'id' | 'at'> & { at?: string }): GuardedAction {
  const at = input.at ?? nowIso();
  const id = newId('aud');
  const entry: AuditEntry = { ...input, id, at };
  return {
    action: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.audit(input.entityType, input.entityId, at, id), entity: 'audit', ...entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  };
}

export async function listAudit(
  entityType: string,
  entityId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<AuditEntry>> {
  const pk = keys.auditPartition(entityType, entityId);
  const result = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, { attribute: 'pk', value: pk }),
    }),
  );
  const items = (result.Items ?? []).map(({ pk: _pk, sk: _sk, entity: _e, ...rest }) => rest as AuditEntry);
  return { items, cursor: encodeCursor(result.LastEvaluatedKey) };
}
