import { addDays, todayIso } from '../../shared/domain/working-days';
import type { Identity } from '../../shared/http/identity';
import { draftCampaign } from '../../shared/use-cases/create-campaign';
import { publishCampaign } from '../../shared/use-cases/publish-campaign';

const ncaHr: Identity = { sub: 'nca-hr', org: 'nca', roles: ['hr-lead'], regions: [] };

/**
 * The walk-through a newcomer finds on a fresh `npm start`: step 1–2 of the
 * TITAN story. The NCA's "Cyber investigators, North West" campaign (6 posts,
 * SC, PIP2, no per-source cap) would take TITAN's cyber team from 10 to 4
 * against a minimum of 7, so it waits in consultation with a campaign-impact
 * alert for the TITAN head to answer. Goes through the same use cases as the
 * API, so the alert, inboxes and audit trail are exactly what a user would make.
 */
export async function seedScenario(now = new Date()): Promise<{ campaignId: string; alertIds: string[] }> {
  // Its window starts on the day of the seed: once the TITAN head has answered and it opens, officers can
  // apply straight away (step 4 of the walk-through); it closes six weeks later.
  const today = todayIso(now);
  const campaign = await draftCampaign(ncaHr, {
    title: 'Cyber investigators, North West',
    capabilityId: 'cyber',
    ownerOrgId: 'nca',
    partnerOrgIds: [],
    regions: ['north-west'],
    posts: 6,
    allocations: [],
    opensOn: today,
    closesOn: addDays(today, 42),
    maxAppointmentsPerSource: null,
    roleProfile: {
      jobDescription:
        'Investigate cyber-dependent crime as part of the National Cyber Crime Unit’s North West team: intrusions, ransomware and the infrastructure behind them, from first report to charge.',
      terms: 'NCA terms and conditions. Hybrid working from the Manchester office; national travel. Secondment or permanent transfer.',
      grade: 'NCA Grade 4',
      salaryBand: '£44,600 – £51,900',
      vetting: 'sc',
      minPipLevel: 2,
      locations: ['Manchester'],
    },
  });
  const published = await publishCampaign(ncaHr, campaign.id, now);
  return { campaignId: campaign.id, alertIds: published.raisedAlertIds };
}
