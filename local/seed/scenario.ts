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
  await draftCampaign(ncaHr, jointDraft(today));
  return { campaignId: campaign.id, alertIds: published.raisedAlertIds };
}

/**
 * A joint NCA–VIPER draft whose posts belong to their organisations: one
 * NCA post and two VIPER posts. Left as a draft (its impact preview shows
 * each ROCU's teams, VIPER's exposed only to the NCA's post), so publishing
 * it, the offers into each allocation and the moves are the newcomer's to try.
 */
function jointDraft(today: string) {
  return {
    title: 'Kidnap and extortion negotiators, West Midlands (joint NCA–VIPER)',
    capabilityId: 'kidnap-extortion',
    ownerOrgId: 'nca',
    partnerOrgIds: ['viper'],
    regions: ['west-midlands' as const],
    posts: 3,
    allocations: [
      { orgId: 'nca', posts: 1 },
      { orgId: 'viper', posts: 2 },
    ],
    opensOn: addDays(today, 14),
    closesOn: addDays(today, 56),
    maxAppointmentsPerSource: 1,
    roleProfile: {
      jobDescription: 'Negotiate in kidnap and extortion cases across the West Midlands, with the NCA’s Kidnap and Anti-Extortion Unit and VIPER’s team.',
      terms: 'Joint posts: the NCA post on NCA terms, the VIPER posts on the home force’s terms while posted into VIPER.',
      grade: 'NCA Grade 3 / Police Sergeant',
      salaryBand: '£50,000 – £58,000',
      vetting: 'sc' as const,
      minPipLevel: 2 as const,
      locations: ['Birmingham'],
    },
  };
}
