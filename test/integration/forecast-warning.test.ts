import { beforeAll, describe, expect, it } from 'vitest';
import { tableName } from '../../shared/data/client';
import { keys } from '../../shared/data/keys';
import { queryAll } from '../../shared/data/query-all';
import { monthEnd } from '../../shared/domain/forecast';
import { longDate } from '../../shared/domain/forecast-warning';
import { todayIso } from '../../shared/domain/working-days';
import type { Officer } from '../../shared/schemas/officer.schema';
import { raiseForecastWarnings } from '../../shared/use-cases/forecast-warnings';
import { as, users } from './support/api';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';

/**
 * The early warning: TITAN's cyber team, three of whose postings end in three
 * months' time, is warned of once (ROCU head and HR lead, inbox and email),
 * not again on the next run, and the warning resolves itself when a posting
 * is extended and the forecast recovers.
 */
const titanHead = as(users.titanHead);
const titanHr = as(users.titanHr);
const end = monthEnd(todayIso(), 3);
const WINDOW = { windowMonths: 6 };
const posted: Officer[] = [];

async function outboxEvents(): Promise<Record<string, unknown>[]> {
  const items = await queryAll({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.outboxPartition } });
  return items.map((i) => i.event as Record<string, unknown>);
}

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 7, 12);
  await setBaseline('titan', 'digital-forensics', 2, 4);
  for (let i = 0; i < 6; i++) await makeOfficer({ homeOrgId: 'titan', name: `TITAN cyber ${i}` });
  for (const home of ['greater-manchester', 'merseyside', 'greater-manchester']) posted.push(await makeOfficer({ homeOrgId: home, servingOrgId: 'titan', servingUntil: end, name: `Posted ${home}` }));
  // Digital forensics: two holders against a minimum of two, one of whom leaves in four months.
  await makeOfficer({ homeOrgId: 'titan', name: 'Forensics 1', capabilities: ['digital-forensics'] });
  await makeOfficer({ homeOrgId: 'titan', name: 'Forensics 2', capabilities: ['digital-forensics'], leavingOn: monthEnd(todayIso(), 4) });
});

describe('the forecast early warning', () => {
  let alertId: string;

  it('raises one forecast alert for TITAN cyber to its ROCU head and HR lead, naming the postings in words, with an email', async () => {
    const run = await raiseForecastWarnings(new Date(), WINDOW);
    expect(run.failed).toBe(0);
    expect(run.raised).toBe(2);
    // The emails are outbox events in the alerts' own transactions (read before any request's drain delivers them).
    const emails = (await outboxEvents()).filter((e) => e.type === 'alert.raised' && (e.subject as { kind: string; capabilityId: string }).kind === 'forecast');
    const cyberEmail = emails.find((e) => (e.subject as { capabilityId: string }).capabilityId === 'cyber');
    expect(emails).toHaveLength(2);
    expect(cyberEmail!.audiences).toEqual(expect.arrayContaining(['rocu-head:titan', 'hr-lead:titan']));
    expect(String(cyberEmail!.summary)).toContain('three postings end on');
    const inbox = (await titanHead.get('/v1/alerts?kind=forecast')).json.items;
    const cyber = inbox.find((a: { capabilityId: string }) => a.capabilityId === 'cyber');
    expect(cyber).toMatchObject({ kind: 'forecast', orgId: 'titan', status: 'informational', projectedAfter: 6, minimum: 7 });
    alertId = cyber.id;
    const alert = (await titanHead.get(`/v1/alerts/${alertId}`)).json;
    expect(alert.forecast).toMatchObject({ month: end.slice(0, 7), monthsAhead: 3, projected: 6, minimum: 7 });
    expect(alert.forecast.causes).toBe(`three postings end on ${longDate(end)}`);
    expect(alert.campaignTitle).toContain('TITAN cyber falls to 6 (minimum 7)');
    expect((await titanHr.get('/v1/alerts?kind=forecast')).json.items.map((a: { id: string }) => a.id)).toContain(alertId);
    expect((await as(users.ersouHead).get(`/v1/alerts/${alertId}`)).status).toBe(404);
  });

  it('is not raised again on the next run, nor by two runs at once', async () => {
    const runs = await Promise.all([raiseForecastWarnings(new Date(), WINDOW), raiseForecastWarnings(new Date(), WINDOW)]);
    expect(runs.map((r) => r.raised)).toEqual([0, 0]);
    expect((await titanHead.get('/v1/alerts?kind=forecast')).json.items.filter((a: { capabilityId: string }) => a.capabilityId === 'cyber')).toHaveLength(1);
  });

  it('resolves itself when a posting is extended and the forecast recovers', async () => {
    const o = posted[0]!;
    expect((await titanHead.post(`/v1/officers/${o.id}/posting/extend`, { servingUntil: monthEnd(todayIso(), 12), note: 'Kept on.', version: o.version })).status).toBe(200);
    const run = await raiseForecastWarnings(new Date(), WINDOW);
    expect(run.resolvedIds).toEqual([alertId]);
    expect((await titanHead.get(`/v1/alerts/${alertId}`)).json).toMatchObject({ status: 'resolved', outcome: 'recovered' });
    expect((await raiseForecastWarnings(new Date(), WINDOW)).resolved).toBe(0);
  });

  it('the ROCU head acknowledges a warning, and the acknowledgement is recorded', async () => {
    const forensics = (await titanHead.get('/v1/alerts?kind=forecast')).json.items.find((a: { capabilityId: string }) => a.capabilityId === 'digital-forensics');
    expect(forensics).toBeDefined();
    const alert = (await titanHead.get(`/v1/alerts/${forensics.id}`)).json;
    expect(alert.forecast.causes).toContain('one officer leaves on');
    expect((await titanHr.post(`/v1/alerts/${forensics.id}/respond`, { decision: 'acknowledge', note: 'x' })).status).toBe(403);
    expect((await titanHead.post(`/v1/alerts/${forensics.id}/respond`, { decision: 'release', note: 'x' })).status).toBe(400);
    const ack = await titanHead.post(`/v1/alerts/${forensics.id}/respond`, { decision: 'acknowledge', note: 'Recruiting a replacement.' });
    expect(ack.status, JSON.stringify(ack.json)).toBe(200);
    expect(ack.json).toMatchObject({ status: 'resolved', outcome: 'acknowledged' });
    const trail = (await titanHead.get(`/v1/audit?entity=alert:${forensics.id}`)).json.items.map((e: { action: string; note?: string }) => [e.action, e.note ?? null]);
    expect(trail).toContainEqual(['alert.acknowledge', 'Recruiting a replacement.']);
    // Acknowledged, it is not raised again for the same month.
    expect((await raiseForecastWarnings(new Date(), WINDOW)).raised).toBe(0);
  });
});
