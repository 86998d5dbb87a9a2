import { beforeAll, describe, expect, it } from 'vitest';
import { as, users } from './support/api';
import { seedReference, setBaseline } from './support/fixtures';

const titanHr = as(users.titanHr);
const csv = (rows: string[]) => ['staffNumber,name,capabilities,vetting,pipLevel,region,vettingExpiresOn', ...rows].join('\n');
const upload = (body: string) => titanHr.post('/v1/officers/import', undefined, { raw: body, contentType: 'text/csv' });

async function cyberStrength() {
  const res = await titanHr.get('/v1/organisations/titan/capabilities');
  return res.json.items.find((r: { capabilityId: string }) => r.capabilityId === 'cyber').strength as number;
}

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 7, 12);
});

const file = csv([
  'TIT-1001,Amelia Hughes,cyber,sc,2,north-west,2028-03-31',
  'TIT-1002,Callum O’Brien,cyber;digital-forensics,sc,2,north-west,',
  'TIT-1003,"Doyle, Siobhan",surveillance,nppv3,1,north-west,',
]);

describe('importing officers from CSV', () => {
  it('creates the officers of the caller’s organisation and counts them in strength', async () => {
    const before = await cyberStrength();
    const res = await upload(file);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ created: 3, updated: 0, unchanged: 0, errors: [] });
    // The report leads to each officer it created, in row order.
    expect(res.json.officers.map((o: { row: number; staffNumber: string; outcome: string }) => [o.row, o.staffNumber, o.outcome])).toEqual([
      [2, 'TIT-1001', 'created'],
      [3, 'TIT-1002', 'created'],
      [4, 'TIT-1003', 'created'],
    ]);
    const first = await titanHr.get(`/v1/officers/${res.json.officers[0].id}`);
    expect(first.json).toMatchObject({ name: 'Amelia Hughes', staffNumber: 'TIT-1001' });
    expect(await cyberStrength()).toBe(before + 2);
    const list = await titanHr.get('/v1/officers?limit=100');
    expect(list.json.items.map((o: { name: string }) => o.name)).toContain('Doyle, Siobhan');
  });

  it('importing the same file twice changes nothing', async () => {
    const before = await cyberStrength();
    const res = await upload(file);
    expect(res.json).toEqual({ created: 0, updated: 0, unchanged: 3, errors: [], officers: [] });
    expect(await cyberStrength()).toBe(before);
  });

  it('a changed row updates that officer and moves the counters', async () => {
    const before = await cyberStrength();
    const changed = file.replace('TIT-1001,Amelia Hughes,cyber,', 'TIT-1001,Amelia Hughes,surveillance,');
    const res = await upload(changed);
    expect(res.json).toMatchObject({ created: 0, updated: 1, unchanged: 2, errors: [] });
    expect(res.json.officers).toEqual([expect.objectContaining({ row: 2, name: 'Amelia Hughes', outcome: 'updated' })]);
    expect(await cyberStrength()).toBe(before - 1);
  });

  it('a row with errors writes nothing, names row and field, and the other rows still land', async () => {
    const before = await cyberStrength();
    const res = await upload(
      csv([
        'TIT-2001,Good Row,cyber,sc,2,north-west,',
        'TIT-2002,Bad Vetting,cyber,secret,2,north-west,',
        'TIT-2003,Bad Capability,cyber;astrology,sc,2,north-west,',
        'TIT-2001,Duplicate Row,cyber,sc,2,north-west,',
        'TIT-2004,Bad Date,cyber,sc,2,north-west,31/02/2028',
      ]),
    );
    expect(res.status).toBe(200);
    expect(res.json.created).toBe(1);
    expect(res.json.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'vetting', message: 'Vetting must be one of NPPV2, NPPV3, SC, DV' }),
      expect.objectContaining({ row: 4, field: 'capabilities' }),
      expect.objectContaining({ row: 5, field: 'staffNumber' }),
      expect.objectContaining({ row: 6, field: 'vettingExpiresOn' }),
    ]);
    expect(await cyberStrength()).toBe(before + 1);
  });

  it('a file with an unknown or missing column is refused whole', async () => {
    const res = await upload('staffNumber,name,rank\nTIT-3001,X,DS');
    expect(res.status).toBe(200);
    expect(res.json.created).toBe(0);
    expect(res.json.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['rank', 'vetting', 'region']));
  });

  it('refuses a body that is not CSV (415) and officers who are not HR (403)', async () => {
    const json = await titanHr.post('/v1/officers/import', { rows: [] });
    expect(json.status).toBe(415);
    const head = await as(users.titanHead).post('/v1/officers/import', undefined, { raw: file, contentType: 'text/csv' });
    expect(head.status).toBe(403);
  });

  it('always imports into the caller’s own organisation', async () => {
    const res = await as(users.ersouHr).post('/v1/officers/import', undefined, {
      raw: csv(['TIT-1001,Amelia Hughes,cyber,sc,2,east-of-england,']),
      contentType: 'text/csv',
    });
    expect(res.json.created).toBe(1);
    // TITAN's officer with the same staff number is untouched: staff numbers are per organisation.
    const titan = await titanHr.get('/v1/officers?limit=100');
    expect(titan.json.items.filter((o: { staffNumber: string }) => o.staffNumber === 'TIT-1001')).toHaveLength(1);
  });
});
