import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler as notifier } from '../../functions/jobs/notify-from-outbox';
import { getApplication } from '../../shared/data/application.repository';
import { keys } from '../../shared/data/keys';
import { pendingOutboxEvents } from '../../shared/data/outbox.repository';
import { addDays, todayIso } from '../../shared/domain/working-days';
import { clearSentEvents, publishEvents, sentEvents } from '../../shared/notify/publish-events';
import { deliverOutboxEvent, drainOutbox } from '../../shared/use-cases/deliver-outbox';
import { makeOffer } from '../../shared/use-cases/make-offer';
import { as, asOfficer, users } from './support/api';
import { openCampaign } from './support/campaigns';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';

// The delivery itself, wrapped so a test can make one attempt fail as a dying process or a failing SES would.
vi.mock('../../shared/notify/publish-events', async (original) => {
  const actual = await original<typeof import('../../shared/notify/publish-events')>();
  return { ...actual, publishEvents: vi.fn(actual.publishEvents) };
});

/**
 * The transactional outbox: an event is written in the same transaction as
 * the change it reports, so a process that dies after the commit loses no
 * event (the notifier delivers it later), and a delivery retried for any
 * reason (a stream batch again, a second drain, a restart) sends it once.
 */
const ncaHr = { sub: 'nca-hr', org: 'nca', roles: ['hr-lead' as const], regions: [] };
const START = addDays(todayIso(), 30);

/** An offer to a TITAN officer at the cyber minimum: held, with an offer-release alert (two events: the alert, the officer's). */
async function heldOfferCommittedWithoutDelivery(): Promise<string> {
  const officer = await makeOfficer({ homeOrgId: 'titan', name: `Held ${Math.random()}` });
  const campaign = await openCampaign({ opensOn: addDays(todayIso(), -1), closesOn: addDays(todayIso(), 30) });
  const applied = await asOfficer(officer).post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'Keen.' });
  await as(users.ncaHr).post(`/v1/applications/${applied.json.id}/shortlist`);
  clearSentEvents();
  // The use case itself, as the Lambda runs it: the process "dies" here, before any notifier runs.
  const app = await makeOffer(ncaHr, applied.json.id, { startDate: START });
  expect(app.status).toBe('awaiting-release');
  return app.id;
}

/**
 * Make the offer in another Node process, which is killed (SIGKILL: no
 * handler, no drain, no flush) the moment its transaction has committed.
 */
function offerInAProcessKilledAfterItsCommit(applicationId: string): Promise<NodeJS.Signals | null> {
  const makeOfferModule = fileURLToPath(new URL('../../shared/use-cases/make-offer.ts', import.meta.url));
  const code =
    `const { makeOffer } = await import(${JSON.stringify(makeOfferModule)}); ` +
    `await makeOffer(${JSON.stringify(ncaHr)}, ${JSON.stringify(applicationId)}, { startDate: ${JSON.stringify(START)} }); ` +
    `process.kill(process.pid, 'SIGKILL');`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      env: { ...process.env, NOTIFY_MODE: 'off', POWERTOOLS_LOG_LEVEL: 'SILENT' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal ? resolve(signal) : reject(new Error(`the offering process exited ${code} instead of being killed: ${err.slice(-1500)}`))));
  });
}

function streamEventOf(items: Record<string, unknown>[]): DynamoDBStreamEvent {
  return {
    Records: items.map((item, i) => ({
      eventName: 'INSERT',
      dynamodb: { NewImage: marshall(item, { removeUndefinedValues: true }) as never, SequenceNumber: String(1000 + i) },
    })),
  } as DynamoDBStreamEvent;
}

const context = { getRemainingTimeInMillis: () => 30_000, functionName: 'notifier', awsRequestId: 'r' } as unknown as Context;

beforeAll(async () => {
  await seedReference();
  // TITAN cyber at its minimum: every offer to a TITAN cyber officer is held.
  await setBaseline('titan', 'cyber', 100, 100);
});

beforeEach(async () => {
  await drainOutbox();
  clearSentEvents();
});

describe('the outbox', () => {
  it('killing the process between a commit and its notification loses no event: a fresh process delivers it, once', async () => {
    const officer = await makeOfficer({ homeOrgId: 'titan', name: 'Killed after commit' });
    const campaign = await openCampaign({ opensOn: addDays(todayIso(), -1), closesOn: addDays(todayIso(), 30) });
    const applied = await asOfficer(officer).post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'Keen.' });
    await as(users.ncaHr).post(`/v1/applications/${applied.json.id}/shortlist`);
    await drainOutbox();
    clearSentEvents();

    expect(await offerInAProcessKilledAfterItsCommit(applied.json.id)).toBe('SIGKILL');
    // The change landed, and its events wait in the outbox: nothing was sent. (Read straight from the table:
    // a request through the local gateway would drain the outbox before answering.)
    expect((await getApplication(applied.json.id))?.status).toBe('awaiting-release');
    expect((await pendingOutboxEvents(100)).map((e) => e.type).sort()).toEqual(['alert.raised', 'offer.held']);
    expect(sentEvents()).toEqual([]);

    // This process is the restart: its first drain delivers both, and a second sends nothing.
    expect(await drainOutbox()).toBe(2);
    expect(sentEvents().map((e) => e.type).sort()).toEqual(['alert.raised', 'offer.held']);
    expect(await drainOutbox()).toBe(0);
    expect(sentEvents()).toHaveLength(2);
    expect(await pendingOutboxEvents(100)).toEqual([]);
  });

  it('a committed change whose process dies before notifying keeps its events; the next drain delivers them, once', async () => {
    const appId = await heldOfferCommittedWithoutDelivery();
    const pending = await pendingOutboxEvents(100);
    expect(pending.map((e) => e.type).sort()).toEqual(['alert.raised', 'offer.held']);
    expect(sentEvents()).toEqual([]);

    expect(await drainOutbox()).toBe(2);
    expect(sentEvents().map((e) => e.type).sort()).toEqual(['alert.raised', 'offer.held']);
    expect(sentEvents().find((e) => e.type === 'offer.held')).toMatchObject({ audiences: [expect.stringMatching(/^officer:/)], subject: { type: 'application', id: appId } });
    expect(await pendingOutboxEvents(100)).toEqual([]);

    // Again, and again at once: nothing more is sent.
    expect(await Promise.all([drainOutbox(), drainOutbox()])).toEqual([0, 0]);
    expect(sentEvents()).toHaveLength(2);
  });

  it('a change that fails writes no event', async () => {
    const officer = await makeOfficer({ homeOrgId: 'titan', name: 'Not shortlisted' });
    const campaign = await openCampaign({ opensOn: addDays(todayIso(), -1), closesOn: addDays(todayIso(), 30) });
    const applied = await asOfficer(officer).post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'Keen.' });
    await expect(makeOffer(ncaHr, applied.json.id, { startDate: START })).rejects.toThrow(/Shortlist the application/);
    expect(await pendingOutboxEvents(100)).toEqual([]);
  });

  it('a delivery that dies part way leaves the event in the outbox, and the next attempt sends it once', async () => {
    await heldOfferCommittedWithoutDelivery();
    const [first] = await pendingOutboxEvents(1);
    vi.mocked(publishEvents).mockRejectedValueOnce(new Error('the process died mid-send'));
    await expect(deliverOutboxEvent(first!)).rejects.toThrow(/mid-send/);
    expect((await pendingOutboxEvents(100)).map((e) => e.id)).toContain(first!.id);
    expect(await drainOutbox()).toBe(2);
    expect(sentEvents().filter((e) => (e as { id?: string }).id === first!.id)).toHaveLength(1);
  });

  it('an email SES refused keeps its event in the outbox, and the next drain delivers it', async () => {
    await heldOfferCommittedWithoutDelivery();
    const [first] = await pendingOutboxEvents(1);
    vi.mocked(publishEvents).mockResolvedValueOnce({ undelivered: 1 });
    await expect(deliverOutboxEvent(first!)).rejects.toThrow(/not delivered/);
    expect((await pendingOutboxEvents(100)).map((e) => e.id)).toContain(first!.id);
    expect(await drainOutbox()).toBe(2);
    expect(await pendingOutboxEvents(100)).toEqual([]);
  });

  it('the stream notifier delivers each event once, however often the batch is retried, and ignores other records', async () => {
    await heldOfferCommittedWithoutDelivery();
    const pending = await pendingOutboxEvents(100);
    const items = pending.map((event) => ({ ...keys.outboxEvent(event.at, event.id), entity: 'outbox-event', event }));
    const batch = streamEventOf([{ pk: 'APP#x', sk: 'APP', entity: 'application' }, ...items]);
    expect(await notifier(batch, context)).toEqual({ batchItemFailures: [] });
    expect(await notifier(batch, context)).toEqual({ batchItemFailures: [] });
    expect(sentEvents().map((e) => e.type).sort()).toEqual(['alert.raised', 'offer.held']);
    expect(await pendingOutboxEvents(100)).toEqual([]);
  });

  it('a batch whose delivery fails is reported from that record on, so the stream retries it in order', async () => {
    await heldOfferCommittedWithoutDelivery();
    const pending = await pendingOutboxEvents(100);
    const items = pending.map((event) => ({ ...keys.outboxEvent(event.at, event.id), entity: 'outbox-event', event }));
    vi.mocked(publishEvents).mockRejectedValueOnce(new Error('SES is down'));
    expect(await notifier(streamEventOf(items), context)).toEqual({ batchItemFailures: [{ itemIdentifier: '1000' }] });
    expect(sentEvents()).toEqual([]);
    expect(await notifier(streamEventOf(items), context)).toEqual({ batchItemFailures: [] });
    expect(sentEvents()).toHaveLength(2);
  });

  it('through the API, what a request puts in the outbox is delivered before the local gateway answers', async () => {
    const officer = await makeOfficer({ homeOrgId: 'titan', name: 'Via the API' });
    const campaign = await openCampaign({ opensOn: addDays(todayIso(), -1), closesOn: addDays(todayIso(), 30) });
    const applied = await asOfficer(officer).post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'Keen.' });
    await as(users.ncaHr).post(`/v1/applications/${applied.json.id}/shortlist`);
    clearSentEvents();
    const res = await as(users.ncaHr).post(`/v1/applications/${applied.json.id}/offer`, { startDate: START });
    expect(res.json.status).toBe('awaiting-release');
    expect(sentEvents().map((e) => e.type).sort()).toEqual(['alert.raised', 'offer.held']);
    expect(await pendingOutboxEvents(100)).toEqual([]);
  });
});
