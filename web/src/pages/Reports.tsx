import { Link } from 'react-router-dom';
import { LoadError, Loading, TableWrapper, usePageTitle } from '../components/ui';
import { PIP } from '../format';
import { useApi } from '../hooks';
import { useSession } from '../session';
import type { PipPipelineReport, Role } from '../types';

interface ReportLink {
  to: string;
  title: string;
  about: string;
  roles: Role[];
}

const REPORTS: ReportLink[] = [
  {
    to: '/reports/capability-heatmap',
    title: 'Capability heatmap',
    about: 'Every ROCU’s specialist teams against their minimum strength, with the level in words.',
    roles: ['rocu-head', 'hr-lead', 'rocc'],
  },
  {
    to: '/forecast',
    title: 'Capability forecast',
    about: 'A ROCU’s teams month by month for two years: who leaves or returns when, and the first month a team falls below its minimum.',
    roles: ['rocu-head', 'hr-lead', 'rocc'],
  },
  {
    to: '/reports/campaign-calendar',
    title: 'Campaign calendar',
    about: 'Recruitment campaigns on a timeline, and the coordination notices between those that overlap.',
    roles: ['rocu-head', 'hr-lead', 'rocc', 'officer', 'admin'],
  },
  {
    to: '/reports/secondment-flows',
    title: 'Secondment flows',
    about: 'Officers seconded each way between the NCA and the ROCUs, region by region.',
    roles: ['hr-lead', 'rocc'],
  },
  {
    to: '/reports/pip-pipeline',
    title: 'PIP pipeline',
    about: 'Officers by PIP level: accredited, in development, and with none.',
    roles: ['rocu-head', 'hr-lead', 'rocc'],
  },
];

/** `/reports`: the reports this person may see. */
export function Reports() {
  usePageTitle('Reports');
  const { hasRole } = useSession();
  return (
    <>
      <h1 className="govuk-heading-l">Reports</h1>
      <ul className="govuk-list govuk-list--spaced">
        {REPORTS.filter((r) => hasRole(...r.roles)).map((r) => (
          <li key={r.to}>
            <Link className="govuk-link govuk-!-font-weight-bold" to={r.to}>
              {r.title}
            </Link>
            <br />
            <span className="govuk-body-s">{r.about}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

const LEVELS = [1, 2, 3, 4];
const short = (name: string) => name.split(' — ')[0] ?? name;

type PipelineRow = PipPipelineReport['totals'];

function cellsFor(row: PipelineRow) {
  return LEVELS.map((level) => {
    const l = row.levels.find((x) => x.level === level);
    return (
      <td key={level} className="govuk-table__cell govuk-table__cell--numeric">
        {l ? l.accredited : 0}
        {l && l.inDevelopment > 0 ? <span className="govuk-body-s"> (+{l.inDevelopment} developing)</span> : null}
      </td>
    );
  });
}

/** `/reports/pip-pipeline`: officers by PIP level per organisation, with the national totals. */
export function PipPipeline() {
  usePageTitle('PIP pipeline');
  const report = useApi('GET /v1/reports/pip-pipeline');
  const data = report.data;
  return (
    <>
      <h1 className="govuk-heading-l">PIP pipeline</h1>
      <p className="govuk-body">
        Active officers by Professionalising Investigation Programme level: accredited at each level, developing towards it, and with no level.
        {data ? (data.scope === 'own-regions' ? ' You see the organisations in your regions.' : ' You see your own organisation.') : null}
      </p>
      {report.loading && !data ? <Loading what="Loading the PIP pipeline" /> : null}
      {report.error ? <LoadError error={report.error} /> : null}
      {data ? (
        <TableWrapper label="PIP pipeline">
          <table className="govuk-table" data-testid="pip-pipeline-table">
            <caption className="govuk-table__caption govuk-table__caption--s">Officers by PIP level; officers developing are counted at the level they work towards</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Organisation</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Officers</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">No PIP level</th>
                {LEVELS.map((l) => (
                  <th key={l} scope="col" className="govuk-table__header govuk-table__header--numeric">
                    <abbr title={PIP[l]}>PIP{l}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {data.organisations.map((o) => (
                <tr className="govuk-table__row" key={o.orgId} data-org={o.orgId}>
                  <th scope="row" className="govuk-table__header">
                    {short(o.orgName)}
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{o.officers}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{o.notAccredited}</td>
                  {cellsFor(o)}
                </tr>
              ))}
              <tr className="govuk-table__row" data-org="all">
                <th scope="row" className="govuk-table__header">
                  Every organisation
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{data.totals.officers}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{data.totals.notAccredited}</td>
                {cellsFor(data.totals)}
              </tr>
            </tbody>
          </table>
        </TableWrapper>
      ) : null}
    </>
  );
}
