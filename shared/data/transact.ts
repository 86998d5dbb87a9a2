import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AppError } from '../errors';
import { documentClient } from './client';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One action of a transaction, and the error a person should see if its condition is what failed. */
export interface GuardedAction {
  action: TransactItem;
  onConditionFailed?: () => AppError;
}

/** DynamoDB's own limit on one TransactWriteItems call. */
export const MAX_TRANSACTION_ACTIONS = 100;

/**
 * Run actions as one TransactWriteItems. When DynamoDB cancels it because a
 * condition failed, throw the error the failing action names, so a caller
 * learns *which* rule stopped the change (unknown capability, stale version,
 * team at its minimum) rather than a generic conflict.
 */
export async function transactWrite(actions: GuardedAction[], options: { maxAttempts?: number } = {}): Promise<void> {
  if (actions.length === 0) return;
  if (actions.length > MAX_TRANSACTION_ACTIONS) {
    throw new Error(`transaction of ${actions.length} actions exceeds DynamoDB's limit`);
  }
  const maxAttempts = options.maxAttempts ?? 4;
  for (let attempt = 1; ; attempt++) {
    try {
      await documentClient().send(new TransactWriteCommand({ TransactItems: actions.map((a) => a.action) }));
      return;
    } catch (err) {
      if (!(err instanceof TransactionCanceledException || (err as Error).name === 'TransactionCanceledException')) throw err;
      const reasons = (err as TransactionCanceledException).CancellationReasons ?? [];
      for (const [i, reason] of reasons.entries()) {
        if (reason.Code === 'ConditionalCheckFailed') {
          const mapped = actions[i]?.onConditionFailed?.();
          if (mapped) throw mapped;
        }
      }
      // Another transaction held one of the same items (a hot baseline counter during an
      // import, say). No condition failed, so the same transaction is safe to run again.
      const conflictOnly = reasons.length > 0 && reasons.every((r) => r.Code === 'None' || r.Code === 'TransactionConflict');
      if (!conflictOnly || attempt >= maxAttempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt + Math.random() * 50));
    }
  }
}
