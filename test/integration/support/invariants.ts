import { tableName } from '../../../shared/data/client';
import { keys } from '../../../shared/data/keys';
import { queryAll } from '../../../shared/data/query-all';
import { CAMPAIGN_STATUSES } from '../../../shared/domain/campaign-rules';
import { commitmentsOf, countedOfficer, officerFromItem } from '../../../shared/data/officer.repository';
import { commitmentsOverlap } from '../../../shared/domain/commitments';
import { counterDeltas } from '../../../shared/domain/officer-counters';
import { officerDueDate, servingOrgOf } from '../../../shared/domain/posting';
import { PLACEMENT_STATUSES } from '../../../shared/domain/secondment-rules';

/**
 * The table's invariants, recounted from the items they summarise, with
 * Queries only (no Scan, here either):
 *
 * - every baseline's `strength`, holder and co-holder counters and
 *   `committedOut` equal a recount of the active officers serving in that
 *   organisation (at home, or posted into it) holding the capability (`committedOut`: distinct officers
 *   with a live commitment — one person leaving is one commitment, in every
 *   team they are in);
 * - `projected` = `strength − committedOut`;
 * - every officer is listed (gsi1) in the unit they serve in, and their due
 *   item (`DUE#OFFICER`) carries their next posting end or leaving date;
 * - every commitment on an officer record belongs to a live application (an
 *   accepted move, a confirmed or active secondment) of that officer, every
 *   such application that committed is on its officer's record, and no
 *   officer holds two overlapping commitments;
 * - a placement's `confirmed` is ≤ `places` and equals its applications that
 *   hold a place (confirmed, active or completed: completing a secondment
 *   does not give its place back, only withdrawing a confirmed one does);
 * - a ROCU baseline is never projected below its minimum by commitments
 *   unless a release decision covers one of them;
 * - per-source offer counters are never negative; per-allocation offer
 *   counters equal the offers filling that allocation and never exceed its
 *   posts; a course's bookings are ≤ its seats and its counters equal a
 *   recount of its bookings.
 *
 * Returns the violations in words (empty when all hold), so a failing test
 * says exactly which counter disagrees with what.
 */
export async function checkInvariants(): Promise<string[]> {
  const violations: string[] = [];
  const TableName = tableName();
  const q = (pk: string, index?: 'gsi1' | 'gsi2', extra: Record<string, unknown> = {}) =>
    queryAll({
      TableName,
      ...(index ? { IndexName: index } : {}),
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': index ? `${index}pk` : 'pk' },
      ExpressionAttributeValues: { ':pk': pk },
      ...extra,
    });
  const inPartition = (pk: string, prefix: string) =>
    q(pk, undefined, { KeyConditionExpression: '#pk = :pk AND begins_with(sk, :s)', ExpressionAttributeValues: { ':pk': pk, ':s': prefix } });

  const orgs = await q(keys.organisationsPartition);
  const orgType = new Map(orgs.map((o) => [String(o.id), String(o.type)]));

  // ---- expected counters from the officers themselves
  interface Expected { strength: number; committedOut: number; counters: Record<string, number> }
  const expected = new Map<string, Expected>();
  const officerPages = await Promise.all(orgs.map((o) => q(keys.officersOfOrg(String(o.id)), 'gsi1')));
  const officers = officerPages.flat().map(officerFromItem);
  // Each officer is listed in the unit they serve in (the forecast's roster), and the officer job's due item
  // carries the officer's next posting end or leaving date.
  const dueItems = new Map((await q(keys.officersDuePartition, undefined, { IndexName: 'gsi3', ExpressionAttributeNames: { '#pk': 'gsi3pk' } })).map((d) => [String(d.officerId), String(d.dueOn)]));
  for (const [i, page] of officerPages.entries()) {
    for (const item of page) {
      const officer = officerFromItem(item);
      if (servingOrgOf(officer) !== String(orgs[i]!.id)) violations.push(`officer ${officer.id}: listed in ${String(orgs[i]!.id)} but serves in ${servingOrgOf(officer)}`);
      const due = officerDueDate(officer);
      if ((dueItems.get(officer.id) ?? null) !== due) violations.push(`officer ${officer.id}: due item ${dueItems.get(officer.id) ?? 'none'}, record says ${due ?? 'none'}`);
    }
  }
  for (const officer of officers) {
    for (const d of counterDeltas(undefined, countedOfficer(officer))) {
      const key = `${d.orgId}#${d.capabilityId}`;
      const e = expected.get(key) ?? { strength: 0, committedOut: 0, counters: {} };
      e.strength += d.strength;
      e.committedOut += d.committedOut;
      for (const [name, n] of Object.entries({ ...d.holders, ...d.coHolders })) e.counters[name] = (e.counters[name] ?? 0) + n;
      expected.set(key, e);
    }
  }

  // ---- live applications that committed their officer, and whether a release decision covers them
  const live = new Map<string, { officerId: string; released: boolean }>();
  const campaigns = (await Promise.all(CAMPAIGN_STATUSES.map((s) => q(keys.campaignsWithStatus(s), 'gsi1')))).flat();
  const campaignApps = await Promise.all(campaigns.map((c) => q(keys.applicationsOfCampaign(String(c.id)), 'gsi1')));
  for (const app of campaignApps.flat()) {
    if (app.status === 'accepted' && app.commitment) live.set(String(app.id), { officerId: String(app.officerId), released: Boolean(app.releasedBy) });
  }
  for (const [i, c] of campaigns.entries()) {
    const id = String(c.id);
    for (const s of await inPartition(`CAMPAIGN#${id}`, 'SOURCE#')) {
      if (Number(s.offers ?? 0) < 0) violations.push(`campaign ${id} source ${String(s.sk)}: offers ${String(s.offers)} < 0`);
    }
    const filling = new Map<string, number>();
    for (const app of campaignApps[i]!) {
      // An appointment keeps its post: only ending an offer or an acceptance gives it back.
      if (app.allocationOrgId && ['offered', 'awaiting-release', 'accepted', 'appointed'].includes(String(app.status))) {
        filling.set(String(app.allocationOrgId), (filling.get(String(app.allocationOrgId)) ?? 0) + 1);
      }
    }
    const allocations = (c.allocations as { orgId: string; posts: number }[] | undefined) ?? [];
    for (const a of await inPartition(`CAMPAIGN#${id}`, 'ALLOC#')) {
      const org = String(a.orgId);
      const offers = Number(a.offers ?? 0);
      const posts = allocations.find((x) => x.orgId === org)?.posts ?? Number(c.posts) - allocations.reduce((n, x) => n + x.posts, 0);
      if (offers !== (filling.get(org) ?? 0)) violations.push(`campaign ${id} allocation ${org}: offers ${offers}, recount ${filling.get(org) ?? 0}`);
      if (offers > posts) violations.push(`campaign ${id} allocation ${org}: offers ${offers} > posts ${posts}`);
      filling.delete(org);
    }
    for (const [org, n] of filling) violations.push(`campaign ${id} allocation ${org}: no counter, ${n} offer(s) fill it`);
  }

  const placements = (await Promise.all(PLACEMENT_STATUSES.map((s) => q(`PLACEMENT#STATUS#${s}`, 'gsi1')))).flat();
  for (const p of placements) {
    const apps = await q(`PLACEMENT#${String(p.id)}#APP`, 'gsi1');
    for (const app of apps) {
      if ((app.status === 'confirmed' || app.status === 'active') && app.commitment) {
        live.set(String(app.id), { officerId: String(app.officerId), released: Boolean((app.homeDecision as { release?: boolean } | null)?.release) });
      }
    }
    const holding = apps.filter((a) => a.status === 'confirmed' || a.status === 'active' || a.status === 'completed').length;
    const confirmed = Number(p.confirmed ?? 0);
    if (confirmed > Number(p.places)) violations.push(`placement ${String(p.id)}: confirmed ${confirmed} > places ${String(p.places)}`);
    if (confirmed !== holding) violations.push(`placement ${String(p.id)}: confirmed ${confirmed} but ${holding} secondment(s) hold a place`);
  }

  // ---- commitments on officer records against the live applications
  const released = new Set<string>();
  const onRecords = new Set<string>();
  for (const officer of officers) {
    const list = commitmentsOf(officer);
    for (const [i, c] of list.entries()) {
      onRecords.add(c.applicationId);
      const app = live.get(c.applicationId);
      if (!app || app.officerId !== officer.id) violations.push(`officer ${officer.id}: commitment ${c.applicationId} has no live application of theirs`);
      if (app?.released && officer.status === 'active') for (const cap of officer.capabilities) released.add(`${servingOrgOf(officer)}#${cap}`);
      for (const other of list.slice(i + 1)) {
        if (commitmentsOverlap(c, other)) violations.push(`officer ${officer.id}: commitments ${c.applicationId} and ${other.applicationId} overlap`);
      }
    }
  }
  for (const [id, app] of live) {
    if (!onRecords.has(id)) violations.push(`application ${id}: committed, but not on officer ${app.officerId}’s record`);
  }

  // ---- every baseline against the recounts
  const baselines = await q('CAPBASE', 'gsi2');
  const seen = new Set<string>();
  for (const b of baselines) {
    const key = `${String(b.orgId)}#${String(b.capabilityId)}`;
    seen.add(key);
    const e = expected.get(key) ?? { strength: 0, committedOut: 0, counters: {} };
    const strength = Number(b.strength ?? 0);
    const committedOut = Number(b.committedOut ?? 0);
    if (strength !== e.strength) violations.push(`baseline ${key}: strength ${strength}, recount ${e.strength}`);
    if (committedOut !== e.committedOut) violations.push(`baseline ${key}: committedOut ${committedOut}, distinct officers committed ${e.committedOut}`);
    for (const [name, value] of Object.entries(b)) {
      if (!/^(h|co)_/.test(name)) continue;
      if (Number(value) !== (e.counters[name] ?? 0)) violations.push(`baseline ${key}: ${name} ${String(value)}, recount ${e.counters[name] ?? 0}`);
    }
    for (const [name, n] of Object.entries(e.counters)) {
      if (n !== 0 && b[name] === undefined) violations.push(`baseline ${key}: ${name} missing, recount ${n}`);
    }
    if (b.projected !== undefined && Number(b.projected) !== strength - committedOut) {
      violations.push(`baseline ${key}: projected ${String(b.projected)} ≠ strength ${strength} − committedOut ${committedOut}`);
    }
    const minimum = b.minimum === undefined ? undefined : Number(b.minimum);
    if (
      minimum !== undefined &&
      orgType.get(String(b.orgId)) === 'rocu' &&
      strength >= minimum &&
      strength - committedOut < minimum &&
      !released.has(key)
    ) {
      violations.push(`baseline ${key}: projected ${strength - committedOut} below minimum ${minimum} with no release decision`);
    }
  }
  for (const [key, e] of expected) {
    if (!seen.has(key) && e.strength !== 0) violations.push(`baseline ${key} missing, recount strength ${e.strength}`);
  }

  violations.push(...(await courseViolations(q)));
  return violations;
}

/**
 * Courses (`COURSE#BYSTART` on gsi1): bookings never exceed seats, and the
 * course's counters equal a recount of its bookings (`COURSE#<id>#BOOKING`).
 */
async function courseViolations(q: (pk: string, index?: 'gsi1' | 'gsi2') => Promise<Record<string, unknown>[]>): Promise<string[]> {
  const out: string[] = [];
  for (const c of await q('COURSE#BYSTART', 'gsi1')) {
    const id = String(c.id);
    const totalSeats = Number(c.totalSeats ?? 0);
    const totalBooked = Number(c.totalBooked ?? 0);
    const booked = Object.values((c.booked as Record<string, unknown> | undefined) ?? {}).map(Number);
    if (totalBooked > totalSeats) out.push(`course ${id}: ${totalBooked} booked > ${totalSeats} seats`);
    if (booked.some((n) => n < 0)) out.push(`course ${id}: a negative per-organisation booked counter`);
    if (booked.reduce((a, b) => a + b, 0) !== totalBooked) out.push(`course ${id}: per-organisation booked ${booked.join('+')} ≠ totalBooked ${totalBooked}`);
    const bookings = await q(`COURSE#${id}#BOOKING`, 'gsi1');
    const count = (status: string) => bookings.filter((b) => b.status === status).length;
    if (count('booked') !== totalBooked) out.push(`course ${id}: totalBooked ${totalBooked}, ${count('booked')} booking(s) booked`);
    if (count('waitlisted') !== Number(c.waiting ?? 0)) out.push(`course ${id}: waiting ${String(c.waiting ?? 0)}, ${count('waitlisted')} wait-listed`);
  }
  return out;
}
