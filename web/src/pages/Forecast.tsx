import { useMemo } from 'react';
import { Link, Navigate, useParams } from 'react-router-dom';
import { DownloadLink } from '../components/download';
import { breachSentence, ForecastChart } from '../components/forecast-chart';
import { BackLink, LevelTag, LoadError, Loading, Tag, TableWrapper, usePageTitle } from '../components/ui';
import { csvDate, monthName, toCsv } from '../csv';
import { formatDate, LEVEL_TEXT, plural, REGION_NAMES } from '../format';
import { useApi } from '../hooks';
import { useReference } from '../reference';
import { useSession } from '../session';
import type { ForecastEvent, ForecastReport, ForecastTeam } from '../types';
import './reports.css';

const MONTHS_AHEAD = 24;

/** What happens, in words (the API's `kind`). */
export const EVENT_KIND: Record<ForecastEvent['kind'], string> = {
  'move-out': 'Moves to another unit',
  'move-in': 'Joins the unit',
  'secondment-out': 'Secondment starts',
  'secondment-return': 'Back from secondment',
  'posting-end': 'Posting ends',
  leaving: 'Leaves the service',
  'funding-end': 'Funding ends',
};

/** The change an event makes, in words: projected strength, or funded posts for a funding line's end. */
function changeText(e: ForecastEvent): string {
  const sign = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
  if (e.kind === 'funding-end') return `${sign(e.delta)} funded ${Math.abs(e.delta) === 1 ? 'post' : 'posts'}`;
  if (e.delta === 0) return 'None (already counted out)';
  return `${sign(e.delta)} projected`;
}

/** The events in the month the team first falls below its minimum that take it down: "3 postings end on 31 March 2027". */
function breachCauses(team: ForecastTeam): string | undefined {
  const b = team.firstBreach;
  if (!b || b.monthsAhead === 0) return undefined;
  const from = team.months[b.monthsAhead - 1]!.at;
  const to = team.months[b.monthsAhead]!.at;
  const down = team.events.filter((e) => e.date > from && e.date <= to && (e.delta < 0 || e.strengthDelta < 0) && e.kind !== 'funding-end');
  if (down.length === 0) return undefined;
  const groups = new Map<string, number>();
  for (const e of down) groups.set(`${e.kind}|${e.date}`, (groups.get(`${e.kind}|${e.date}`) ?? 0) + 1);
  const words: Record<string, [string, string]> = {
    'posting-end': ['posting ends', 'postings end'],
    leaving: ['officer leaves', 'officers leave'],
    'move-out': ['officer moves away', 'officers move away'],
    'secondment-out': ['secondment starts', 'secondments start'],
  };
  const parts = [...groups].map(([key, count]) => {
    const [kind, date] = key.split('|') as [string, string];
    const [one, many] = words[kind] ?? ['change', 'changes'];
    return `${count === 1 ? `1 ${one}` : `${count} ${many}`} on ${formatDate(date)}`;
  });
  return `Because ${parts.join(', and ')}.`;
}

function forecastCsv(report: ForecastReport, unit: string, capabilityName: (id: string) => string): string {
  const header = ['Unit', 'Team', 'Month', 'Figures at', 'Strength', 'Committed out', 'Projected', 'Minimum', 'Establishment (funded posts)', 'Level', 'Below minimum'];
  const rows = report.items.flatMap((team) =>
    team.months.map((m, i) => [
      unit,
      capabilityName(team.capabilityId),
      i === 0 ? `Today (${monthName(m.month)})` : monthName(m.month),
      csvDate(m.at),
      m.strength,
      m.committedOut,
      m.projected,
      team.minimum,
      m.establishment,
      LEVEL_TEXT[m.level].text,
      team.minimum > 0 && m.projected < team.minimum ? 'Yes' : 'No',
    ]),
  );
  return toCsv(header, rows);
}

function eventsCsv(report: ForecastReport, unit: string, capabilityName: (id: string) => string): string {
  const header = ['Unit', 'Team', 'Date', 'What happens', 'Officer', 'Change in projected strength', 'Change in funded posts', 'Details'];
  const rows = report.items.flatMap((team) =>
    team.events.map((e) => [
      unit,
      capabilityName(team.capabilityId),
      csvDate(e.date),
      EVENT_KIND[e.kind],
      e.officerName ?? e.officerId ?? '',
      e.kind === 'funding-end' ? 0 : e.delta,
      e.kind === 'funding-end' ? e.delta : 0,
      e.source,
    ]),
  );
  return toCsv(header, rows);
}

/** One team: the sentence on its first breach, the chart, its figures as a table, and who leaves or returns when. */
function TeamForecast({ team, teamName }: { team: ForecastTeam; teamName: string }) {
  const causes = breachCauses(team);
  const breachIndex = team.firstBreach?.monthsAhead;
  return (
    <section className="app-forecast-team" aria-labelledby={`team-${team.capabilityId}`} data-testid={`forecast-team-${team.capabilityId}`}>
      <h2 className="govuk-heading-m" id={`team-${team.capabilityId}`}>
        {teamName}
      </h2>
      {team.firstBreach ? (
        <div className="govuk-warning-text" data-testid={`forecast-sentence-${team.capabilityId}`}>
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {breachSentence(team, teamName)} {causes}
          </strong>
        </div>
      ) : (
        <p className="govuk-body" data-testid={`forecast-sentence-${team.capabilityId}`}>
          {breachSentence(team, teamName)}
        </p>
      )}
      <figure className="app-figure">
        <figcaption className="govuk-body-s">
          Strength is a solid line, projected strength (after those committed to leave have gone) a dashed line and the minimum a dotted line; each
          is named at its end. Months below the minimum are hatched.
        </figcaption>
        <ForecastChart team={team} teamName={teamName} />
      </figure>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">
            {teamName}: the figures month by month<span className="govuk-visually-hidden"> as a table</span>
          </span>
        </summary>
        <div className="govuk-details__text">
          <TableWrapper label={`${teamName} month by month`}>
            <table className="govuk-table" data-testid={`forecast-table-${team.capabilityId}`}>
              <caption className="govuk-table__caption govuk-table__caption--s">{teamName} at the end of each month (the first row is today)</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Month</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Strength</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Committed out</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Projected</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Minimum</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Establishment</th>
                  <th scope="col" className="govuk-table__header">Level</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {team.months.map((m, i) => (
                  <tr className="govuk-table__row" key={m.month} data-month={m.month}>
                    <th scope="row" className="govuk-table__header">
                      {i === 0 ? `Today, ${formatDate(m.at)}` : monthName(m.month)}
                      {i === breachIndex ? (
                        <>
                          {' '}
                          <Tag text="First below minimum" className="govuk-tag--red" />
                        </>
                      ) : null}
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{m.strength}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{m.committedOut}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{m.projected}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{team.minimum}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{m.establishment}</td>
                    <td className="govuk-table__cell">
                      <LevelTag level={m.level} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrapper>
        </div>
      </details>
      <h3 className="govuk-heading-s">Who leaves, returns or arrives when</h3>
      {team.events.length === 0 ? (
        <p className="govuk-body" data-testid={`forecast-no-events-${team.capabilityId}`}>
          Nothing dated changes the {teamName} team in the next {MONTHS_AHEAD} months.
        </p>
      ) : (
        <TableWrapper label={`${teamName}: who leaves, returns or arrives when`}>
          <table className="govuk-table" data-testid={`forecast-events-${team.capabilityId}`}>
            <caption className="govuk-visually-hidden">{teamName}: dated changes, soonest first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Date</th>
                <th scope="col" className="govuk-table__header">What happens</th>
                <th scope="col" className="govuk-table__header">Officer</th>
                <th scope="col" className="govuk-table__header">Change</th>
                <th scope="col" className="govuk-table__header">Details</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {team.events.map((e, i) => (
                <tr className="govuk-table__row" key={`${e.date}-${e.kind}-${e.officerId ?? i}`} data-kind={e.kind} data-date={e.date}>
                  <td className="govuk-table__cell app-nowrap">{formatDate(e.date)}</td>
                  <td className="govuk-table__cell">{EVENT_KIND[e.kind]}</td>
                  <td className="govuk-table__cell">{e.officerName ?? e.officerId ?? '—'}</td>
                  <td className="govuk-table__cell">{changeText(e)}</td>
                  <td className="govuk-table__cell govuk-body-s">{e.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrapper>
      )}
    </section>
  );
}

/**
 * `/forecast/:orgId`: each team of a unit month by month, two
 * years ahead, as a chart with the first breach in words, its table, and the
 * dated changes behind it; the forecast and the changes as CSV files.
 */
export function ForecastPage() {
  const { orgId = '' } = useParams();
  const { orgName, capabilityName } = useReference();
  const { session, hasRole } = useSession();
  const name = orgName(orgId);
  usePageTitle(`Capability forecast: ${name}`);
  const report = useApi('GET /v1/organisations/{orgId}/forecast', { params: { orgId }, query: { months: MONTHS_AHEAD } });
  const data = report.data;
  const teams = useMemo(() => [...(data?.items ?? [])].sort((a, b) => capabilityName(a.capabilityId).localeCompare(capabilityName(b.capabilityId))), [data, capabilityName]);
  const files = useMemo(
    () => (data ? { forecast: forecastCsv({ ...data, items: teams }, name, capabilityName), events: eventsCsv({ ...data, items: teams }, name, capabilityName) } : undefined),
    [data, teams, name, capabilityName],
  );
  const ownUnit = session?.claims.org === orgId && hasRole('rocu-head', 'hr-lead');
  const breaches = teams.filter((t) => t.firstBreach);
  return (
    <>
      {ownUnit ? null : <BackLink to="/forecast">All forecasts</BackLink>}
      <span className="govuk-caption-l">{name}</span>
      <h1 className="govuk-heading-l">Capability forecast</h1>
      <p className="govuk-body">
        Each specialist team month by month for the next {MONTHS_AHEAD} months: today’s strength, then each month’s end once the moves, secondments,
        posting ends, leaving dates and funding ends dated by then have happened. Projected strength leaves out officers committed to go.
      </p>
      {ownUnit ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/roster/${orgId}`}>
            See who serves in each team (the team roster)
          </Link>
        </p>
      ) : null}
      {report.loading && !data ? <Loading what="Loading the forecast" /> : null}
      {report.error ? <LoadError error={report.error} /> : null}
      {data && teams.length === 0 ? (
        <p className="govuk-body" data-testid="empty-state">
          {name} has no specialist teams to forecast.
        </p>
      ) : null}
      {data && teams.length > 0 && files ? (
        <>
          <p className="govuk-body" data-testid="forecast-summary">
            As of {formatDate(data.asOf)}: {breaches.length === 0 ? `no team falls below its minimum in the next ${MONTHS_AHEAD} months.` : `${plural(breaches.length, 'team')} of ${teams.length} ${breaches.length === 1 ? 'falls' : 'fall'} below the minimum within ${MONTHS_AHEAD} months.`}
          </p>
          <ul className="govuk-list">
            <li>
              <DownloadLink content={files.forecast} filename={`forecast-${orgId}-${data.asOf}.csv`} testId="download-forecast">
                Download the forecast, one row per team and month (CSV)
              </DownloadLink>
            </li>
            <li>
              <DownloadLink content={files.events} filename={`forecast-changes-${orgId}-${data.asOf}.csv`} testId="download-events">
                Download who leaves, returns or arrives when (CSV)
              </DownloadLink>
            </li>
          </ul>
          <TableWrapper label="Teams at a glance">
            <table className="govuk-table" data-testid="forecast-glance">
              <caption className="govuk-table__caption govuk-table__caption--m">Teams at a glance</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Team</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Projected today</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Lowest ahead</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Minimum</th>
                  <th scope="col" className="govuk-table__header">First below minimum</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {teams.map((t) => (
                  <tr className="govuk-table__row" key={t.capabilityId} data-capability={t.capabilityId}>
                    <th scope="row" className="govuk-table__header">
                      <a className="govuk-link" href={`#team-${t.capabilityId}`}>
                        {capabilityName(t.capabilityId)}
                      </a>
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{t.months[0]?.projected}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{Math.min(...t.months.map((m) => m.projected))}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{t.minimum}</td>
                    <td className="govuk-table__cell">
                      {t.firstBreach ? (
                        <Tag text={t.firstBreach.monthsAhead === 0 ? 'Today' : monthName(t.firstBreach.month)} className="govuk-tag--red" />
                      ) : (
                        `Not within ${MONTHS_AHEAD} months`
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrapper>
          {teams.map((t) => (
            <TeamForecast key={t.capabilityId} team={t} teamName={capabilityName(t.capabilityId)} />
          ))}
        </>
      ) : null}
    </>
  );
}

/**
 * Whose forecast the signed-in user may see, as the API decides it: their own
 * unit's (ROCU head, HR lead), a ROCC's regions', and every unit's for an NCA
 * HR lead. Pages link only to forecasts that will open.
 */
export function useCanSeeForecast(): (org: { id: string; region: string | null }) => boolean {
  const { session, hasRole } = useSession();
  const { organisations } = useReference();
  const claims = session?.claims;
  const agencyHr = hasRole('hr-lead') && organisations.find((o) => o.id === claims?.org)?.type === 'agency';
  return (org) =>
    !!claims &&
    ((claims.org === org.id && hasRole('rocu-head', 'hr-lead')) || (hasRole('rocc') && org.region !== null && (claims.regions ?? []).includes(org.region)) || agencyHr);
}

/**
 * `/forecast`: a ROCU head or HR lead of a ROCU goes straight to their own
 * unit's forecast; a ROCC chooses among the ROCUs of their regions, an NCA HR
 * lead among every ROCU.
 */
export function ForecastChooser() {
  usePageTitle('Capability forecasts');
  const { session, hasRole } = useSession();
  const { rocus, organisations } = useReference();
  const canSee = useCanSeeForecast();
  const own = organisations.find((o) => o.id === session!.claims.org);
  if (own?.type === 'rocu' && hasRole('rocu-head', 'hr-lead')) return <Navigate to={`/forecast/${own.id}`} replace />;
  const shown = rocus.filter(canSee);
  return (
    <>
      <h1 className="govuk-heading-l">Capability forecasts</h1>
      <p className="govuk-body">Each ROCU’s specialist teams month by month for the next two years, and the first month any falls below its minimum.</p>
      {organisations.length === 0 ? <Loading what="Loading the ROCUs" /> : null}
      {organisations.length > 0 && shown.length === 0 ? (
        <p className="govuk-body" data-testid="empty-state">
          There is no ROCU forecast for you to see.
        </p>
      ) : null}
      <ul className="govuk-list govuk-list--spaced" data-testid="forecast-units">
        {shown.map((o) => (
          <li key={o.id}>
            <Link className="govuk-link" to={`/forecast/${o.id}`}>
              {o.name}
            </Link>
            {o.region ? <span className="govuk-body-s"> ({REGION_NAMES[o.region] ?? o.region})</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
