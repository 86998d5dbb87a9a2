import { users } from '../support/api';
import { makeOfficer } from '../support/fixtures';
import type { CaseBuilder } from './cross-org-case';

/**
 * A TITAN officer's PIP record (no accreditation held, so TITAN's counters
 * that other cases rely on are untouched). ERSOU's HR lead, who neither is
 * the home nor hosts a secondment of the officer, cannot read, change or sign
 * it off: 404, as for any record of another organisation.
 */
export const buildCases: CaseBuilder = async () => {
  const officer = await makeOfficer({ homeOrgId: 'titan', capabilities: [], pipLevel: 1 });
  const url = `/v1/officers/${officer.id}/pip`;
  return {
    getPipRecord: { as: users.ersouHr, request: () => ({ url }), expect: 404 },
    patchPipRecord: { as: users.ersouHr, request: () => ({ method: 'PATCH', url, body: { evidence: 'Not mine.', version: 0 } }), expect: 404 },
    signOffPip: { as: users.ersouHr, request: () => ({ method: 'POST', url: `${url}/sign-off`, body: { level: 2, evidence: 'Not mine.' } }), expect: 404 },
  };
};
