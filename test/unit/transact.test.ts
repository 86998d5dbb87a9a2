import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { transactWrite } from '../../shared/data/transact';
import { ConflictError } from '../../shared/errors';

const ddb = mockClient(DynamoDBDocumentClient);
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });
const actions = [
  { action: { Put: { TableName: 't', Item: { pk: 'a', sk: 'a' } } }, onConditionFailed: () => new ConflictError('a is taken') },
  { action: { Update: { TableName: 't', Key: { pk: 'b', sk: 'b' }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': 1 } } } },
];

beforeEach(() => ddb.reset());

describe('transactions', () => {
  it('a transaction that only collided with another is tried again and lands', async () => {
    ddb.on(TransactWriteCommand).rejectsOnce(cancelled('None', 'TransactionConflict')).resolves({});
    await transactWrite(actions);
    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 2);
  });

  it('a failed condition is reported as the error its action names, and never retried', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));
    await expect(transactWrite(actions)).rejects.toThrow('a is taken');
    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
  });

  it('gives up after a bounded number of collisions', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'None'));
    await expect(transactWrite(actions, { maxAttempts: 3 })).rejects.toThrow(TransactionCanceledException);
    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 3);
  });
});
