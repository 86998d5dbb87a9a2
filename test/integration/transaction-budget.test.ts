import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/data/audit.repository';
import { createCapability } from '../../shared/data/capability.repository';
import { documentClient, tableName } from '../../shared/data/client';
import { putOrganisation } from '../../shared/data/organisation.repository';
import { MAX_TRANSACTION_ACTIONS, MAX_TRANSACTION_BYTES, transactWrite, type GuardedAction } from '../../shared/data/transact';
import { MAX_PARTNER_ORGS } from '../../shared/domain/campaign-rules';
import { UnprocessableError } from '../../shared/errors';
import { as, users } from './support/api';
import { cyberCampaign } from './support/campaigns';
import { makeOfficer, seedReference } from './support/fixtures';

const ncaHr = as(users.ncaHr);
const titanHr = as(users.titanHr);

/** The most capabilities an officer may hold (the officer schema's limit). */
const MAX_CAPABILITIES = 30;
const catalogue = Array.from({ length: 2 * MAX_CAPABILITIES + 1 }, (_, i) => `budget-cap-${i}`);
const partners = ['titan', 'ersou', 'viper', 'budget-rocu-a', 'budget-rocu-b'];

beforeAll(async () => {
  await seedReference();
  await Promise.all(
    ['budget-rocu-a', 'budget-rocu-b'].map((id) => putOrganisation({ id, name: id, type: 'rocu', region: 'north-west', forces: [], parentOrgId: null, regions: ['north-west'] })),
  );
  for (const id of catalogue) await createCapability({ id, name: id }, SYSTEM_ACTOR);
});

const put = (i: number, bytes = 0): GuardedAction => ({
  action: { Put: { TableName: tableName(), Item: { pk: `BUDGET#${i}`, sk: 'BUDGET', ...(bytes ? { pad: 'x'.repeat(bytes) } : {}) } } },
});
const stored = async (i: number) => (await documentClient().send(new GetCommand({ TableName: tableName(), Key: { pk: `BUDGET#${i}`, sk: 'BUDGET' } }))).Item;

describe('the transaction budget', () => {
  it('a transaction of 100 writes lands; one of 101 is refused with a 422 before anything is written', async () => {
    await transactWrite(Array.from({ length: MAX_TRANSACTION_ACTIONS }, (_, i) => put(i)));
    expect(await stored(MAX_TRANSACTION_ACTIONS - 1)).toBeDefined();

    const tooMany = Array.from({ length: MAX_TRANSACTION_ACTIONS + 1 }, (_, i) => put(1000 + i));
    const refused = await transactWrite(tooMany).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UnprocessableError);
    expect(refused).toMatchObject({ status: 422, message: expect.stringMatching(/101 writes \(at most 100\)/) });
    expect(await stored(1000)).toBeUndefined();
  });

  it('a transaction just under 4 MB lands; one just over is refused with a 422 before anything is written', async () => {
    // DynamoDB items are at most 400 KB: ten of 380 KB fit in 4 MB, eleven do not.
    const item = 380 * 1024;
    await transactWrite(Array.from({ length: 10 }, (_, i) => put(2000 + i, item)));
    expect(await stored(2009)).toBeDefined();

    const tooBig = Array.from({ length: 11 }, (_, i) => put(3000 + i, item));
    expect(11 * item).toBeGreaterThan(MAX_TRANSACTION_BYTES);
    await expect(transactWrite(tooBig)).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/KB \(at most 4096 KB\)/) });
    expect(await stored(3000)).toBeUndefined();
  });
});

describe('requests sized to fit one transaction', () => {
  it('the largest officer change (all 30 capabilities swapped for 30 others: 94 writes) lands; a 31st capability is a 400 that changes nothing', async () => {
    const officer = await makeOfficer({ capabilities: catalogue.slice(0, MAX_CAPABILITIES) });
    const swapped = catalogue.slice(MAX_CAPABILITIES, 2 * MAX_CAPABILITIES);
    const res = await titanHr.patch(`/v1/officers/${officer.id}`, { capabilities: swapped, version: officer.version });
    expect(res.status).toBe(200);
    expect(res.json.capabilities).toEqual(swapped);
    const rows = (await titanHr.get('/v1/organisations/titan/capabilities')).json.items as { capabilityId: string; strength: number }[];
    expect(rows.find((r) => r.capabilityId === catalogue[0])?.strength).toBe(0);
    expect(rows.find((r) => r.capabilityId === swapped[0])?.strength).toBe(1);

    const refused = await titanHr.patch(`/v1/officers/${officer.id}`, { capabilities: catalogue.slice(0, MAX_CAPABILITIES + 1), version: res.json.version });
    expect(refused.status).toBe(400);
    expect(refused.json.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'capabilities' })]));
    expect((await titanHr.get(`/v1/officers/${officer.id}`)).json).toMatchObject({ version: res.json.version, capabilities: swapped });
  });

  it('a campaign drafted or edited with the most partners there may be lands; one more is a 400 for both that writes nothing', async () => {
    const most = partners.slice(0, MAX_PARTNER_ORGS);
    const created = await ncaHr.post('/v1/campaigns', cyberCampaign({ title: 'Budget: most partners', partnerOrgIds: most }));
    expect(created.status).toBe(201);
    expect(created.json.partnerOrgIds).toEqual(most);

    const tooMany = partners.slice(0, MAX_PARTNER_ORGS + 1);
    const refused = await ncaHr.post('/v1/campaigns', cyberCampaign({ title: 'Budget: one partner too many', partnerOrgIds: tooMany }));
    expect(refused.status).toBe(400);
    expect(refused.json.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'partnerOrgIds' })]));
    const drafts = (await ncaHr.get('/v1/campaigns?status=draft&limit=100')).json.items as { title: string }[];
    expect(drafts.map((c) => c.title)).not.toContain('Budget: one partner too many');

    const edited = await ncaHr.patch(`/v1/campaigns/${created.json.id}`, { partnerOrgIds: tooMany, version: created.json.version });
    expect(edited.status).toBe(400);
    expect(edited.json.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'partnerOrgIds' })]));
    expect((await ncaHr.get(`/v1/campaigns/${created.json.id}`)).json).toMatchObject({ version: created.json.version, partnerOrgIds: most });
  });
});
