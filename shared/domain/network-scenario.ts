import { impactLevel, type Level } from './capability-level';
import { assessImpact, type ImpactBaseline, type ImpactCampaign } from './impact';

/**
 * The network scenario (BRIEF.md "The capability forecast"): every open
 * campaign filled at its worst case at the same time, across every
 * capability its officers hold. Each campaign's own assessment (rule 1, the
 * co-held teams included) gives its exposure on each team; together a team
 * loses the sum, never more than the people it has (its projection). Pure.
 */
export interface ScenarioCampaign extends ImpactCampaign {
  id: string;
  title: string;
}

export interface ScenarioContribution {
  campaignId: string;
  title: string;
  ownerOrgId: string;
  exposure: number;
  /** The team's worst case with this campaign alone, and its level: what the campaign's own assessment shows. */
  worstCaseAlone: number;
  levelAlone: Level;
}

export interface ScenarioTeam {
  orgId: string;
  capabilityId: string;
  strength: number;
  minimum: number;
  committedOut: number;
  projected: number;
  totalExposure: number;
  worstCase: number;
  level: Level;
  /** No campaign alone takes the team below its minimum: only together do they. */
  onlyTogether: boolean;
  campaigns: ScenarioContribution[];
}

/** The teams that end below their minimum when every campaign is filled at its worst case at once, worst first. */
export function networkScenario(campaigns: readonly ScenarioCampaign[], rocuIds: readonly string[], baselines: readonly ImpactBaseline[]): ScenarioTeam[] {
  const teams = new Map<string, Omit<ScenarioTeam, 'totalExposure' | 'worstCase' | 'level' | 'onlyTogether'>>();
  for (const campaign of campaigns) {
    const { rows } = assessImpact(campaign, rocuIds, baselines, baselines);
    for (const row of rows) {
      if (row.exposure === 0) continue;
      const key = `${row.orgId}#${row.capabilityId}`;
      const team = teams.get(key) ?? { orgId: row.orgId, capabilityId: row.capabilityId, strength: row.strength, minimum: row.minimum, committedOut: row.committedOut, projected: row.projected, campaigns: [] };
      team.campaigns.push({ campaignId: campaign.id, title: campaign.title, ownerOrgId: campaign.ownerOrgId, exposure: row.exposure, worstCaseAlone: row.worstCase, levelAlone: row.level });
      teams.set(key, team);
    }
  }
  const out: ScenarioTeam[] = [];
  for (const team of teams.values()) {
    const totalExposure = Math.min(team.projected, team.campaigns.reduce((n, c) => n + c.exposure, 0));
    const worstCase = team.projected - totalExposure;
    if (worstCase >= team.minimum) continue;
    const level = impactLevel({ projected: team.projected, exposure: totalExposure, minimum: team.minimum });
    const onlyTogether = team.campaigns.every((c) => c.worstCaseAlone >= team.minimum);
    out.push({ ...team, totalExposure, worstCase, level, onlyTogether, campaigns: team.campaigns.sort((a, b) => b.exposure - a.exposure || a.campaignId.localeCompare(b.campaignId)) });
  }
  return out.sort((a, b) => a.worstCase - a.minimum - (b.worstCase - b.minimum) || `${a.orgId}#${a.capabilityId}`.localeCompare(`${b.orgId}#${b.capabilityId}`));
}
