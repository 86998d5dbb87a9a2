import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Select } from '../components/form';
import { LoadError, Loading, TableWrapper, usePageTitle } from '../components/ui';
import { REGION_NAMES, plural } from '../format';
import { useApi } from '../hooks';
import type { Region, SecondmentFlowsReport } from '../types';
import './reports.css';

type Counts = SecondmentFlowsReport['totals']['ncaToRocu'];


const total = (c: Counts) => c.confirmed + c.active + c.completed;
const regionName = (r: string) => REGION_NAMES[r] ?? r;

const LABEL_W = 190;
const PLOT_W = 420;
/** Room after the longest bar for its words ("ROCU to NCA: 120"), so the last label is not cut off. */
const VALUE_W = 150;
const BAR_H = 18;
const GROUP_H = 56;
/** Two directions, told apart by their label in words and by pattern-free colours with 3:1 contrast on white. */
const DIRECTIONS = [
  { key: 'ncaToRocu', text: 'NCA to ROCU', fill: '#1d70b8' },
  { key: 'rocuToNca', text: 'ROCU to NCA', fill: '#912b88' },
] as const;

function FlowsPicture({ report }: { report: SecondmentFlowsReport }) {
  const max = Math.max(1, ...report.regions.flatMap((r) => [total(r.ncaToRocu), total(r.rocuToNca)]));
  const width = LABEL_W + PLOT_W + VALUE_W;
  const height = GROUP_H * report.regions.length + 6;
  return (
    <svg className="app-chart" role="img" aria-labelledby="flows-title flows-desc" width={width} height={height} viewBox={`0 0 ${width} ${height}`} data-testid="flows-svg">
      <title id="flows-title">Secondment flows by region: {plural(report.regions.length, 'region')}</title>
      <desc id="flows-desc">
        For each region, two bars: NCA officers seconded into the ROCU, and ROCU officers seconded into the NCA, counting confirmed, active and completed
        secondments. In all, {total(report.totals.ncaToRocu)} NCA to ROCU and {total(report.totals.rocuToNca)} ROCU to NCA. The table after the picture
        gives the same figures.
      </desc>
      {report.regions.map((r, i) => {
        const y = i * GROUP_H + 4;
        return (
          <g key={r.region} data-region={r.region}>
            <text x={0} y={y + BAR_H + 4} className="app-heatmap__row">
              {regionName(r.region)}
            </text>
            {DIRECTIONS.map((d, j) => {
              const n = total(r[d.key]);
              const by = y + j * (BAR_H + 6);
              const w = (n / max) * PLOT_W;
              return (
                <g key={d.key} data-direction={d.key} data-count={n}>
                  <rect x={LABEL_W} y={by} width={Math.max(w, 1)} height={BAR_H} fill={d.fill} />
                  <text x={LABEL_W + w + 6} y={by + BAR_H - 4} className="app-chart__label">
                    {d.text}: {n}
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

/** `/reports/secondment-flows`: NCA→ROCU against ROCU→NCA secondments per region, for HR leads and ROCCs. */
export function SecondmentFlows() {
  usePageTitle('Secondment flows');
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? '';
  const [chosen, setChosen] = useState(region);
  const report = useApi('GET /v1/reports/secondment-flows', { query: { region: (region || undefined) as Region | undefined } });
  const data = report.data;
  const filter = (event: FormEvent) => {
    event.preventDefault();
    setParams(chosen ? { region: chosen } : {});
  };
  return (
    <>
      <h1 className="govuk-heading-l">Secondment flows</h1>
      <p className="govuk-body">How many officers move each way between the NCA and the ROCUs, region by region: confirmed, under way and completed.</p>
      <form onSubmit={filter} className="app-filter" noValidate>
        <Select
          id="region"
          label="Region"
          value={chosen}
          onChange={setChosen}
          options={[{ value: '', text: 'Your regions (all, unless you are a ROCC)' }, ...Object.entries(REGION_NAMES).map(([value, text]) => ({ value, text }))]}
        />
        <Button secondary>Show</Button>
      </form>
      {report.loading && !data ? <Loading what="Loading the secondment flows" /> : null}
      {report.error ? <LoadError error={report.error} /> : null}
      {data && data.regions.length === 0 ? (
        <p className="govuk-body" data-testid="empty-state">
          There are no secondments here yet.
        </p>
      ) : null}
      {data && data.regions.length > 0 ? (
        <>
          <figure className="app-figure">
            <figcaption className="govuk-body-s">Each bar is labelled with its direction and number. Scroll sideways on a small screen.</figcaption>
            <div className="app-table-wrapper" role="region" aria-label="Secondment flows picture" tabIndex={0}>
              <FlowsPicture report={data} />
            </div>
          </figure>
          <h2 className="govuk-heading-m">The flows as a table</h2>
          <TableWrapper label="Secondment flows table">
            <table className="govuk-table" data-testid="flows-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Secondments by region and direction</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Region</th>
                  <th scope="col" className="govuk-table__header">Direction</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Confirmed</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Under way</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Completed</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">All</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {[...data.regions.map((r) => ({ id: r.region, name: regionName(r.region), flows: r })), { id: 'all', name: 'All shown', flows: data.totals }].flatMap((row) =>
                  DIRECTIONS.map((d) => {
                    const c = row.flows[d.key];
                    return (
                      <tr className="govuk-table__row" key={`${row.id}-${d.key}`} data-region={row.id} data-direction={d.key}>
                        <th scope="row" className="govuk-table__header">
                          {row.name}
                        </th>
                        <td className="govuk-table__cell">{d.text}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{c.confirmed}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{c.active}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{c.completed}</td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{total(c)}</td>
                      </tr>
                    );
                  }),
                )}
              </tbody>
            </table>
          </TableWrapper>
        </>
      ) : null}
    </>
  );
}
