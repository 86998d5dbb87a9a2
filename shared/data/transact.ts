import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { UnprocessableError, type AppError } from '../errors';
import { documentClient } from './client';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One action of a transaction, and the error a person should see if its condition is what failed. */
export interface GuardedAction {
  action: TransactItem;
  onConditionFailed?: () => AppError;
}

/** DynamoDB's own limits on one TransactWriteItems call: 100 actions, 4 MB in all. */
export const MAX_TRANSACTION_ACTIONS = 100;
export const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;

/**
 * A planned transaction's size: its actions, and its bytes as JSON (items,
 * keys, expressions and values), which is at least what DynamoDB counts
 * (its attribute sizes are names plus values, without JSON's quotes and
 * punctuation), so a plan that fits here fits there.
 */
function transactionSize(actions: readonly GuardedAction[]): { actions: number; bytes: number } {
  return { actions: actions.length, bytes: actions.reduce((n, a) => n + Buffer.byteLength(JSON.stringify(a.action)), 0) };
}

/**
 * Refuse, before anything is written, a change DynamoDB could not make in one
 * transaction: 422 in the error shape, saying how big it is and, in `reduce`,
 * what the caller can make smaller. Every transaction passes here
 * (`transactWrite`); a use case whose plan grows with its request or its data
 * calls it as soon as the plan is known, with its own words.
 */
export function checkTransactionBudget(actions: readonly GuardedAction[], reduce = 'Make the change in smaller steps.'): void {
  const size = transactionSize(actions);
  if (size.actions <= MAX_TRANSACTION_ACTIONS && size.bytes <= MAX_TRANSACTION_BYTES) return;
  const over = size.actions > MAX_TRANSACTION_ACTIONS ? `${size.actions} writes (at most ${MAX_TRANSACTION_ACTIONS})` : `${Math.ceil(size.bytes / 1024)} KB (at most ${MAX_TRANSACTION_BYTES / 1024} KB)`;
  throw new UnprocessableError(`This change is too large to make at once: it needs ${over} in one transaction. ${reduce}`, [
    { field: 'transaction', message: `${size.actions} writes, ${size.bytes} bytes`, actions: size.actions, bytes: size.bytes },
  ]);
}

/**
 * Run actions as one TransactWriteItems, or refuse them with a 422 before
 * writing anything if they would not fit in one (`checkTransactionBudget`;
 * `reduce` says what to make smaller). When DynamoDB cancels it because a
 * condition failed, throw the error the failing action names, so a caller
 * learns *which* rule stopped the change (unknown capability, stale version,
 * team at its minimum) rather than a generic conflict.
 */
export async function transactWrite(actions: GuardedAction[], options: { maxAttempts?: number; reduce?: string } = {}): Promise<void> {
  if (actions.length === 0) return;
  checkTransactionBudget(actions, options.reduce);
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
