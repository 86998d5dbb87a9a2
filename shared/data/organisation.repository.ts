import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Organisation } from '../schemas/organisation.schema';
import { documentClient, tableName } from './client';
import { keys } from './keys';
import { queryAll } from './query-all';
import type { GuardedAction } from './transact';

function fromItem(item: Record<string, unknown>): Organisation {
  return {
    id: item.id as string,
    name: item.name as string,
    type: item.type as Organisation['type'],
    region: (item.region as Organisation['region']) ?? null,
    forces: (item.forces as string[]) ?? [],
    parentOrgId: (item.parentOrgId as string | null) ?? null,
    regions: (item.regions as Organisation['regions']) ?? [],
  };
}

/** All organisations (about fifty): one Query of the reference partition. */
export async function listOrganisations(): Promise<Organisation[]> {
  const items = await queryAll({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.organisationsPartition },
  });
  return items.map(fromItem);
}

export async function getOrganisation(orgId: string): Promise<Organisation | undefined> {
  const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: keys.organisation(orgId) }));
  return out.Item ? fromItem(out.Item) : undefined;
}

/** Create or refresh reference data (seed only; no route writes organisations). */
export async function putOrganisation(org: Organisation): Promise<void> {
  await documentClient().send(
    new PutCommand({ TableName: tableName(), Item: { ...keys.organisation(org.id), entity: 'organisation', ...org } }),
  );
}

/** A transaction guard: the organisation exists. */
export function organisationExists(orgId: string, onMissing: GuardedAction['onConditionFailed']): GuardedAction {
  return {
    action: {
      ConditionCheck: { TableName: tableName(), Key: keys.organisation(orgId), ConditionExpression: 'attribute_exists(pk)' },
    },
    onConditionFailed: onMissing,
  };
}
