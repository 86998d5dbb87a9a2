import { getAlert, listInbox, type InboxFilter, type StoredAlert } from '../data/alert.repository';
import { listAudit, type AuditEntry } from '../data/audit.repository';
import type { Page } from '../data/paging';
import { audiencesFor, canReadAlert } from '../domain/access';
import { NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { AlertSummary } from '../schemas/alert.schema';

/**
 * An alert with its decision history, for the audiences it was raised for
 * (`canReadAlert`); to anyone else it is not found. GetItem ∥ Query of its
 * audit partition.
 */
export async function readAlert(identity: Identity, alertId: string): Promise<StoredAlert & { history: AuditEntry[] }> {
  const [alert, history] = await Promise.all([getAlert(alertId), listAudit('alert', alertId, { limit: 100 })]);
  if (!alert || !canReadAlert(identity, alert)) throw new NotFoundError(`No alert ${alertId}.`);
  return { ...alert, history: history.items };
}

/** The caller's alerts across the inboxes they may read (`audiencesFor`): one Query per inbox, in parallel. */
export async function listAlertInbox(identity: Identity, query: InboxFilter & { limit: number; cursor?: string }): Promise<Page<AlertSummary>> {
  return listInbox(audiencesFor(identity), { status: query.status, kind: query.kind, campaignId: query.campaignId }, query);
}
