import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { DownloadLink } from '../components/download';
import { LevelTag, LoadError, Loading, TableWrapper, usePageTitle } from '../components/ui';
import { csvDate, toCsv } from '../csv';
import { formatDate, plural, VETTING } from '../format';
import { useApi } from '../hooks';
import { useReference } from '../reference';
import type { RosterOfficer, TeamRoster } from '../types';

type Commitment = RosterOfficer['commitments'][number];

/** A commitment in words: where the officer goes, when, and for what. */
function commitmentText(c: Commitment, orgName: (id: string) => string, date: (iso: string) => string): string {
  return c.kind === 'move'
    ? `Moves to ${orgName(c.toOrgId)} from ${date(c.startDate)} (${c.title})`
    : `Secondment to ${orgName(c.toOrgId)} from ${date(c.startDate)}${c.endDate ? ` to ${date(c.endDate)}` : ''} (${c.title})`;
}

function rosterCsv(roster: TeamRoster, unit: string, orgName: (id: string) => string, capabilityName: (id: string) => string): string {
  const header = ['Unit', 'Officer', 'Staff number', 'Home organisation', 'Posted in', 'Posting ends', 'Leaving date', 'Teams', 'Vetting', 'PIP level', 'Commitments'];
  const rows = roster.officers.map((o) => [
    unit,
    o.name,
    o.staffNumber ?? '',
    orgName(o.homeOrgId),
    o.posted ? 'Yes' : 'No',
    csvDate(o.servingUntil),
    csvDate(o.leavingOn),
    o.capabilities.map(capabilityName).join('; '),
    VETTING[o.vetting] ?? o.vetting,
    o.pipLevel,
    o.commitments.map((c) => commitmentText(c, orgName, csvDate)).join('; '),
  ]);
  return toCsv(header, rows);
}

function OfficerRows({ officers }: { officers: RosterOfficer[] }) {
  const { orgName } = useReference();
  return (
    <>
      {officers.map((o) => (
        <tr className="govuk-table__row" key={o.id} data-officer={o.id}>
          <th scope="row" className="govuk-table__header">
            <Link className="govuk-link" to={`/officers/${o.id}`}>
              {o.name}
            </Link>
            {o.staffNumber ? <span className="govuk-body-s app-block">{o.staffNumber}</span> : null}
          </th>
          <td className="govuk-table__cell">{o.posted ? `${orgName(o.homeOrgId)} (posted in)` : orgName(o.homeOrgId)}</td>
          <td className="govuk-table__cell app-nowrap">{o.servingUntil ? formatDate(o.servingUntil) : 'Serves at home'}</td>
          <td className="govuk-table__cell app-nowrap">{o.leavingOn ? formatDate(o.leavingOn) : 'None recorded'}</td>
          <td className="govuk-table__cell">
            {o.commitments.length === 0 ? 'None' : o.commitments.map((c) => <span key={c.applicationId} className="app-block">{commitmentText(c, orgName, formatDate)}</span>)}
          </td>
        </tr>
      ))}
    </>
  );
}

function OfficerTable({ officers, label, testId }: { officers: RosterOfficer[]; label: string; testId: string }) {
  return (
    <TableWrapper label={label}>
      <table className="govuk-table" data-testid={testId}>
        <caption className="govuk-visually-hidden">{label}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Officer</th>
            <th scope="col" className="govuk-table__header">Home organisation</th>
            <th scope="col" className="govuk-table__header">Posting ends</th>
            <th scope="col" className="govuk-table__header">Leaving date</th>
            <th scope="col" className="govuk-table__header">Commitments</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          <OfficerRows officers={officers} />
        </tbody>
      </table>
    </TableWrapper>
  );
}

/**
 * `/roster/:orgId`: who serves in each team of the unit (its ROCU head and HR
 * lead): home organisation, posting end, leaving date and commitments, and
 * the whole roster as a CSV file, one row per officer.
 */
export function Roster() {
  const { orgId = '' } = useParams();
  const { orgName, capabilityName } = useReference();
  const name = orgName(orgId);
  usePageTitle(`Team roster: ${name}`);
  const roster = useApi('GET /v1/organisations/{orgId}/roster', { params: { orgId } });
  const data = roster.data;
  const byId = useMemo(() => new Map((data?.officers ?? []).map((o) => [o.id, o])), [data]);
  const teams = useMemo(() => [...(data?.teams ?? [])].sort((a, b) => capabilityName(a.capabilityId).localeCompare(capabilityName(b.capabilityId))), [data, capabilityName]);
  const file = useMemo(() => (data ? rosterCsv(data, name, orgName, capabilityName) : undefined), [data, name, orgName, capabilityName]);
  const withoutTeam = (data?.officers ?? []).filter((o) => o.capabilities.length === 0);
  const posted = (data?.officers ?? []).filter((o) => o.posted).length;
  return (
    <>
      <span className="govuk-caption-l">{name}</span>
      <h1 className="govuk-heading-l">Team roster</h1>
      <p className="govuk-body">
        Who serves in each specialist team: the unit’s own officers and those posted in from their forces, when each posting ends, known leaving dates,
        and anyone committed to leave (an accepted move or a confirmed secondment).
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/forecast/${orgId}`}>
          See each team’s forecast for the next two years
        </Link>
      </p>
      {roster.loading && !data ? <Loading what="Loading the roster" /> : null}
      {roster.error ? <LoadError error={roster.error} /> : null}
      {data && file ? (
        <>
          <p className="govuk-body" data-testid="roster-summary">
            As of {formatDate(data.asOf)}: {plural(data.officers.length, 'officer')} serving in {name}, {posted} of them posted in from another organisation.
          </p>
          <p className="govuk-body">
            <DownloadLink content={file} filename={`roster-${orgId}-${data.asOf}.csv`} testId="download-roster">
              Download the roster, one row per officer (CSV)
            </DownloadLink>
          </p>
          {teams.map((t) => (
            <section key={t.capabilityId} aria-labelledby={`roster-${t.capabilityId}`} data-testid={`roster-team-${t.capabilityId}`}>
              <h2 className="govuk-heading-m" id={`roster-${t.capabilityId}`}>
                {capabilityName(t.capabilityId)}
              </h2>
              <p className="govuk-body">
                <LevelTag level={t.level} /> Strength {t.strength}, committed to leave {t.committedOut}, projected {t.projected}, minimum {t.minimum}.
              </p>
              {t.officerIds.length === 0 ? (
                <p className="govuk-body">No one serves in this team.</p>
              ) : (
                <OfficerTable officers={t.officerIds.map((id) => byId.get(id)!).filter(Boolean)} label={`${capabilityName(t.capabilityId)} team`} testId={`roster-table-${t.capabilityId}`} />
              )}
            </section>
          ))}
          {withoutTeam.length > 0 ? (
            <section aria-labelledby="roster-none">
              <h2 className="govuk-heading-m" id="roster-none">
                Not in a specialist team
              </h2>
              <OfficerTable officers={withoutTeam} label="Officers not in a specialist team" testId="roster-table-none" />
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
