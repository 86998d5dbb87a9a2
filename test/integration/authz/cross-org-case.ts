import type { Claims } from '../support/api';

/**
 * How a user of another organisation is kept out of one route: who tries,
 * what they send, and what they must get. Routes that hold nothing
 * organisation-scoped say why instead.
 */
export interface CrossOrgCase {
  /** A user of another organisation, with the role the route wants. */
  as: Claims;
  request: () => { method?: string; url: string; body?: unknown; raw?: string; contentType?: string };
  expect: 403 | 404;
}

export type CrossOrg = CrossOrgCase | { notScoped: string };

/**
 * Each area's file (`authz/<area>.cases.ts`) exports `buildCases`: it makes the
 * records its cases need (in TITAN, with reference data seeded) and returns a
 * case for each of its routes, keyed by route id.
 */
export type CaseBuilder = () => Promise<Record<string, CrossOrg>>;
