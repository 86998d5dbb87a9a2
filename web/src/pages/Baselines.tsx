import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import { Button, ErrorSummary, TextInput } from '../components/form';
import { BackLink, LevelTag, LoadError, Loading, NotificationBanner, SummaryList, TableWrapper, usePageTitle } from '../components/ui';
import { formErrors, formErrorsFrom, hasErrors, isStaleVersion, noErrors, type FormErrors } from '../errors';
import { useApi } from '../hooks';
import { useReference } from '../reference';
import { useSession } from '../session';

/** `/baselines`: each capability team of the caller's organisation: strength, minimum, establishment, projection, level. */
export function Baselines() {
  usePageTitle('Capability baselines');
  const location = useLocation();
  const { session, hasRole } = useSession();
  const { orgName, capabilityName } = useReference();
  const org = session!.claims.org;
  const list = useApi('GET /v1/organisations/{orgId}/capabilities', { params: { orgId: org } });
  const banner = (location.state as { banner?: string } | null)?.banner;
  const rows = [...(list.data?.items ?? [])].sort((a, b) => capabilityName(a.capabilityId).localeCompare(capabilityName(b.capabilityId)));
  const sets = hasRole('rocu-head') ? 'minimum' : 'establishment';
  return (
    <>
      {banner ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{orgName(org)}</span>
      <h1 className="govuk-heading-l">Capability baselines</h1>
      <p className="govuk-body">
        Each specialist team’s strength and its minimum viable strength. Campaigns and offers that would take a team below its minimum wait for the
        ROCU head. The ROCU head sets the minimum; the HR lead sets the establishment (funded posts). You can change the {sets}.
      </p>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to={`/forecast/${org}`}>
            See each team’s forecast for the next two years
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={`/roster/${org}`}>
            See who serves in each team (the team roster)
          </Link>
        </li>
      </ul>
      {list.loading && !list.data ? <Loading what="Loading baselines" /> : null}
      {list.error ? <LoadError error={list.error} /> : null}
      {list.data && rows.length === 0 ? (
        <p className="govuk-body" data-testid="empty-state">
          {orgName(org)} has no capability baselines yet.
        </p>
      ) : null}
      {rows.length > 0 ? (
        <TableWrapper label="Capability baselines">
          <table className="govuk-table" data-testid="baselines-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Capability baselines of {orgName(org)}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Capability</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Strength</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Minimum</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Establishment</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Committed out</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Projected</th>
                <th scope="col" className="govuk-table__header">Level</th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map((r) => (
                <tr className="govuk-table__row" key={r.capabilityId} data-capability={r.capabilityId}>
                  <th scope="row" className="govuk-table__header">
                    {capabilityName(r.capabilityId)}
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.strength}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.minimum}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.establishment}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.committedOut}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.projected}</td>
                  <td className="govuk-table__cell">
                    <LevelTag level={r.level} />
                  </td>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/baselines/${r.capabilityId}`}>
                      Change<span className="govuk-visually-hidden"> {capabilityName(r.capabilityId).toLowerCase()} {sets}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrapper>
      ) : null}
    </>
  );
}

/** `/baselines/:capabilityId`: the ROCU head changes the minimum, the HR lead the establishment; the version read guards a concurrent change. */
export function BaselineEdit() {
  const { capabilityId = '' } = useParams();
  const navigate = useNavigate();
  const { session, hasRole } = useSession();
  const { orgName, capabilityName } = useReference();
  const org = session!.claims.org;
  const list = useApi('GET /v1/organisations/{orgId}/capabilities', { params: { orgId: org } });
  const row = list.data?.items.find((r) => r.capabilityId === capabilityId);
  const field = hasRole('rocu-head') ? 'minimum' : 'establishment';
  const [value, setValue] = useState<string>();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const name = capabilityName(capabilityId);
  usePageTitle(`${name}: change the ${field}`, hasErrors(errors));
  if (list.loading && !list.data) return <Loading what="Loading the baseline" />;
  if (list.error) return <LoadError error={list.error} />;
  if (!row) {
    return (
      <>
        <BackLink to="/baselines">Back to capability baselines</BackLink>
        <h1 className="govuk-heading-l">Page not found</h1>
        <p className="govuk-body">{orgName(org)} has no {name.toLowerCase()} team.</p>
      </>
    );
  }
  const current = value ?? String(row[field]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const n = Number(current.trim());
    const check = formErrors([
      (current.trim() === '' || !Number.isInteger(n) || n < 0 || n > 10000) && [field, `Enter the ${field} as a whole number, for example 7`],
    ]);
    setErrors(check);
    if (hasErrors(check)) return;
    setBusy(true);
    try {
      const saved = await api.call('PUT /v1/organisations/{orgId}/capabilities/{capabilityId}', {
        params: { orgId: org, capabilityId },
        body: field === 'minimum' ? { minimum: n, version: row.version } : { establishment: n, version: row.version },
      });
      navigate('/baselines', { state: { banner: `The ${name.toLowerCase()} ${field} is now ${saved[field]}.` } });
    } catch (err) {
      if (isStaleVersion(err)) {
        // Someone else saved first: keep the figure typed, show the team as it is now, and save over that version next time.
        await list.reload();
        setStale(true);
        setErrors(noErrors);
      } else {
        setErrors(formErrorsFrom(err, { minimum: 'Minimum', establishment: 'Establishment' }));
      }
      setBusy(false);
    }
  };
  return (
    <>
      <BackLink to="/baselines">Back to capability baselines</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          {stale ? (
            <NotificationBanner title="Important">
              <p className="govuk-notification-banner__heading" data-testid="stale-version">
                Someone else changed this team while you were editing it.
              </p>
              <p className="govuk-body">
                Your figure is still in the box below; the team as it is now is in the summary (the {field} saved now is {row[field]}). Check it and save again
                to apply yours to the latest version.
              </p>
            </NotificationBanner>
          ) : null}
          <span className="govuk-caption-l">
            {orgName(org)}, {name}
          </span>
          <h1 className="govuk-heading-l">Change the {field}</h1>
          <SummaryList
            rows={[
              { key: 'Strength', value: row.strength },
              { key: 'Committed out', value: row.committedOut },
              { key: 'Projected', value: row.projected },
              { key: field === 'minimum' ? 'Establishment' : 'Minimum', value: field === 'minimum' ? row.establishment : row.minimum },
              { key: 'Level now', value: <LevelTag level={row.level} /> },
            ]}
          />
          <form onSubmit={submit} noValidate>
            <TextInput
              id={field}
              label={field === 'minimum' ? 'Minimum viable strength' : 'Establishment (funded posts)'}
              labelClass="govuk-label--m"
              hint={
                field === 'minimum'
                  ? 'The fewest officers the team can work with. Campaigns and offers that would take it below this wait for your answer.'
                  : 'The number of funded posts in the team.'
              }
              inputMode="numeric"
              width={3}
              value={current}
              onChange={setValue}
              error={errors.fields[field]}
            />
            <Button busy={busy}>Save</Button>
          </form>
        </div>
      </div>
    </>
  );
}
