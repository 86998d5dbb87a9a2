import { counterDeltas, type CountedOfficer } from './officer-counters';
import type { OrgType, Region } from './reference';

/**
 * What happens to the counters and the officer record when an accepted move
 * takes effect (BRIEF.md "Capability protection": "When an accepted move
 * takes effect the officer's home changes, and both numbers drop by one
 * together"). Pure: the move job turns these into one transaction.
 */

/** The baseline an acceptance added to `committedOut` (see the application's `commitment`). */
export interface Commitment {
  orgId: string;
  capabilityId: string;
}

/** One baseline's change: the shape `baselineCounterAction` takes, with every field present. */
export interface MoveCounterChange {
  orgId: string;
  capabilityId: string;
  strength: number;
  committedOut: number;
  holders: Record<string, number>;
}

/**
 * The officer's region after moving to `destination`: a ROCU or force works
 * in one region, so the officer takes it; the NCA (no region of its own, it
 * has offices in several) leaves the region as it was.
 */
export function regionAfterMove(current: Region, destination: { type: OrgType; region: Region | null }): Region {
  return destination.type !== 'agency' && destination.region ? destination.region : current;
}

/**
 * The counter changes of a move, one per baseline: the officer's holder
 * counters leave the old home and arrive at the new one (`counterDeltas`),
 * and the acceptance's commitment is released on the baseline it was added
 * to. Merged by baseline, because a transaction may not touch one item twice.
 *
 * On the old home's campaign-capability baseline this is strength −1 and
 * committedOut −1, so `projected` does not move: the acceptance already took
 * the officer off it. Every other capability the officer held loses strength
 * and projected by one there: the projection only protected the campaign's
 * capability, so those teams see the loss only now. The new home gains
 * strength (and projected) for each capability.
 *
 * A commitment whose baseline has no holder change (the officer lost the
 * accreditation, or was moved by hand, after accepting) is still released:
 * it is what the acceptance added, and nothing else will take it off.
 */
export function moveCounterChanges(before: CountedOfficer, after: CountedOfficer, commitment: Commitment | null): MoveCounterChange[] {
  const byBaseline = new Map<string, MoveCounterChange>();
  for (const d of counterDeltas(before, after)) {
    byBaseline.set(`${d.orgId}#${d.capabilityId}`, { orgId: d.orgId, capabilityId: d.capabilityId, strength: d.strength, committedOut: 0, holders: { ...d.holders } });
  }
  if (commitment) {
    const key = `${commitment.orgId}#${commitment.capabilityId}`;
    const change = byBaseline.get(key) ?? { orgId: commitment.orgId, capabilityId: commitment.capabilityId, strength: 0, committedOut: 0, holders: {} };
    change.committedOut -= 1;
    byBaseline.set(key, change);
  }
  return [...byBaseline.values()].sort((a, b) => `${a.orgId}#${a.capabilityId}`.localeCompare(`${b.orgId}#${b.capabilityId}`));
}
