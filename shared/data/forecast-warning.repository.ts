import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LiveWarning } from '../domain/forecast-warning';
import { ConflictError } from '../errors';
import { createAlertActions, updateAlertActions, type StoredAlert } from './alert.repository';
import { documentClient, tableName } from './client';
import { keys } from './keys';
import type { GuardedAction } from './transact';

/** A unit's live forecast warnings: one Query of its partition (`FORECAST-WARNING#`), one item per team warned. */
export async function listLiveWarnings(orgId: string): Promise<LiveWarning[]> {
  const out = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': keys.orgPartition(orgId), ':sk': keys.forecastWarningPrefix },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map((i) => ({ capabilityId: String(i.capabilityId), alertId: String(i.alertId), month: String(i.month) }));
}

/**
 * A new forecast warning: the alert (refused if an alert for this team and
 * month was ever raised: its id is derived from them) and its inbox entries,
 * and the team's live-warning item, written together.
 */
export function raiseWarningActions(alert: StoredAlert, month: string): GuardedAction[] {
  const [put, ...inbox] = createAlertActions(alert);
  return [
    { ...put!, onConditionFailed: () => new ConflictError(`A forecast warning for ${alert.orgId} ${alert.capabilityId} in ${month} was raised before.`) },
    ...inbox,
    { action: { Put: { TableName: tableName(), Item: { ...keys.forecastWarning(alert.orgId, alert.capabilityId), entity: 'forecast-warning', orgId: alert.orgId, capabilityId: alert.capabilityId, alertId: alert.id, month } } } },
  ];
}

/**
 * A warning that no longer stands: the alert resolved (conditioned on the
 * version read; nothing when a head already acknowledged it) and the team's
 * live-warning item deleted, if it still names this alert.
 */
export function endWarningActions(orgId: string, capabilityId: string, alertId: string, resolved: StoredAlert | undefined, readVersion: number): GuardedAction[] {
  return [
    ...(resolved ? updateAlertActions(resolved, { version: readVersion, via: 'body' }) : []),
    {
      action: {
        Delete: {
          TableName: tableName(),
          Key: keys.forecastWarning(orgId, capabilityId),
          ConditionExpression: 'attribute_not_exists(pk) OR alertId = :id',
          ExpressionAttributeValues: { ':id': alertId },
        },
      },
      onConditionFailed: () => new ConflictError(`The forecast warning of ${orgId} ${capabilityId} changed meanwhile.`),
    },
  ];
}
