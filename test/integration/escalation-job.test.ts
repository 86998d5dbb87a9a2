import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { alertState, audiencesOf, createAlertActions, getAlert, listInbox, updateAlertActions, type StoredAlert } from '../../shared/data/alert.repository';
import { queryDueAlertIds } from '../../shared/data/alert-due.repository';
import { listAudit } from '../../shared/data/audit.repository';
import { documentClient, tableName } from '../../shared/data/client';
import { keys } from '../../shared/data/keys';
import { transactWrite } from '../../shared/data/transact';
import { respond } from '../../shared/domain/alert-rules';
import { newAlert } from '../../shared/domain/new-alert';
import { newId } from '../../shared/ids';
import { clearSentEvents, sentEvents } from '../../shared/notify/publish-events';
import { drainOutbox } from '../../shared/use-cases/deliver-outbox';
import { escalateDueAlerts, ESCALATION_NOTE } from '../../shared/use-cases/escalate-due-alerts';

/** The job, then the notifier (the table's stream in AWS) delivering what it put in the outbox. */
async function escalateAndNotify(...args: Parameters<typeof escalateDueAlerts>) {
  const run = await escalateDueAlerts(...args);
  await drainOutbox();
  return run;
}

// Raised on Monday 7 December 2026: ten working days later is Monday 21 December, 09:00.
const RAISED = new Date('2026-12-07T09:00:00.000Z');
const BEFORE_DUE = new Date('2026-12-18T17:00:00.000Z');
const AFTER_DUE = new Date('2026-12-21T09:15:00.000Z');

/** An offer-release alert to TITAN's head about a cyber officer the NCA offered, as the offer gate raises it. */
async function raiseAlert(overrides: Partial<StoredAlert> = {}): Promise<StoredAlert> {
  const base = newAlert({
    id: newId('alt'),
    kind: 'offer-release',
    orgId: 'titan',
    region: 'north-west',
    capabilityId: 'cyber',
    campaign: { id: 'cmp_nw_cyber', title: 'Cyber investigators, North West' },
    applicationId: newId('app'),
    officerId: 'off_titan_1',
    level: 'critical',
    strength: 10,
    projected: 7,
    projectedAfter: 6,
    minimum: 7,
    requestedStart: '2027-02-01',
    now: RAISED,
  });
  const alert: StoredAlert = { ...base, audiences: audiencesOf(base, ['nca']), ...overrides };
  await transactWrite(createAlertActions(alert));
  return alert;
}

/** The ROCU head releases the officer: the alert leaves the due index. */
async function answer(alert: StoredAlert): Promise<void> {
  const current = (await getAlert(alert.id))!;
  const t = respond(alertState(current), 'release', {});
  if (!t.ok) throw new Error(t.message);
  await transactWrite(
    updateAlertActions({ ...current, ...t.next, version: current.version + 1, updatedAt: new Date().toISOString() }, { version: current.version, via: 'body' }),
  );
}

const dueIds = async (now: Date) => (await queryDueAlertIds(now, { limit: 100 })).ids;

beforeEach(() => clearSentEvents());

describe('the alert escalation job', () => {
  it('escalates an offer-release alert nobody answered within 10 working days to the ROCC of the region', async () => {
    const alert = await raiseAlert();
    expect(alert.dueAt).toBe('2026-12-21T09:00:00.000Z');
    expect(await dueIds(AFTER_DUE)).toContain(alert.id);

    const run = await escalateAndNotify(AFTER_DUE);
    expect(run.escalatedIds).toContain(alert.id);

    const stored = (await getAlert(alert.id))!;
    expect(stored).toMatchObject({ status: 'escalated', escalationReason: 'timeout', version: 2, updatedAt: AFTER_DUE.toISOString(), dueAt: null });
    // The ROCC has five working days (Christmas and the Boxing Day holiday skipped) before the default outcome applies.
    expect(stored).toMatchObject({ escalatedAt: AFTER_DUE.toISOString(), decideBy: '2026-12-30T09:15:00.000Z' });
    // The head and the HR lead keep it in their inboxes; the ROCC gains it.
    expect(stored.audiences.sort()).toEqual(['hr-lead:nca', 'rocc:north-west', 'rocu-head:titan']);

    const roccInbox = await listInbox(['rocc:north-west'], {}, { limit: 50 });
    expect(roccInbox.items.find((i) => i.id === alert.id)).toMatchObject({ status: 'escalated', orgId: 'titan' });
    const headInbox = await listInbox(['rocu-head:titan'], {}, { limit: 50 });
    expect(headInbox.items.find((i) => i.id === alert.id)).toMatchObject({ status: 'escalated' });

    const audit = await listAudit('alert', alert.id, { limit: 10 });
    expect(audit.items).toEqual([
      expect.objectContaining({ action: 'alert.escalated', actor: { sub: 'system', org: 'system', roles: [] }, note: ESCALATION_NOTE, at: AFTER_DUE.toISOString() }),
    ]);
    expect(audit.items[0]!.orgIds.sort()).toEqual(['nca', 'titan']);

    expect(await dueIds(AFTER_DUE)).not.toContain(alert.id);
    // The item is on the due index under the ROCC's deadline now, not the head's.
    const raw = await documentClient().send(new GetCommand({ TableName: tableName(), Key: keys.alert(alert.id), ConsistentRead: true }));
    expect(raw.Item).toMatchObject({ gsi3pk: 'DUE#ALERT', gsi3sk: `2026-12-30T09:15:00.000Z#${alert.id}` });
    expect(await dueIds(new Date('2026-12-30T09:15:00.000Z'))).toContain(alert.id);

    const events = sentEvents().filter((e) => e.subject.id === alert.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'alert.escalated', at: AFTER_DUE.toISOString(), subject: { type: 'alert', id: alert.id, status: 'escalated' } });
    expect(events[0]!.audiences).toContain('rocc:north-west');
    expect(events[0]!.audiences).toEqual(expect.arrayContaining(['rocu-head:titan', 'hr-lead:nca']));
  });

  it('leaves an alert that is not due yet alone', async () => {
    const alert = await raiseAlert();
    const run = await escalateAndNotify(BEFORE_DUE);
    expect(run.escalatedIds).not.toContain(alert.id);
    expect(await getAlert(alert.id)).toMatchObject({ status: 'open', version: 1, dueAt: alert.dueAt });
    expect(await dueIds(AFTER_DUE)).toContain(alert.id);
    expect((await listAudit('alert', alert.id, { limit: 10 })).items).toEqual([]);
    expect(sentEvents().filter((e) => e.subject.id === alert.id)).toEqual([]);
  });

  it('does not escalate an alert the ROCU head answered in time', async () => {
    const alert = await raiseAlert();
    await answer(alert);
    await escalateAndNotify(AFTER_DUE);
    expect(await getAlert(alert.id)).toMatchObject({ status: 'resolved', outcome: 'released', version: 2 });
    expect(sentEvents().filter((e) => e.subject.id === alert.id)).toEqual([]);
  });

  it('skips an alert the index still lists but that was answered (the index lags the table)', async () => {
    const alert = await raiseAlert();
    await answer(alert);
    // Put the due-index keys back on the answered item: what an eventually consistent index can still show.
    const raw = await documentClient().send(new GetCommand({ TableName: tableName(), Key: keys.alert(alert.id), ConsistentRead: true }));
    await documentClient().send(new PutCommand({ TableName: tableName(), Item: { ...raw.Item, ...keys.alertDue(alert.dueAt!, alert.id) } }));

    const run = await escalateAndNotify(AFTER_DUE);
    expect(run.escalatedIds).not.toContain(alert.id);
    expect(run.skipped).toBeGreaterThanOrEqual(1);
    expect(await getAlert(alert.id)).toMatchObject({ status: 'resolved', version: 2 });
    expect(sentEvents().filter((e) => e.subject.id === alert.id)).toEqual([]);
  });

  it('skips an alert the ROCU head answers while the job is deciding it, and the answer stands', async () => {
    const alert = await raiseAlert();
    const client = documentClient();
    const realSend = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    let answered = false;
    // The head's answer lands between the job's read of the alert and its write.
    vi.spyOn(client, 'send').mockImplementation((async (command: unknown) => {
      const out = await realSend(command);
      if (!answered && command instanceof GetCommand && command.input.Key?.pk === keys.alert(alert.id).pk) {
        answered = true;
        await answer(alert);
      }
      return out;
    }) as never);
    try {
      const run = await escalateAndNotify(AFTER_DUE);
      expect(answered).toBe(true);
      expect(run.escalatedIds).not.toContain(alert.id);
      expect(run.failed).toBe(0);
    } finally {
      vi.restoreAllMocks();
    }
    expect(await getAlert(alert.id)).toMatchObject({ status: 'resolved', outcome: 'released', version: 2 });
    expect((await listAudit('alert', alert.id, { limit: 10 })).items).toEqual([]);
    expect(sentEvents().filter((e) => e.subject.id === alert.id)).toEqual([]);
  });

  it('escalates an alert once however often, and however concurrently, it runs', async () => {
    const alert = await raiseAlert();
    const [a, b] = await Promise.all([escalateDueAlerts(AFTER_DUE), escalateDueAlerts(AFTER_DUE)]);
    const again = await escalateAndNotify(new Date(AFTER_DUE.getTime() + 15 * 60_000));
    const times = [a, b, again].filter((r) => r.escalatedIds.includes(alert.id)).length;
    expect(times).toBe(1);
    expect(await getAlert(alert.id)).toMatchObject({ status: 'escalated', version: 2 });
    expect((await listAudit('alert', alert.id, { limit: 10 })).items).toHaveLength(1);
    expect(sentEvents().filter((e) => e.subject.id === alert.id)).toHaveLength(1);
    expect(a.failed + b.failed + again.failed).toBe(0);
  });

  it('works through more due alerts than one page, and stops at its bound', async () => {
    const alerts = await Promise.all(Array.from({ length: 5 }, () => raiseAlert({ orgId: 'ersou', region: 'east-of-england' })));
    const first = await escalateAndNotify(AFTER_DUE, { pageSize: 2, maxAlerts: 3 });
    expect(first.examined).toBe(3);
    expect(first.more).toBe(true);
    await escalateAndNotify(AFTER_DUE, { pageSize: 2 });
    for (const alert of alerts) expect(await getAlert(alert.id)).toMatchObject({ status: 'escalated' });
    const roccInbox = await listInbox(['rocc:east-of-england'], {}, { limit: 50 });
    expect(roccInbox.items.map((i) => i.id).sort()).toEqual(alerts.map((a) => a.id).sort());
  });
});
