import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/data/audit.repository';
import { documentClient } from '../../shared/data/client';
import { createPlacement, type StoredPlacement } from '../../shared/data/placement.repository';
import { addDays, todayIso } from '../../shared/domain/working-days';
import { newId, nowIso } from '../../shared/ids';
import type { Officer } from '../../shared/schemas/officer.schema';
import { as, asOfficer, users } from './support/api';
import { makeOfficer, seedReference } from './support/fixtures';
import { placementBody } from './support/placements';

const ncaHr = as(users.ncaHr);
const titanHr = as(users.titanHr);
const today = todayIso();


/** A placement whose closing date has passed, written straight to the table (the API refuses to post one). */
async function closedPlacement(): Promise<StoredPlacement> {
  const at = nowIso();
  return createPlacement(
    {
      id: newId('plc'),
      title: 'Closed last week',
      hostOrgId: 'nca',
      capabilityId: 'cyber',
      description: null,
      places: 2,
      confirmed: 0,
      startDate: addDays(today, 10),
      durationMonths: 3,
      endDate: addDays(today, 100),
      region: 'north-west',
      eligibility: { homeOrgTypes: ['rocu'], vetting: 'sc', minPipLevel: 0 },
      pipDevelopmentLevel: null,
      closesOn: addDays(today, -7),
      status: 'open',
      version: 1,
      createdAt: at,
      updatedAt: at,
    },
    SYSTEM_ACTOR,
  );
}

let titanOfficer: Officer;
let forceOfficer: Officer;

beforeAll(async () => {
  await seedReference();
  titanOfficer = await makeOfficer({ homeOrgId: 'titan', vetting: 'sc', pipLevel: 1, capabilities: [] });
  forceOfficer = await makeOfficer({ homeOrgId: 'greater-manchester', vetting: 'sc', pipLevel: 2, capabilities: [] });
});

describe('posting a placement', () => {
  it('the host’s HR lead posts an open placement with no place confirmed yet', async () => {
    const res = await ncaHr.post('/v1/placements', placementBody({ description: 'Six months in the National Cyber Crime Unit.' }));
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/placements/${res.json.id}`);
    expect(res.json).toMatchObject({
      title: 'Cyber investigator secondment, NCA North West',
      hostOrgId: 'nca',
      capabilityId: 'cyber',
      description: 'Six months in the National Cyber Crime Unit.',
      places: 3,
      confirmed: 0,
      placesLeft: 3,
      durationMonths: 6,
      region: 'north-west',
      eligibility: { homeOrgTypes: ['rocu'], vetting: 'sc', minPipLevel: 1 },
      pipDevelopmentLevel: 2,
      status: 'open',
      version: 1,
    });
    expect(res.json.id).toMatch(/^plc_/);
    expect(res.json.endDate > res.json.startDate).toBe(true);
    expect(res.json).not.toHaveProperty('eligible');

    const audit = await ncaHr.get(`/v1/audit?entity=placement:${res.json.id}`);
    expect(audit.status).toBe(200);
    expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(['placement.created']);
  });

  it('an HR lead cannot post a placement hosted by another organisation (403), and an officer cannot post at all', async () => {
    const res = await titanHr.post('/v1/placements', placementBody());
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('forbidden');
    expect(res.json.error.message).toMatch(/your own organisation/);
    expect((await asOfficer(titanOfficer).post('/v1/placements', placementBody())).status).toBe(403);
  });

  it('bad input is 400 in the error shape, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [placementBody({ places: 0 }), 'places'],
      [placementBody({ durationMonths: 60 }), 'durationMonths'],
      [placementBody({ startDate: '2027-13-01' }), 'startDate'],
      [placementBody({ eligibility: { homeOrgTypes: [], vetting: 'sc' } }), 'eligibility.homeOrgTypes'],
      [placementBody({ eligibility: { homeOrgTypes: ['police'], vetting: 'sc' } }), 'eligibility.homeOrgTypes.0'],
      [placementBody({ region: 'mars' }), 'region'],
      [{ ...placementBody(), confirmed: 3 }, 'body'],
      [placementBody({ closesOn: addDays(today, 61) }), 'closesOn'],
      [placementBody({ closesOn: addDays(today, -1) }), 'closesOn'],
      [placementBody({ pipDevelopmentLevel: 1 }), 'pipDevelopmentLevel'],
    ];
    for (const [body, field] of cases) {
      const res = await ncaHr.post('/v1/placements', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
      expect(res.json.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });

  it('an unknown capability is 400, and nothing is written', async () => {
    const res = await ncaHr.post('/v1/placements', placementBody({ capabilityId: 'astrology', title: 'Nowhere' }));
    expect(res.status).toBe(400);
    expect(res.json.error.details).toEqual([expect.objectContaining({ field: 'capabilityId' })]);
    const list = await ncaHr.get('/v1/placements?capabilityId=astrology');
    expect(list.json.items).toEqual([]);
  });
});

describe('browsing placements', () => {
  let cyberNw: string;
  let surveillanceEast: string;
  let titanHosted: string;
  let closed: StoredPlacement;

  beforeAll(async () => {
    cyberNw = (await ncaHr.post('/v1/placements', placementBody({ title: 'Browse: cyber NW', closesOn: addDays(today, 20) }))).json.id;
    surveillanceEast = (
      await ncaHr.post(
        '/v1/placements',
        placementBody({ title: 'Browse: surveillance East', capabilityId: 'surveillance', region: 'east-of-england', pipDevelopmentLevel: null, closesOn: addDays(today, 25) }),
      )
    ).json.id;
    titanHosted = (
      await titanHr.post(
        '/v1/placements',
        placementBody({
          title: 'Browse: TITAN hosts NCA officers',
          hostOrgId: 'titan',
          eligibility: { homeOrgTypes: ['agency', 'force'], vetting: 'sc', minPipLevel: 1 },
          closesOn: addDays(today, 28),
        }),
      )
    ).json.id;
    closed = await closedPlacement();
  });

  const ids = (res: { json: { items: { id: string }[] } }) => res.json.items.map((p) => p.id);

  it('lists open placements by closing date; one past its closing date is not listed but can still be read', async () => {
    const res = await titanHr.get('/v1/placements?limit=100');
    expect(res.status).toBe(200);
    const listed = ids(res);
    expect(listed).toEqual(expect.arrayContaining([cyberNw, surveillanceEast, titanHosted]));
    expect(listed).not.toContain(closed.id);
    const closing = res.json.items.map((p: { closesOn: string }) => p.closesOn);
    expect(closing).toEqual([...closing].sort());
    expect((await titanHr.get(`/v1/placements/${closed.id}`)).status).toBe(200);
  });

  it('filters by region, capability, host and PIP development', async () => {
    expect(ids(await titanHr.get('/v1/placements?region=east-of-england'))).toEqual([surveillanceEast]);
    expect(ids(await titanHr.get('/v1/placements?capabilityId=surveillance'))).toEqual([surveillanceEast]);
    expect(ids(await titanHr.get('/v1/placements?hostOrgId=titan'))).toEqual([titanHosted]);
    const developing = ids(await titanHr.get('/v1/placements?pipDevelopment=true&limit=100'));
    expect(developing).toEqual(expect.arrayContaining([cyberNw, titanHosted]));
    expect(developing).not.toContain(surveillanceEast);
    expect(ids(await titanHr.get('/v1/placements?pipDevelopment=false'))).toEqual([surveillanceEast]);
    expect(ids(await titanHr.get('/v1/placements?hostOrgId=titan&region=east-of-england'))).toEqual([]);
  });

  it('pages with a cursor that only this list accepts', async () => {
    const first = await titanHr.get('/v1/placements?limit=1');
    expect(first.json.items).toHaveLength(1);
    expect(first.json.cursor).toBeDefined();
    const second = await titanHr.get(`/v1/placements?limit=1&cursor=${first.json.cursor}`);
    expect(second.json.items[0].id).not.toBe(first.json.items[0].id);
    const foreign = Buffer.from(JSON.stringify({ gsi1pk: 'CAMPAIGN#STATUS#open', gsi1sk: 'x', pk: 'x', sk: 'x' })).toString('base64url');
    expect((await titanHr.get(`/v1/placements?cursor=${foreign}`)).status).toBe(400);
  });

  it('bad filters are 400', async () => {
    for (const q of ['region=mars', 'pipDevelopment=maybe', 'limit=0', 'hostOrgId=NCA', 'colour=blue']) {
      const res = await titanHr.get(`/v1/placements?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
    }
  });

  it('an officer’s list leaves out their own organisation’s placements unless they ask, or filter by that host', async () => {
    const officer = asOfficer(titanOfficer);
    const plain = ids(await officer.get('/v1/placements?limit=100'));
    expect(plain).toEqual(expect.arrayContaining([cyberNw, surveillanceEast]));
    expect(plain).not.toContain(titanHosted);
    expect(ids(await officer.get('/v1/placements?limit=100&includeOwnOrganisation=false'))).not.toContain(titanHosted);
    expect(ids(await officer.get('/v1/placements?limit=100&includeOwnOrganisation=true'))).toEqual(expect.arrayContaining([cyberNw, surveillanceEast, titanHosted]));
    expect(ids(await officer.get('/v1/placements?hostOrgId=titan'))).toEqual([titanHosted]);
    // An HR lead of the same organisation sees every open placement, their own included.
    expect(ids(await titanHr.get('/v1/placements?limit=100'))).toContain(titanHosted);
    expect((await officer.get('/v1/placements?includeOwnOrganisation=yes')).status).toBe(400);
  });

  it('an officer sees on each placement whether they may apply, and every reason why not', async () => {
    const mine = await asOfficer(titanOfficer).get('/v1/placements?limit=100&includeOwnOrganisation=true');
    const byId = new Map(mine.json.items.map((p: { id: string }) => [p.id, p]));
    expect((byId.get(cyberNw) as { eligible: unknown }).eligible).toEqual({ ok: true, reasons: [] });
    expect((byId.get(titanHosted) as { eligible: { ok: boolean; reasons: { code: string }[] } }).eligible).toEqual({
      ok: false,
      reasons: [expect.objectContaining({ code: 'own-organisation' }), expect.objectContaining({ code: 'home-org-type' })],
    });

    const force = await asOfficer(forceOfficer).get(`/v1/placements/${cyberNw}`);
    expect(force.json.eligible).toEqual({
      ok: false,
      reasons: [{ code: 'home-org-type', message: 'the placement is open to officers of a ROCU, and your home is a force' }],
    });
    const closedForOfficer = await asOfficer(titanOfficer).get(`/v1/placements/${closed.id}`);
    expect(closedForOfficer.json.eligible.reasons.map((r: { code: string }) => r.code)).toEqual(['placement-closed']);
  });

  it('an unknown placement is 404; a malformed id is 400', async () => {
    const res = await titanHr.get('/v1/placements/plc_nothinghere');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
    expect((await titanHr.get('/v1/placements/NOT-AN-ID')).status).toBe(400);
  });
});

describe('a placement that is closed or full says so, and takes no application', () => {
  /** A placement written straight to the table with `confirmed` places already taken. */
  async function placementWith(overrides: Partial<StoredPlacement>): Promise<StoredPlacement> {
    const at = nowIso();
    return createPlacement(
      {
        id: newId('plc'),
        title: 'Cyber placement',
        hostOrgId: 'nca',
        capabilityId: 'cyber',
        description: null,
        places: 2,
        confirmed: 0,
        startDate: addDays(today, 40),
        durationMonths: 3,
        endDate: addDays(today, 130),
        region: 'north-west',
        eligibility: { homeOrgTypes: ['rocu'], vetting: 'sc', minPipLevel: 0 },
        pipDevelopmentLevel: null,
        closesOn: addDays(today, 20),
        status: 'open',
        version: 1,
        createdAt: at,
        updatedAt: at,
        ...overrides,
      },
      SYSTEM_ACTOR,
    );
  }

  /** What an application would have written: the officer's claim on the placement, and their list. */
  async function nothingWritten(placementId: string, officer: Officer): Promise<void> {
    const claim = await documentClient().send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: `PLACEMENT#${placementId}`, sk: `APPLICANT#${officer.id}` }, ConsistentRead: true }));
    expect(claim.Item).toBeUndefined();
    const mine = await asOfficer(officer).get('/v1/me/secondment-applications?limit=100');
    expect(mine.json.items.filter((a: { placementId: string }) => a.placementId === placementId)).toEqual([]);
    expect((await ncaHr.get(`/v1/placements/${placementId}/applications`)).json.items).toEqual([]);
  }

  it('lists show places left and whether each takes applications; a full one is listed, but not taking any', async () => {
    const open = await placementWith({ title: 'One place left', confirmed: 1 });
    const full = await placementWith({ title: 'Full', confirmed: 2 });
    const listed = new Map((await titanHr.get('/v1/placements?limit=100')).json.items.map((p: { id: string }) => [p.id, p]));
    expect(listed.get(open.id)).toMatchObject({ placesLeft: 1, takingApplications: true, status: 'open' });
    expect(listed.get(full.id)).toMatchObject({ placesLeft: 0, takingApplications: false, status: 'open' });
    expect((await titanHr.get(`/v1/placements/${full.id}`)).json).toMatchObject({ placesLeft: 0, takingApplications: false });
    const mine = await asOfficer(titanOfficer).get(`/v1/placements/${full.id}`);
    expect(mine.json.eligible).toEqual({ ok: false, reasons: [{ code: 'placement-full', message: 'all 2 places are taken' }] });
  });

  it('after its closing date it is not taking applications, even though nobody closed it', async () => {
    const late = await placementWith({ title: 'Closed yesterday', closesOn: addDays(today, -1), startDate: addDays(today, 5), endDate: addDays(today, 95) });
    expect((await titanHr.get(`/v1/placements/${late.id}`)).json).toMatchObject({ status: 'open', takingApplications: false, placesLeft: 2 });
    const res = await asOfficer(titanOfficer).post(`/v1/placements/${late.id}/applications`, { statement: 'Too late?' });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: 'conflict', message: `The placement closed for applications on ${addDays(today, -1)}: the placement takes no applications.` });
    await nothingWritten(late.id, titanOfficer);
  });

  it('applying to a full placement is 409 “all N places are taken”, and writes nothing', async () => {
    const full = await placementWith({ title: 'Full up', places: 3, confirmed: 3 });
    const res = await asOfficer(titanOfficer).post(`/v1/placements/${full.id}/applications`, { statement: 'Any room?' });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toBe('All 3 places are taken: the placement takes no applications.');
    expect(res.json.error.details).toEqual([expect.objectContaining({ code: 'placement-full' })]);
    await nothingWritten(full.id, titanOfficer);
  });

  it('the last place taken between the officer’s read and their write: the application’s own condition refuses it', async () => {
    const placement = await placementWith({ title: 'Last place', places: 1, confirmed: 0 });
    const client = documentClient();
    const realSend = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    let filled = false;
    vi.spyOn(client, 'send').mockImplementation((async (command: unknown) => {
      const out = await realSend(command);
      // The host confirms the last place (someone else's application) right after the applicant's read.
      if (!filled && command instanceof GetCommand && command.input.Key?.pk === `PLACEMENT#${placement.id}`) {
        filled = true;
        await realSend(new UpdateCommand({ TableName: process.env.TABLE_NAME, Key: { pk: `PLACEMENT#${placement.id}`, sk: 'PLACEMENT' }, UpdateExpression: 'ADD confirmed :one', ExpressionAttributeValues: { ':one': 1 } }));
      }
      return out;
    }) as never);
    let res;
    try {
      res = await asOfficer(titanOfficer).post(`/v1/placements/${placement.id}/applications`, { statement: 'Me please.' });
    } finally {
      vi.restoreAllMocks();
    }
    expect(filled).toBe(true);
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/closed, or its last place was taken, while you were applying/);
    await nothingWritten(placement.id, titanOfficer);
  });
});
