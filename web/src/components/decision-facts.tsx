import type { ReactNode } from 'react';
import { PIP, VETTING, formatDate } from '../format';
import { useReference } from '../reference';
import type { RouteResponse } from '../routes';
import { LevelTag, SummaryList } from './ui';

/** A team as it stands and after the decision (`TeamEffect` in decision-context.schema.ts). */
export type TeamEffect = RouteResponse<'GET /v1/alerts/{id}/context'>['teams'][number];
export type OfficerFacts = RouteResponse<'GET /v1/applications/{id}/offer-context'>['officer'];
/** `would`: what the decision would do; `has`: it has happened; `none`: nothing leaves any more. */
export type EffectState = RouteResponse<'GET /v1/alerts/{id}/context'>['effect'];

/** Where a number stands against the team's minimum, in words: "below its minimum of 7". */
export function againstMinimum(n: number, minimum: number): string {
  if (minimum <= 0) return 'it has no minimum set';
  if (n < minimum) return `below its minimum of ${minimum}`;
  if (n === minimum) return `exactly its minimum of ${minimum}`;
  return `above its minimum of ${minimum}`;
}

/**
 * What the decision does to a team, as a sentence: "could fall from 10 to 4,
 * below its minimum of 7" (`could` for a campaign's worst case, `would` for
 * one officer), or where it stands once nothing more is to happen.
 */
export function effectText(t: Pick<TeamEffect, 'projected' | 'after' | 'minimum'>, state: EffectState, modal: 'could' | 'would' = 'would'): string {
  if (state === 'would' && t.after !== t.projected) {
    return `${modal === 'could' ? 'could fall' : 'would go'} from ${t.projected} to ${t.after}, ${againstMinimum(t.after, t.minimum)}`;
  }
  return `${state === 'would' ? 'stays at' : 'stands at'} ${t.projected}, ${againstMinimum(t.projected, t.minimum)}`;
}

/** "Move to NCA (“Cyber investigators”) from 1 June 2027" / "Secondment to NCA until 30 November 2027". */
function leavingText(c: TeamEffect['committed'][number], orgName: (id: string) => string): string {
  if (c.kind === 'move') return `moving to ${orgName(c.toOrgId)} (“${c.title}”) from ${formatDate(c.startDate)}`;
  return `seconded to ${orgName(c.toOrgId)} (“${c.title}”) from ${formatDate(c.startDate)} until ${formatDate(c.endDate ?? c.startDate)}`;
}

function Card({ title, children, testId, headingLevel = 2 }: { title: ReactNode; children: ReactNode; testId?: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="govuk-summary-card" data-testid={testId}>
      <div className="govuk-summary-card__title-wrapper">
        <Heading className="govuk-summary-card__title">{title}</Heading>
      </div>
      <div className="govuk-summary-card__content">{children}</div>
    </div>
  );
}

/**
 * One team as a GOV.UK summary card: its numbers now, who is already
 * leaving and until when, and the decision's effect in a sentence.
 */
export function TeamCard({
  team,
  state,
  modal = 'would',
  afterLabel = 'After this decision',
  headingLevel,
}: {
  team: TeamEffect;
  state: EffectState;
  modal?: 'could' | 'would';
  afterLabel?: string;
  headingLevel?: 2 | 3;
}) {
  const { orgName, capabilityName } = useReference();
  const name = `${orgName(team.orgId)} ${capabilityName(team.capabilityId).toLowerCase()} team`;
  return (
    <Card title={name} testId={`team-${team.capabilityId}`} {...(headingLevel ? { headingLevel } : {})}>
      <p className="govuk-body" data-testid="team-effect">
        The {name} {effectText(team, state, modal)}.
      </p>
      <SummaryList
        rows={[
          { key: 'Officers in the team now', value: team.strength },
          { key: 'Minimum', value: team.minimum },
          {
            key: 'Already leaving',
            value:
              team.committed.length === 0 ? (
                'Nobody'
              ) : (
                <>
                  {team.committedOut}:
                  <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0" data-testid="committed-out">
                    {team.committed.map((c) => (
                      <li key={c.officerId}>
                        {c.name}, {leavingText(c, orgName)}
                      </li>
                    ))}
                  </ul>
                </>
              ),
          },
          { key: 'Left once they have gone', value: team.projected },
          state === 'would' && team.after !== team.projected
            ? {
                key: afterLabel,
                value: (
                  <>
                    <strong>{team.after}</strong> <LevelTag level={team.level} />
                  </>
                ),
              }
            : null,
        ]}
      />
    </Card>
  );
}

/** The officer a decision is about: their vetting, PIP level and accreditations. */
export function OfficerCard({ officer, title, headingLevel }: { officer: OfficerFacts; title?: string; headingLevel?: 2 | 3 }) {
  const { orgName, capabilityName } = useReference();
  return (
    <Card title={title ?? officer.name} testId="officer-facts" {...(headingLevel ? { headingLevel } : {})}>
      <SummaryList
        rows={[
          { key: 'Name', value: officer.name },
          officer.staffNumber ? { key: 'Staff number', value: officer.staffNumber } : null,
          { key: 'Home organisation', value: orgName(officer.homeOrgId) },
          {
            key: 'Vetting',
            value: `${VETTING[officer.vetting] ?? officer.vetting}${officer.vettingExpiresOn ? `, expires ${formatDate(officer.vettingExpiresOn)}` : ''}`,
          },
          { key: 'PIP level', value: officer.pipLevel === 0 ? 'None' : (PIP[officer.pipLevel] ?? `Level ${officer.pipLevel}`) },
          {
            key: 'Capabilities',
            value: officer.capabilities.length === 0 ? 'None' : officer.capabilities.map((c) => capabilityName(c)).join(', '),
          },
        ]}
      />
    </Card>
  );
}
