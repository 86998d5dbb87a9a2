import { addDays, todayIso } from '../../../shared/domain/working-days';

/** A placement the NCA posts for ROCU officers (SC, PIP1, developing PIP2), opening in 60 days and closing for applications in 30. */
export function placementBody(overrides: Record<string, unknown> = {}) {
  const today = todayIso();
  return {
    title: 'Cyber investigator secondment, NCA North West',
    hostOrgId: 'nca',
    capabilityId: 'cyber',
    places: 3,
    startDate: addDays(today, 60),
    durationMonths: 6,
    region: 'north-west',
    eligibility: { homeOrgTypes: ['rocu'], vetting: 'sc', minPipLevel: 1 },
    pipDevelopmentLevel: 2,
    closesOn: addDays(today, 30),
    ...overrides,
  };
}
