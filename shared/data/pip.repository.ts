import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { EvidenceNote, PipSignOff } from '../schemas/pip.schema';
import type { AppError } from '../errors';
import { documentClient, tableName } from './client';
import { pipKeys, secondmentKeys } from './keys';
import type { GuardedAction } from './transact';

/** Evidence notes and sign-offs kept on one record; more would push the item towards DynamoDB's 400 KB. */
export const MAX_EVIDENCE_NOTES = 100;

export interface StoredPipRecord {
  officerId: string;
  assessor: { sub: string; name: string; orgId: string } | null;
  developmentStartedOn: string | null;
  accreditedOn: string | null;
  evidence: EvidenceNote[];
  signOffs: PipSignOff[];
  /** 0 while no item exists. */
  version: number;
  updatedAt: string | null;
}

function emptyPipRecord(officerId: string): StoredPipRecord {
  return { officerId, assessor: null, developmentStartedOn: null, accreditedOn: null, evidence: [], signOffs: [], version: 0, updatedAt: null };
}

function fromItem(item: Record<string, unknown>): StoredPipRecord {
  return {
    officerId: item.officerId as string,
    assessor: (item.assessor as StoredPipRecord['assessor']) ?? null,
    developmentStartedOn: (item.developmentStartedOn as string | undefined) ?? null,
    accreditedOn: (item.accreditedOn as string | undefined) ?? null,
    evidence: (item.evidence as EvidenceNote[] | undefined) ?? [],
    signOffs: (item.signOffs as PipSignOff[] | undefined) ?? [],
    version: Number(item.version ?? 0),
    updatedAt: (item.updatedAt as string | undefined) ?? null,
  };
}

export async function getPipRecord(officerId: string, consistent = false): Promise<StoredPipRecord> {
  const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: pipKeys.record(officerId), ConsistentRead: consistent }));
  return out.Item ? fromItem(out.Item) : emptyPipRecord(officerId);
}

/**
 * Save the record as the next version, on the condition that it is still the
 * version read (version 0: that no record exists yet). Rides in the caller's
 * transaction with the officer Put and the audit entry.
 */
export function savePipRecordAction(before: StoredPipRecord, after: StoredPipRecord, onStale: () => AppError): GuardedAction {
  return {
    action: {
      Put: {
        TableName: tableName(),
        Item: { ...pipKeys.record(after.officerId), entity: 'pip-record', ...after, version: before.version + 1 },
        ...(before.version === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': before.version } }),
      },
    },
    onConditionFailed: onStale,
  };
}

/** A transaction guard: the secondment the sign-off rests on is (still) completed. */
export function secondmentCompletedCheck(applicationId: string, onFail: () => AppError): GuardedAction {
  return {
    action: {
      ConditionCheck: {
        TableName: tableName(),
        Key: secondmentKeys.secondment(applicationId),
        ConditionExpression: '#status = :completed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':completed': 'completed' },
      },
    },
    onConditionFailed: onFail,
  };
}
