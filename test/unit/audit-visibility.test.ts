import { describe, expect, it } from 'vitest';
import { canReadAuditEntry } from '../../shared/domain/audit-visibility';
import type { Identity } from '../../shared/http/identity';

const who = (roles: Identity['roles'], org = 'nca', regions: string[] = []): Identity => ({ sub: 'u', org, roles, regions });
const regionOf = (orgId: string) => ({ titan: 'north-west', ersou: 'east-of-england' })[orgId] ?? null;

describe('who reads an audit entry', () => {
  it('the HR lead or ROCU head of an organisation involved, not of another', () => {
    const entry = { entityType: 'officer', orgIds: ['titan'] };
    expect(canReadAuditEntry(who(['hr-lead'], 'titan'), entry, regionOf)).toBe(true);
    expect(canReadAuditEntry(who(['rocu-head'], 'titan'), entry, regionOf)).toBe(true);
    expect(canReadAuditEntry(who(['hr-lead'], 'ersou'), entry, regionOf)).toBe(false);
    expect(canReadAuditEntry(who(['officer'], 'titan'), entry, regionOf)).toBe(false);
  });

  it('a ROCC whose regions include an involved organisation’s', () => {
    const entry = { entityType: 'campaign', orgIds: ['nca', 'titan'] };
    expect(canReadAuditEntry(who(['rocc'], 'nca', ['north-west']), entry, regionOf)).toBe(true);
    expect(canReadAuditEntry(who(['rocc'], 'nca', ['wales']), entry, regionOf)).toBe(false);
  });

  it('the administrator for the capabilities and contacts they keep, and nothing else', () => {
    expect(canReadAuditEntry(who(['admin']), { entityType: 'contact', orgIds: ['titan'] }, regionOf)).toBe(true);
    expect(canReadAuditEntry(who(['admin']), { entityType: 'capability', orgIds: [] }, regionOf)).toBe(true);
    for (const entityType of ['officer', 'campaign', 'application', 'secondment-application', 'baseline']) {
      expect(canReadAuditEntry(who(['admin']), { entityType, orgIds: ['nca'] }, regionOf), entityType).toBe(false);
    }
  });
});
