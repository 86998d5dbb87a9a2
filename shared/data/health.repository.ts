import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client';
import { keys } from './keys';

/** Whether the table answers: one GetItem of a key that never holds data (throws when it does not). */
export async function pingTable(): Promise<void> {
  await documentClient().send(new GetCommand({ TableName: tableName(), Key: keys.healthProbe }));
}
