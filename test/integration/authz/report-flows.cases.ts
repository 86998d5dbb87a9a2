import type { CaseBuilder } from './cross-org-case';

/** The secondment-flows report holds counts per region and direction, no records of any organisation. */
export const buildCases: CaseBuilder = async () => ({
  getSecondmentFlows: { notScoped: 'counts per region × direction only, no organisation’s records; a ROCC defaults to own regions (secondment-flows.test)' },
});
