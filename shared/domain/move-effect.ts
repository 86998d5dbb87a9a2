import type { OrgType, Region } from './reference';

/**
 * The officer's region after moving to `destination`: a ROCU or force works
 * in one region, so the officer takes it; the NCA (no region of its own, it
 * has offices in several) leaves the region as it was.
 */
export function regionAfterMove(current: Region, destination: { type: OrgType; region: Region | null }): Region {
  return destination.type !== 'agency' && destination.region ? destination.region : current;
}

