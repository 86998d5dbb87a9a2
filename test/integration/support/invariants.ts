import { tableName } from '../../../shared/data/client';
import { keys } from '../../../shared/data/keys';
import { queryAll } from '../../../shared/data/query-all';
import { CAMPAIGN_STATUSES } from '../../../shared/domain/campaign-rules';
import { countedOfficer, officerFromItem } from '../../../shared/data/officer.repository';
import { counterDeltas } from '../../../shared/domain/officer-counters';
import { PLACEMENT_STATUSES } from '../../../shared/domain/secondment-rules';

/**
 * The table's invariants, recounted from the items they summarise, with
 * Queries only (no Scan, here either):
 *
 * - every baseline's `strength` and holder counters equal a recount of the
 *   active officers of that organisation holding the capability;
 * - `projected` = `strength − committedOut`, and `committedOut` equals the
 *   live commitments (campaign acceptances and confirmed secondments that
 *   carry a `commitment` on that baseline);
 * - a placement's `confirmed` is ≤ `places` and equals its applications that
 *   hold a place (confirmed, active or completed: completing a secondment
 *   does not give its place back, only withdrawing a confirmed one does);
 * - a ROCU baseline is never projected below its minimum by commitments
 *   unless a release decision covers one of them;
 * - per-source offer counters are never negative; a course's bookings are
 *   ≤ its seats and its counters equal a recount of its bookings.
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

  const orgs = await q(keys.organisationsPartition);
  const orgType = new Map(orgs.map((o) => [String(o.id), String(o.type)]));

  // ---- expected counters from the officers themselves
  const expected = new Map<string, { strength: number; holders: Record<string, number> }>();
  const officerPages = await Promise.all(orgs.map((o) => q(keys.officersOfOrg(String(o.id)), 'gsi1')));
  for (const officer of officerPages.flat()) {
    for (const d of counterDeltas(undefined, countedOfficer(officerFromItem(officer)))) {
      const key = `${d.orgId}#${d.capabilityId}`;
      const e = expected.get(key) ?? { strength: 0, holders: {} };
      e.strength += d.strength;
      for (const [name, n] of Object.entries(d.holders)) e.holders[name] = (e.holders[name] ?? 0) + n;
      expected.set(key, e);
    }
  }

  // ---- live commitments from campaign and secondment applications
  const commitments = new Map<string, { total: number; released: number }>();
  const commit = (app: Record<string, unknown>, released: boolean) => {
    const c = app.commitment as { orgId: string; capabilityId: string } | null | undefined;
    if (!c) return;
    const key = `${c.orgId}#${c.capabilityId}`;
    const e = commitments.get(key) ?? { total: 0, released: 0 };
    e.total += 1;
    if (released) e.released += 1;
    commitments.set(key, e);
  };
  const campaigns = (await Promise.all(CAMPAIGN_STATUSES.map((s) => q(keys.campaignsWithStatus(s), 'gsi1')))).flat();
  const campaignApps = await Promise.all(campaigns.map((c) => q(keys.applicationsOfCampaign(String(c.id)), 'gsi1')));
  for (const app of campaignApps.flat()) commit(app, Boolean(app.releasedBy));
  for (const c of campaigns) {
    const sources = await q(`CAMPAIGN#${String(c.id)}`, undefined, {
      KeyConditionExpression: '#pk = :pk AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':pk': `CAMPAIGN#${String(c.id)}`, ':s': 'SOURCE#' },
    });
    for (const s of sources) {
      if (Number(s.offers ?? 0) < 0) violations.push(`campaign ${String(c.id)} source ${String(s.sk)}: offers ${String(s.offers)} < 0`);
    }
  }

  const placements = (await Promise.all(PLACEMENT_STATUSES.map((s) => q(`PLACEMENT#STATUS#${s}`, 'gsi1')))).flat();
  for (const p of placements) {
    const apps = await q(`PLACEMENT#${String(p.id)}#APP`, 'gsi1');
    for (const app of apps) commit(app, app.release === true);
    const holding = apps.filter((a) => a.status === 'confirmed' || a.status === 'active' || a.status === 'completed').length;
    const confirmed = Number(p.confirmed ?? 0);
    if (confirmed > Number(p.places)) violations.push(`placement ${String(p.id)}: confirmed ${confirmed} > places ${String(p.places)}`);
    if (confirmed !== holding) violations.push(`placement ${String(p.id)}: confirmed ${confirmed} but ${holding} secondment(s) hold a place`);
  }

  // ---- every baseline against the recounts
  const baselines = await q('CAPBASE', 'gsi2');
  const seen = new Set<string>();
  for (const b of baselines) {
    const key = `${String(b.orgId)}#${String(b.capabilityId)}`;
    seen.add(key);
    const e = expected.get(key) ?? { strength: 0, holders: {} };
    const strength = Number(b.strength ?? 0);
    const committedOut = Number(b.committedOut ?? 0);
    if (strength !== e.strength) violations.push(`baseline ${key}: strength ${strength}, recount ${e.strength}`);
    for (const [name, value] of Object.entries(b)) {
      if (!/^h_/.test(name)) continue;
      if (Number(value) !== (e.holders[name] ?? 0)) violations.push(`baseline ${key}: ${name} ${String(value)}, recount ${e.holders[name] ?? 0}`);
    }
    for (const [name, n] of Object.entries(e.holders)) {
      if (n !== 0 && b[name] === undefined) violations.push(`baseline ${key}: ${name} missing, recount ${n}`);
    }
    const c = commitments.get(key) ?? { total: 0, released: 0 };
    if (committedOut !== c.total) violations.push(`baseline ${key}: committedOut ${committedOut}, live commitments ${c.total}`);
    if (b.projected !== undefined && Number(b.projected) !== strength - committedOut) {
      violations.push(`baseline ${key}: projected ${String(b.projected)} ≠ strength ${strength} − committedOut ${committedOut}`);
    }
    const minimum = b.minimum === undefined ? undefined : Number(b.minimum);
    if (
      minimum !== undefined &&
      orgType.get(String(b.orgId)) === 'rocu' &&
      strength >= minimum &&
      strength - committedOut < minimum &&
      c.released === 0
    ) {
      violations.push(`baseline ${key}: projected ${strength - committedOut} below minimum ${minimum} with no release decision`);
    }
  }
  for (const [key, e] of expected) {
    if (!seen.has(key) && e.strength !== 0) violations.push(`baseline ${key} missing, recount strength ${e.strength}`);
  }
  for (const [key, c] of commitments) {
    if (!seen.has(key) && c.total !== 0) violations.push(`baseline ${key} missing, ${c.total} live commitment(s)`);
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
