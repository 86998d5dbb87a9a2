import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkTransactionBudget, MAX_TRANSACTION_ACTIONS, transactWrite, type GuardedAction } from '../../shared/data/transact';
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

  it('a transaction DynamoDB could not take is a 422 saying what to reduce, and nothing is sent', async () => {
    const many: GuardedAction[] = Array.from({ length: MAX_TRANSACTION_ACTIONS + 1 }, (_, i) => ({ action: { Put: { TableName: 't', Item: { pk: `p${i}`, sk: 's' } } } }));
    await expect(transactWrite(many, { reduce: 'Name fewer partners.' })).rejects.toMatchObject({ status: 422, code: 'unprocessable', message: expect.stringMatching(/101 writes.*Name fewer partners\.$/) });
    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 0);
    expect(() => checkTransactionBudget(many.slice(0, MAX_TRANSACTION_ACTIONS))).not.toThrow();
  });
});
