import { Link } from 'react-router-dom';
import { CampaignStatusTag, LoadError, Loading, NotificationBanner, TableWrapper, usePageTitle } from '../components/ui';
import { CAMPAIGN_STATUS, REGION_NAMES, formatDate, plural } from '../format';
import { useApi } from '../hooks';
import { useReference } from '../reference';
import type { CampaignCalendarReport } from '../types';
import { wrapWords } from '../components/chart';
import './reports.css';

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Label, plot and the status words after a bar fit the 960 px page, so nothing is cut off at desktop width.
const LABEL_W = 230;
const PLOT_W = 540;
const STATUS_W = 190;
const LINE_H = 17;
const ROW_PAD = 12;
const AXIS_H = 44;
/** Characters of a campaign's title per line of its label: the whole title shows, however long. */
const LABEL_CHARS = 28;

/** Bars by status: the fill is decoration; each bar's status is also in words at its end. */
const STATUS_FILL: Record<string, string> = {
  draft: '#b1b4b6',
  consultation: '#ffdd00',
  open: '#00703c',
  closed: '#1d70b8',
  completed: '#1d70b8',
  cancelled: '#d4351c',
};

function CalendarPicture({ report, capabilityName }: { report: CampaignCalendarReport; capabilityName: (id: string) => string }) {
  const start = day(report.from);
  const end = day(report.to) + DAY;
  const x = (t: number) => LABEL_W + (Math.min(Math.max(t, start), end) - start) * (PLOT_W / (end - start));
  const width = LABEL_W + PLOT_W + STATUS_W;
  // Each row is as tall as its title's lines: two campaigns whose titles start alike are told apart by the rest.
  const rows = report.campaigns.map((c) => ({ campaign: c, lines: wrapWords(c.title, LABEL_CHARS) }));
  const rowHeights = rows.map((r) => Math.max(34, r.lines.length * LINE_H + ROW_PAD));
  const rowTops = rowHeights.map((_, i) => AXIS_H + rowHeights.slice(0, i).reduce((a, b) => a + b, 0));
  const height = AXIS_H + rowHeights.reduce((a, b) => a + b, 0) + 8;
  // Month starts in the window; each month's name is centred in its own span (about 36 px), so names never overlap,
  // and the year stands on a line above, at the window's first month and at each January.
  const months: { at: number; next: number }[] = [];
  const first = new Date(start);
  for (let m = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1); m < end; ) {
    const d = new Date(m);
    const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    months.push({ at: m, next });
    m = next;
  }
  const today = Date.now();
  return (
    <svg className="app-chart" role="img" aria-labelledby="calendar-title calendar-desc" width={width} height={height} viewBox={`0 0 ${width} ${height}`} data-testid="calendar-svg">
      <title id="calendar-title">
        Campaign calendar from {formatDate(report.from)} to {formatDate(report.to)}: {plural(report.campaigns.length, 'campaign')}
      </title>
      <desc id="calendar-desc">
        One bar per campaign from its opening to its closing date, with its status in words. The table after the picture gives the same dates.
      </desc>
      {months.map(({ at, next }, i) => {
        const d = new Date(at);
        const x1 = x(at);
        const x2 = x(next);
        const showYear = i === 0 || d.getUTCMonth() === 0;
        return (
          <g key={at} data-month={d.toISOString().slice(0, 7)}>
            {at >= start ? <line x1={x1} x2={x1} y1={AXIS_H - 18} y2={height} stroke="#b1b4b6" strokeWidth={1} /> : null}
            {x2 - x1 >= 24 ? (
              <text x={(x1 + x2) / 2} y={AXIS_H - 6} textAnchor="middle" className="app-chart__axis">
                {MONTHS[d.getUTCMonth()]}
              </text>
            ) : null}
            {showYear ? (
              <text x={Math.max(x1, LABEL_W) + 3} y={AXIS_H - 26} className="app-chart__axis app-chart__year">
                {d.getUTCFullYear()}
              </text>
            ) : null}
          </g>
        );
      })}
      {today >= start && today <= end ? (
        <g>
          <line x1={x(today)} x2={x(today)} y1={AXIS_H - 18} y2={height} stroke="#0b0c0c" strokeWidth={2} strokeDasharray="4 3" />
        </g>
      ) : null}
      {rows.map(({ campaign: c, lines }, i) => {
        const y = rowTops[i]!;
        const h = rowHeights[i]!;
        const x1 = x(day(c.opensOn));
        const x2 = Math.max(x(day(c.closesOn) + DAY), x1 + 3);
        const status = CAMPAIGN_STATUS[c.status]?.text ?? c.status;
        const firstLine = y + h / 2 + 5 - ((lines.length - 1) * LINE_H) / 2;
        return (
          <g key={c.id} data-campaign={c.id} data-status={c.status}>
            <text x={0} y={firstLine} className="app-chart__label" data-testid="calendar-label">
              {lines.map((line, j) => (
                <tspan key={j} x={0} dy={j === 0 ? 0 : LINE_H}>
                  {line}
                </tspan>
              ))}
            </text>
            <rect x={x1} y={y + h / 2 - 10} width={x2 - x1} height={20} fill={STATUS_FILL[c.status] ?? '#505a5f'} stroke="#0b0c0c" strokeWidth={1} />
            <text x={Math.min(x2 + 6, LABEL_W + PLOT_W + 4)} y={y + h / 2 + 5} className="app-chart__label">
              {status}
              {c.coordination.length > 0 ? ' (notice)' : ''}
            </text>
            <title>
              {c.title}, {capabilityName(c.capabilityId)}: {formatDate(c.opensOn)} to {formatDate(c.closesOn)}, {status}
            </title>
          </g>
        );
      })}
    </svg>
  );
}

/** `/reports/campaign-calendar`: campaigns on a timeline, with the coordination notices between overlapping ones. */
export function CampaignCalendar() {
  usePageTitle('Campaign calendar');
  const { orgName, capabilityName } = useReference();
  const report = useApi('GET /v1/reports/campaign-calendar');
  const data = report.data;
  const titleOf = (id: string) => data?.campaigns.find((c) => c.id === id)?.title ?? id;
  return (
    <>
      <h1 className="govuk-heading-l">Campaign calendar</h1>
      <p className="govuk-body">
        Recruitment campaigns from three months ago to a year ahead. Campaigns for the same capability in the same region at the same time get a
        coordination notice, so their owners can talk before they compete for the same officers.
      </p>
      {report.loading && !data ? <Loading what="Loading the calendar" /> : null}
      {report.error ? <LoadError error={report.error} /> : null}
      {data && data.campaigns.length === 0 ? (
        <p className="govuk-body" data-testid="empty-state">
          There are no campaigns between {formatDate(data.from)} and {formatDate(data.to)}.
        </p>
      ) : null}
      {data && data.notices.length > 0 ? (
        <NotificationBanner title="Coordination notices">
          <p className="govuk-notification-banner__heading">{plural(data.notices.length, 'pair')} of campaigns overlap</p>
          <ul className="govuk-list" data-testid="coordination-notices">
            {data.notices.map((n) => (
              <li key={n.campaignIds.join('-')}>
                {capabilityName(n.capabilityId)}:{' '}
                {n.campaignIds.map((id, i) => (
                  <span key={id}>
                    {i > 0 ? ' and ' : ''}
                    <Link className="govuk-notification-banner__link" to={`/campaigns/${id}`}>
                      {n.titles[i] ?? titleOf(id)}
                    </Link>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </NotificationBanner>
      ) : null}
      {data?.truncated ? <p className="govuk-inset-text">There are more campaigns in this window than one calendar shows.</p> : null}
      {data && data.campaigns.length > 0 ? (
        <>
          <figure className="app-figure">
            <figcaption className="govuk-body-s">
              Each bar runs from the campaign’s opening date to its closing date; the dashed line is today. Scroll sideways on a small screen.
            </figcaption>
            <div className="app-table-wrapper" role="region" aria-label="Campaign calendar picture" tabIndex={0}>
              <CalendarPicture report={data} capabilityName={capabilityName} />
            </div>
          </figure>
          <h2 className="govuk-heading-m">The calendar as a table</h2>
          <TableWrapper label="Campaign calendar table">
            <table className="govuk-table" data-testid="calendar-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Campaigns in opening order</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Campaign</th>
                  <th scope="col" className="govuk-table__header">Capability</th>
                  <th scope="col" className="govuk-table__header">Run by</th>
                  <th scope="col" className="govuk-table__header">Regions</th>
                  <th scope="col" className="govuk-table__header">Opens</th>
                  <th scope="col" className="govuk-table__header">Closes</th>
                  <th scope="col" className="govuk-table__header">Status</th>
                  <th scope="col" className="govuk-table__header">Coordination notice with</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {data.campaigns.map((c) => (
                  <tr className="govuk-table__row" key={c.id} data-campaign={c.id}>
                    <th scope="row" className="govuk-table__header">
                      <Link className="govuk-link" to={`/campaigns/${c.id}`}>
                        {c.title}
                      </Link>
                    </th>
                    <td className="govuk-table__cell">{capabilityName(c.capabilityId)}</td>
                    <td className="govuk-table__cell">
                      {orgName(c.ownerOrgId)}
                      {c.partnerOrgIds.length > 0 ? ` with ${c.partnerOrgIds.map(orgName).join(', ')}` : ''}
                    </td>
                    <td className="govuk-table__cell">{c.regions.map((r) => REGION_NAMES[r] ?? r).join(', ')}</td>
                    <td className="govuk-table__cell">{formatDate(c.opensOn)}</td>
                    <td className="govuk-table__cell">{formatDate(c.closesOn)}</td>
                    <td className="govuk-table__cell">
                      <CampaignStatusTag status={c.status} />
                    </td>
                    <td className="govuk-table__cell">{c.coordination.length === 0 ? 'None' : c.coordination.map((o) => o.title).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrapper>
        </>
      ) : null}
    </>
  );
}
