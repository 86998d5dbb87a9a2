import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { serviceRoutes } from '../../shared/api/routes/service.routes';
import { documentClient, tableName } from '../../shared/data/client';
import { defineHandler } from '../../shared/http/handler';

/** Healthy means the table answers: one GetItem of a key that never holds data. */
export const handler = defineHandler(serviceRoutes.getHealth, async () => {
  await documentClient().send(new GetCommand({ TableName: tableName(), Key: { pk: 'HEALTH', sk: 'HEALTH' } }));
  return { status: 'ok' as const, table: 'reachable' as const, time: new Date().toISOString() };
});
