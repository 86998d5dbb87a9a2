import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler as createOfficer } from '../../functions/officers/create-officer';
import { handler as getOfficer } from '../../functions/officers/get-officer';
import { handler as health } from '../../functions/service/get-health';
import { toEvent } from '../../local/gateway/dispatch';
import { routes } from '../../shared/api/routes';
import type { RouteDef } from '../../shared/http/route';

const ddb = mockClient(DynamoDBDocumentClient);
const context = {} as Context;

function event(route: RouteDef, opts: { params?: Record<string, string>; body?: unknown; claims?: Record<string, unknown> }) {
  return toEvent(
    {
      method: route.method,
      url: route.path,
      headers: opts.body ? { 'content-type': 'application/json' } : {},
      body: opts.body ? JSON.stringify(opts.body) : undefined,
    },
    route,
    opts.params ?? {},
    opts.claims,
    'req-unit',
  );
}

const titanHr = { sub: 'titan-hr', org: 'titan', roles: ['hr-lead'] };
const officerItem = {
  pk: 'OFFICER#off_abc',
  sk: 'OFFICER',
  id: 'off_abc',
  name: 'Amelia Hughes',
  homeOrgId: 'titan',
  capabilities: ['cyber'],
  vetting: 'sc',
  pipLevel: 2,
  region: 'north-west',
  status: 'active',
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  gsi1pk: 'ORG#titan#OFFICER',
};

beforeEach(() => {
  ddb.reset();
});

describe('GET /v1/officers/{officerId}', () => {
  it('returns the record with its version as ETag, and no key attributes', async () => {
    ddb.on(GetCommand).resolves({ Item: officerItem });
    const res = await getOfficer(event(routes.getOfficer, { params: { officerId: 'off_abc' }, claims: titanHr }), context);
    expect(res.statusCode).toBe(200);
    expect(res.headers?.etag).toBe('"3"');
    const body = JSON.parse(res.body!);
    expect(body).toMatchObject({ id: 'off_abc', homeOrgId: 'titan', version: 3 });
    expect(body).not.toHaveProperty('pk');
    expect(body).not.toHaveProperty('gsi1pk');
    expect(ddb).toHaveReceivedCommandTimes(GetCommand, 1);
  });

  it('hides another organisation’s officer as not found', async () => {
    ddb.on(GetCommand).resolves({ Item: { ...officerItem, homeOrgId: 'ersou' } });
    const res = await getOfficer(event(routes.getOfficer, { params: { officerId: 'off_abc' }, claims: titanHr }), context);
    expect(res.statusCode).toBe(404);
  });

  it('answers 503 with Retry-After when the table cannot be reached', async () => {
    ddb.on(GetCommand).rejects(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' }));
    const res = await getOfficer(event(routes.getOfficer, { params: { officerId: 'off_abc' }, claims: titanHr }), context);
    expect(res.statusCode).toBe(503);
    expect(JSON.parse(res.body!).error).toMatchObject({ code: 'service_unavailable', requestId: 'req-unit' });
  });
});

describe('POST /v1/officers', () => {
  const body = { name: 'New Officer', homeOrgId: 'titan', capabilities: ['cyber'], vetting: 'sc', pipLevel: 2, region: 'north-west', staffNumber: 'TIT-7' };

  it('writes the officer, its staff number, the checks, the strength counter and the audit entry in one transaction', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const res = await createOfficer(event(routes.createOfficer, { body, claims: titanHr }), context);
    expect(res.statusCode).toBe(201);
    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    const kinds = items.map((i) => Object.keys(i)[0]);
    expect(kinds).toEqual(['Put', 'Put', 'ConditionCheck', 'ConditionCheck', 'Update', 'Update', 'Put']);
    // The second Update is the home's PIP pipeline counter (accredited at PIP2), in the same transaction.
    const pipeline = items.filter((i) => i.Update)[1]!.Update!;
    expect(pipeline.Key!.sk).toMatch(/^PIPELINE#\d$/);
    expect(pipeline.UpdateExpression).toContain('ADD pl_acc_2 :pl_acc_2');
    const counter = items.find((i) => i.Update)!.Update!;
    expect(counter.Key).toEqual({ pk: 'ORG#titan', sk: 'CAPBASE#cyber' });
    expect(counter.UpdateExpression).toContain('ADD strength :strength, projected :projected, committedOut :committed, #c0 :c0');
    expect(counter.ExpressionAttributeNames).toEqual({ '#c0': 'h_sc_2' });
    expect(counter.ExpressionAttributeValues![':c0']).toBe(1);
    expect(counter.ExpressionAttributeValues![":projected"]).toBe(1);
    expect(counter.ExpressionAttributeValues![':strength']).toBe(1);
    expect(items[0]!.Put!.ConditionExpression).toBe('attribute_not_exists(pk)');
  });

  it('turns the staff-number condition failing into a 409 that names the field', async () => {
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }, { Code: 'None' }, { Code: 'None' }, { Code: 'None' }, { Code: 'None' }],
      }),
    );
    const res = await createOfficer(event(routes.createOfficer, { body, claims: titanHr }), context);
    expect(res.statusCode).toBe(409);
    expect(JSON.parse(res.body!).error.details[0].field).toBe('staffNumber');
  });

  it('refuses another organisation before touching the table', async () => {
    const res = await createOfficer(event(routes.createOfficer, { body: { ...body, homeOrgId: 'ersou' }, claims: titanHr }), context);
    expect(res.statusCode).toBe(403);
    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 0);
  });

  it('a request without claims is 401 even if API Gateway were misconfigured', async () => {
    const res = await createOfficer(event(routes.createOfficer, { body }), context);
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /v1/health', () => {
  it('is ok when the table answers, 503 when it does not', async () => {
    ddb.on(GetCommand).resolves({});
    expect((await health(event(routes.getHealth, {}), context)).statusCode).toBe(200);
    ddb.on(GetCommand).rejects(Object.assign(new Error('timeout'), { name: 'TimeoutError' }));
    expect((await health(event(routes.getHealth, {}), context)).statusCode).toBe(503);
  });
});
