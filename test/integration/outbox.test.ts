import { mkdtempSync, rmSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleHttp, type LocalServerOptions } from '../../local/gateway/server';
import { demoContacts, seedContacts } from '../../local/seed/contacts';
import { getContacts } from '../../shared/data/contact.repository';
import type { DomainEvent } from '../../shared/notify/domain-event';
import { resetNotifyConfig } from '../../shared/notify/notify-config';
import { publishEvents } from '../../shared/notify/publish-events';

const outboxDir = mkdtempSync(join(tmpdir(), 'rocu-outbox-'));
// The gateway's identity is not under test here.
const options: LocalServerOptions = {
  verify: async () => undefined,
  issue: async () => 'unused',
  staticDir: join(outboxDir, 'no-web-dist'),
  quiet: true,
  outboxDir,
};

function event(id: string, type: DomainEvent['type'], audiences: string[]): DomainEvent {
  return {
    type,
    at: new Date().toISOString(),
    audiences,
    summary: `Cyber investigators, North West: ${type} ${id}`,
    subject: { type: 'alert', id, orgId: 'titan' },
  };
}

async function get(url: string, opts: Partial<LocalServerOptions> = {}) {
  const res = await handleHttp({ method: 'GET', url, headers: {} }, { ...options, ...opts });
  return { status: res.status, json: JSON.parse(String(res.body)) as any };
}

beforeAll(async () => {
  process.env.NOTIFY_MODE = 'outbox';
  process.env.OUTBOX_DIR = outboxDir;
  resetNotifyConfig();
  await seedContacts();
  await publishEvents([event('alt_1', 'alert.raised', ['rocu-head:titan', 'hr-lead:nca'])]);
  await publishEvents([event('alt_1', 'alert.escalated', ['rocu-head:titan', 'hr-lead:nca', 'rocc:north-west'])]);
});

afterAll(() => {
  process.env.NOTIFY_MODE = 'memory';
  delete process.env.OUTBOX_DIR;
  resetNotifyConfig();
  rmSync(outboxDir, { recursive: true, force: true });
});

describe('the local contacts directory', () => {
  it('has every ROCU’s head and HR lead, the NCA HR lead and every region’s ROCC, on police and NCA addresses', async () => {
    const contacts = await getContacts([...demoContacts().keys(), 'hr-lead:nowhere']);
    expect(contacts.size).toBe(10 + 10 + 1 + 10);
    expect(contacts.has('hr-lead:nowhere')).toBe(false);
    for (const emails of contacts.values()) for (const e of emails) expect(e).toMatch(/@([a-z]+\.police\.uk|nca\.gov\.uk)$/);
    expect(contacts.get('rocu-head:titan')).toEqual(['head-of-unit@titan.police.uk', 'fiona.campbell@titan.police.uk']);
    expect(contacts.get('rocc:north-west')).toEqual(['rocc.north-west@nca.gov.uk', 'andrew.pascoe@nca.gov.uk']);
  });

  it('seeds again without duplicating anyone', async () => {
    await seedContacts();
    expect((await getContacts(['hr-lead:nca'])).get('hr-lead:nca')).toEqual(['workforce.recruitment@nca.gov.uk', 'helen.marshall@nca.gov.uk']);
  });
});

describe('GET /local/outbox', () => {
  it('shows the events, newest first, and the emails they caused to each contact', async () => {
    const { status, json } = await get('/local/outbox');
    expect(status).toBe(200);
    expect(json.events.map((e: DomainEvent) => e.type)).toEqual(['alert.escalated', 'alert.raised']);
    // Escalated: the head's two addresses, the NCA HR lead's two, the North West ROCC's two.
    const escalatedEmails = json.emails.filter((m: any) => m.eventType === 'alert.escalated');
    expect(escalatedEmails.map((m: any) => m.to).sort()).toEqual([
      'andrew.pascoe@nca.gov.uk',
      'fiona.campbell@titan.police.uk',
      'head-of-unit@titan.police.uk',
      'helen.marshall@nca.gov.uk',
      'rocc.north-west@nca.gov.uk',
      'workforce.recruitment@nca.gov.uk',
    ]);
    expect(escalatedEmails[0]).toMatchObject({ link: 'http://localhost:3000/alerts/alt_1', subjectId: 'alt_1', from: 'no-reply@example.police.uk' });
    expect(escalatedEmails[0].text).toContain('http://localhost:3000/alerts/alt_1');
    // Newest first: every escalation email comes before every email about the raising.
    const types = json.emails.map((m: any) => m.eventType);
    expect(types.lastIndexOf('alert.escalated')).toBeLessThan(types.indexOf('alert.raised'));
  });

  it('takes a limit, and refuses one that is not a number in range', async () => {
    const { json } = await get('/local/outbox?limit=1');
    expect(json.events).toHaveLength(1);
    expect(json.events[0].type).toBe('alert.escalated');
    expect(json.emails).toHaveLength(1);
    expect((await get('/local/outbox?limit=0')).status).toBe(400);
    expect((await get('/local/outbox?limit=many')).status).toBe(400);
    expect((await get('/local/outbox?limt=5')).status).toBe(400);
  });

  it('skips a line another process is still writing', async () => {
    await appendFile(join(outboxDir, 'events.jsonl'), '{"type":"alert.rai');
    const { status, json } = await get('/local/outbox?limit=5');
    expect(status).toBe(200);
    expect(json.events).toHaveLength(2);
  });

  it('is empty for a fresh outbox, and says so when there is none', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'rocu-outbox-empty-'));
    try {
      expect((await get('/local/outbox', { outboxDir: fresh })).json).toEqual({ events: [], emails: [] });
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
    delete process.env.OUTBOX_DIR;
    try {
      const { status, json } = await get('/local/outbox', { outboxDir: undefined });
      expect(status).toBe(404);
      expect(json.error.message).toMatch(/OUTBOX_DIR/);
    } finally {
      process.env.OUTBOX_DIR = outboxDir;
    }
  });
});
