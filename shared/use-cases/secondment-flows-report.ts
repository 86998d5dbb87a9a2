import { listFlowCounters, type FlowCounter } from '../data/secondment.repository';
import { REGIONS } from '../domain/reference';
import type { Identity } from '../http/identity';
import type { SecondmentFlows } from '../schemas/secondment-flows.schema';

type Counts = { confirmed: number; active: number; completed: number };
const zero = (): Counts => ({ confirmed: 0, active: 0, completed: 0 });
const add = (a: Counts, b: Counts): Counts => ({ confirmed: a.confirmed + b.confirmed, active: a.active + b.active, completed: a.completed + b.completed });
const countsOf = (c: FlowCounter): Counts => ({ confirmed: c.confirmed, active: c.active, completed: c.completed });

/**
 * Secondment flows by region (the reciprocity the inspection found
 * missing): for each region, the counts per direction (home type → host
 * type) of secondments confirmed, active and completed, with NCA→ROCU and
 * ROCU→NCA picked out so they chart side by side. One Query of the counters'
 * partition (maintained in the transactions that confirm, start, complete
 * or withdraw a secondment); no records, only counts, so the scope is by
 * region, not organisation: an HR lead (and a ROCC naming a region) sees
 * the national picture, a ROCC by default their own regions. Every region in
 * scope is listed, with zeros where nothing flows.
 */
export async function secondmentFlowsReport(identity: Identity, query: { region?: string }): Promise<SecondmentFlows> {
  const counters = await listFlowCounters();
  const roccOnly = identity.roles.includes('rocc') && !identity.roles.includes('hr-lead');
  const scope: SecondmentFlows['scope'] = query.region ? 'region' : roccOnly ? 'own-regions' : 'all-regions';
  const shown: string[] = query.region ? [query.region] : roccOnly ? REGIONS.filter((r) => identity.regions.includes(r)) : [...REGIONS];

  const regions = shown.map((region) => {
    const here = counters.filter((c) => c.region === region).sort((a, b) => `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`));
    const one = (from: string, to: string) => here.filter((c) => c.from === from && c.to === to).map(countsOf).reduce(add, zero());
    return {
      region,
      flows: here.map((c) => ({ from: c.from, to: c.to, ...countsOf(c) })),
      ncaToRocu: one('nca', 'rocu'),
      rocuToNca: one('rocu', 'nca'),
    };
  });
  return {
    regions,
    totals: { ncaToRocu: regions.map((r) => r.ncaToRocu).reduce(add, zero()), rocuToNca: regions.map((r) => r.rocuToNca).reduce(add, zero()) },
    scope,
  };
}
