import type { Organisation } from '../schemas/organisation.schema';
import { REGIONS, type Region } from './reference';

/** An inbox audience that has a contact item: who the service emails for one role of one organisation or region. */
export interface ContactAudience {
  audience: string;
  kind: 'rocu-head' | 'hr-lead' | 'rocc';
  orgId: string | null;
  region: Region | null;
}

/**
 * Every audience the notifier can address through the contacts directory, in
 * the order an administrator reads them: each ROCU's head, each organisation's
 * HR lead (the NCA, the ROCUs, the forces), each region's ROCC. Derived from
 * the organisations, so listing them needs no Scan of the contact items.
 */
export function contactAudiences(organisations: readonly Organisation[]): ContactAudience[] {
  const order = { agency: 0, rocu: 1, force: 2 } as const;
  const sorted = [...organisations].sort((a, b) => order[a.type] - order[b.type] || a.name.localeCompare(b.name));
  return [
    ...sorted.filter((o) => o.type === 'rocu').map((o) => ({ audience: `rocu-head:${o.id}`, kind: 'rocu-head' as const, orgId: o.id, region: null })),
    ...sorted.map((o) => ({ audience: `hr-lead:${o.id}`, kind: 'hr-lead' as const, orgId: o.id, region: null })),
    ...REGIONS.map((r) => ({ audience: `rocc:${r}`, kind: 'rocc' as const, orgId: null, region: r })),
  ];
}

/** The audience an id names, if the directory has it: `rocu-head:` only for a ROCU, `rocc:` only for a region. */
export function findAudience(audience: string, organisations: readonly Organisation[]): ContactAudience | undefined {
  return contactAudiences(organisations).find((a) => a.audience === audience);
}
