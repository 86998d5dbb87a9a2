import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Radios, Select } from '../components/form';
import { LevelTag, LoadError, Loading, TableWrapper, usePageTitle } from '../components/ui';
import { monthName } from '../csv';
import { formatDate, LEVEL_ORDER, LEVEL_TEXT, REGION_NAMES, plural } from '../format';
import { useApi } from '../hooks';
import { useCanSeeForecast } from './Forecast';
import { useReference } from '../reference';
import type { CapabilityHeatmapReport, Level, Region } from '../types';
import { wrapWords } from '../components/chart';
import './reports.css';

/** GOV.UK tag colours: the fill behind the words, never the only sign of the level. */
const LEVEL_COLOURS: Record<Level, { fill: string; text: string }> = {
  ok: { fill: '#cce2d8', text: '#005a30' },
  warning: { fill: '#fff7bf', text: '#594d00' },
  critical: { fill: '#f4cdc6', text: '#942514' },
  loss: { fill: '#dbd5e9', text: '#3f2a56' },
};

const shortOrg = (name: string) => name.split(' — ')[0] ?? name;
/** A column's heading: the ROCU's short name, or its id when the name is too long for the column (London's). */
const columnLabel = (row: { orgId: string; orgName: string }) => {
  const short = shortOrg(row.orgName);
  return short.length > 8 ? row.orgId.toUpperCase() : short;
};

/** The time axis: today, and the end of the month 6, 12 and 24 months ahead. */
const WHEN = [
  { value: '0', text: 'Today' },
  { value: '6', text: 'In 6 months' },
  { value: '12', text: 'In 12 months' },
  { value: '24', text: 'In 24 months' },
];

/** "today" or "at the end of March 2027": when the figures are for. */
export function whenWords(report: { months: number; at: string }): string {
  return report.months === 0 ? `today, ${formatDate(report.at)}` : `at the end of ${monthName(report.at.slice(0, 7))}, ${report.months} months ahead`;
}

// One column per ROCU and one row per capability: eleven ROCUs fit the 960 px page, so every capability shows
// without scrolling at desktop width (the other way round, fifteen capability columns did not).
const LABEL_W = 190;
const CELL_W = 68;
const CELL_H = 46;
const HEAD_H = 34;
const LABEL_CHARS = 22;

/** The picture: one row per capability, one column per ROCU, each cell's level in words over its colour. */
export function HeatmapPicture({ report }: { report: CapabilityHeatmapReport }) {
  const width = LABEL_W + CELL_W * report.rows.length;
  const height = HEAD_H + CELL_H * report.capabilities.length + 4;
  const levelWords = LEVEL_ORDER.filter((l) => report.counts[l] > 0)
    .map((l) => `${plural(report.counts[l], 'team')} ${LEVEL_TEXT[l].text.toLowerCase()}`)
    .join(', ');
  const cellsByOrg = new Map(report.rows.map((row) => [row.orgId, new Map(row.cells.map((cell) => [cell.capabilityId, cell]))]));
  return (
    <svg
      className="app-heatmap"
      role="img"
      aria-labelledby="heatmap-title heatmap-desc"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      data-testid="heatmap-svg"
    >
      <title id="heatmap-title">
        Capability heatmap: {plural(report.rows.length, 'ROCU')} by {plural(report.capabilities.length, 'capability', 'capabilities')},{' '}
        {report.months === 0 ? 'today' : `in ${report.months} months`}
      </title>
      <desc id="heatmap-desc">
        One row per capability and one column per ROCU. Each cell is a ROCU’s specialist team {whenWords(report)}, with its level in words and its
        projected strength against its minimum. {levelWords}. The table after the picture gives the same figures.
      </desc>
      {report.rows.map((row, i) => (
        <text key={row.orgId} className="app-heatmap__org" x={LABEL_W + i * CELL_W + CELL_W / 2} y={HEAD_H - 10} textAnchor="middle">
          {columnLabel(row)}
        </text>
      ))}
      {report.capabilities.map((c, r) => {
        const y = HEAD_H + r * CELL_H;
        const lines = wrapWords(c.name, LABEL_CHARS);
        return (
          <g key={c.id} data-capability-row={c.id}>
            <text className="app-heatmap__column" x={0} y={y + CELL_H / 2 + 5 - (lines.length - 1) * 9}>
              {lines.map((line, i) => (
                <tspan key={i} x={0} dy={i === 0 ? 0 : 18}>
                  {line}
                </tspan>
              ))}
            </text>
            {report.rows.map((row, i) => {
              const cell = cellsByOrg.get(row.orgId)?.get(c.id);
              const x = LABEL_W + i * CELL_W;
              if (!cell) {
                return (
                  <g key={row.orgId}>
                    <rect x={x + 2} y={y + 2} width={CELL_W - 4} height={CELL_H - 4} className="app-heatmap__none" />
                    <text x={x + CELL_W / 2} y={y + CELL_H / 2 + 5} textAnchor="middle" className="app-heatmap__none-text">
                      No team
                    </text>
                  </g>
                );
              }
              const colours = LEVEL_COLOURS[cell.level];
              return (
                <g key={row.orgId} data-org={row.orgId} data-capability={c.id} data-level={cell.level}>
                  <rect x={x + 2} y={y + 2} width={CELL_W - 4} height={CELL_H - 4} fill={colours.fill} />
                  <text x={x + CELL_W / 2} y={y + 20} textAnchor="middle" fill={colours.text} className="app-heatmap__level">
                    {LEVEL_TEXT[cell.level].text}
                  </text>
                  <text x={x + CELL_W / 2} y={y + 36} textAnchor="middle" fill={colours.text} className="app-heatmap__figures">
                    {cell.projected} (min {cell.minimum})
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

/**
 * `/reports/capability-heatmap`: every ROCU's specialist teams against their
 * minimum, as a picture with the level in words, and as a table. A ROCC sees
 * their regions; a ROCU head or HR lead every ROCU.
 */
export function CapabilityHeatmap() {
  usePageTitle('Capability heatmap');
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? '';
  const months = WHEN.some((w) => w.value === params.get('months')) ? params.get('months')! : '0';
  const [chosen, setChosen] = useState(region);
  const [when, setWhen] = useState(months);
  const { capabilityName } = useReference();
  const canSee = useCanSeeForecast();
  const report = useApi('GET /v1/reports/capability-heatmap', { query: { region: (region || undefined) as Region | undefined, months: Number(months) } });
  const data = report.data;

  const filter = (event: FormEvent) => {
    event.preventDefault();
    setParams({ ...(chosen ? { region: chosen } : {}), ...(when !== '0' ? { months: when } : {}) });
  };

  return (
    <>
      <h1 className="govuk-heading-l">Capability heatmap</h1>
      <p className="govuk-body">
        Each ROCU’s specialist teams against their minimum viable strength, once the officers already committed to leave have gone. Ahead, each team is
        as its forecast has it at the end of that month: after the moves, secondment returns, posting ends, leaving dates and funding ends dated by then.
      </p>
      <form onSubmit={filter} className="app-filter" noValidate>
        <Radios id="months" legend="When" legendClass="govuk-fieldset__legend--s" inline small items={WHEN} value={when} onChange={setWhen} />
        <Select
          id="region"
          label="Region"
          value={chosen}
          onChange={setChosen}
          options={[{ value: '', text: 'Your regions (all, unless you are a ROCC)' }, ...Object.entries(REGION_NAMES).map(([value, text]) => ({ value, text }))]}
        />
        <Button secondary>Show</Button>
      </form>
      {report.loading && !data ? <Loading what="Loading the heatmap" /> : null}
      {report.error ? <LoadError error={report.error} /> : null}
      {data && data.rows.length === 0 ? (
        <p className="govuk-body" data-testid="empty-state">
          No ROCU here has capability baselines yet.
        </p>
      ) : null}
      {data && data.rows.length > 0 ? (
        <>
          <h2 className="govuk-heading-m" data-testid="heatmap-when">
            {data.months === 0 ? 'Today' : `In ${data.months} months: the end of ${monthName(data.at.slice(0, 7))}`}
          </h2>
          <ul className="app-counts" data-testid="heatmap-counts">
            {LEVEL_ORDER.map((l) => (
              <li key={l}>
                <LevelTag level={l} /> {plural(data.counts[l], 'team')}
              </li>
            ))}
          </ul>
          <figure className="app-figure">
            <figcaption className="govuk-body-s">
              The picture shows each team’s level in words: OK, Warning (close to its minimum), Critical (below its minimum) or Loss (no one left).
              The figures are the projected strength and, in brackets, the minimum. Scroll sideways on a small screen.
            </figcaption>
            <div className="app-table-wrapper" role="region" aria-label="Capability heatmap picture" tabIndex={0}>
              <HeatmapPicture report={data} />
            </div>
          </figure>
          <h2 className="govuk-heading-m">The heatmap as a table</h2>
          <TableWrapper label="Capability heatmap table">
            <table className="govuk-table" data-testid="heatmap-table">
              <caption className="govuk-table__caption govuk-table__caption--s">Each ROCU’s teams {whenWords(data)}, worst first within the ROCU</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">ROCU</th>
                  <th scope="col" className="govuk-table__header">Capability</th>
                  <th scope="col" className="govuk-table__header">Level</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Strength</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Committed out</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Projected</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Minimum</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Establishment</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {data.rows.flatMap((row) =>
                  [...row.cells]
                    .sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level))
                    .map((cell) => (
                      <tr className="govuk-table__row" key={`${row.orgId}-${cell.capabilityId}`} data-org={row.orgId} data-capability={cell.capabilityId}>
                        <th scope="row" className="govuk-table__header">
                          {canSee({ id: row.orgId, region: row.region }) ? (
                            <Link className="govuk-link" to={`/forecast/${row.orgId}`}>
                              {shortOrg(row.orgName)}
                              <span className="govuk-visually-hidden">: forecast</span>
                            </Link>
                          ) : (
                            shortOrg(row.orgName)
                          )}
                        </th>
                        <td className="govuk-table__cell">
                          {data.capabilities.find((c) => c.id === cell.capabilityId)?.name ?? capabilityName(cell.capabilityId)}
                        </td>
                        <td className="govuk-table__cell">
                          <LevelTag level={cell.level} />
                        </td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{cell.strength}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{cell.committedOut}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{cell.projected}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{cell.minimum}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{cell.establishment}</td>
                      </tr>
                    )),
                )}
              </tbody>
            </table>
          </TableWrapper>
        </>
      ) : null}
    </>
  );
}
