import { describe, expect, it } from 'vitest';
import type { ApplicationStatus } from '../../shared/domain/application-rules';
import { appointableCheck, consentRefusal, poolEntryVisible, selectPoolEntries } from '../../shared/domain/pool-rules';

const history = (...statuses: ApplicationStatus[]) => statuses.map((status) => ({ status }));

describe('who HR may mark appointable', () => {
  it('a candidate shortlisted and then rejected is appointable, with nothing more to check', () => {
    expect(appointableCheck({ status: 'rejected', history: history('submitted', 'shortlisted', 'rejected') })).toEqual({
      ok: true,
      campaignMustHaveEnded: false,
    });
  });

  it('a candidate whose offer fell through and was rejected is appointable (they passed the shortlist)', () => {
    const check = appointableCheck({ status: 'rejected', history: history('submitted', 'shortlisted', 'offered', 'rejected') });
    expect(check.ok).toBe(true);
  });

  it('a candidate still shortlisted is appointable only once the campaign can make no more offers', () => {
    expect(appointableCheck({ status: 'shortlisted', history: history('submitted', 'shortlisted') })).toEqual({
      ok: true,
      campaignMustHaveEnded: true,
    });
  });

  it('a candidate rejected without reaching the shortlist is not appointable', () => {
    const check = appointableCheck({ status: 'rejected', history: history('submitted', 'rejected') });
    expect(check).toMatchObject({ ok: false, reason: expect.stringMatching(/reached the shortlist/) });
  });

  it('a live offer, an acceptance or a withdrawal is refused', () => {
    for (const status of ['offered', 'awaiting-release', 'accepted', 'withdrawn'] as const) {
      const check = appointableCheck({ status, history: history('submitted', 'shortlisted', status) });
      expect(check.ok, status).toBe(false);
    }
  });
});

describe('when the applicant may consent to be pooled', () => {
  it('giving consent needs the appointable mark; withdrawing it never does', () => {
    expect(consentRefusal({ appointable: true }, true)).toBeUndefined();
    expect(consentRefusal({ appointable: false }, true)).toMatch(/marked appointable/);
    expect(consentRefusal({}, true)).toMatch(/marked appointable/);
    expect(consentRefusal({ appointable: false }, false)).toBeUndefined();
  });
});

describe('which pooled candidates an HR lead sees', () => {
  // A joint NCA–TITAN cyber campaign found the candidate appointable.
  const entry = { sourceCampaignId: 'cmp_joint', sourceOrgIds: ['nca', 'titan'], officerId: 'off_a' };
  const laterTitan = { id: 'cmp_titan2', ownerOrgId: 'titan', partnerOrgIds: [] };
  const laterNca = { id: 'cmp_nca2', ownerOrgId: 'nca', partnerOrgIds: [] };
  const ersou = { id: 'cmp_ersou', ownerOrgId: 'ersou', partnerOrgIds: [] };

  it('the joint campaign’s partner sees them from its own later campaign', () => {
    expect(poolEntryVisible(entry, laterTitan, 'titan')).toBe(true);
  });

  it('the joint campaign’s owner sees them from a later campaign', () => {
    expect(poolEntryVisible(entry, laterNca, 'nca')).toBe(true);
  });

  it('an organisation that did not run the source campaign does not, even from its own campaign for the capability', () => {
    expect(poolEntryVisible(entry, ersou, 'ersou')).toBe(false);
  });

  it('an unrelated partner of the browsing campaign does not, though the source’s partner browsing the same campaign does', () => {
    const jointErsouTitan = { id: 'cmp_et', ownerOrgId: 'ersou', partnerOrgIds: ['titan'] };
    expect(poolEntryVisible(entry, jointErsouTitan, 'ersou')).toBe(false);
    expect(poolEntryVisible(entry, jointErsouTitan, 'titan')).toBe(true);
  });

  it('the caller must run the campaign they browse from', () => {
    expect(poolEntryVisible(entry, laterNca, 'titan')).toBe(false);
  });

  it('the source campaign itself shows none of its own candidates', () => {
    expect(poolEntryVisible(entry, { id: 'cmp_joint', ownerOrgId: 'nca', partnerOrgIds: ['titan'] }, 'nca')).toBe(false);
  });

  it('a page leaves out officers who already applied, and shows each officer once (their newest entry)', () => {
    const newer = { ...entry, sourceCampaignId: 'cmp_joint_b', label: 'newer' };
    const older = { ...entry, label: 'older' };
    const other = { ...entry, officerId: 'off_b', label: 'other' };
    const applied = { ...entry, officerId: 'off_c', label: 'applied' };
    const hidden = { ...entry, officerId: 'off_d', sourceOrgIds: ['ersou'], label: 'hidden' };
    const page = selectPoolEntries([newer, older, other, applied, hidden], laterTitan, 'titan', new Set(['off_c']));
    expect(page.map((e) => e.label)).toEqual(['newer', 'other']);
  });
});
