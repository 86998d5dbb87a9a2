import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../api';
import { dateError, wholeNumber } from '../components/campaign-form';
import { Button, Checkboxes, DateInput, ErrorSummary, Radios, Select, TextInput, Textarea, isoFromParts, type DateParts } from '../components/form';
import { BackLink, LoadError, Loading, NotificationBanner, SecondmentStatusTag, SummaryList, TableWrapper, Tag, usePageTitle } from '../components/ui';
import { formErrors, formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../errors';
import { PIP, REGION_NAMES, VETTING, VETTING_ORDER, formatDate } from '../format';
import { useApi, useApiAll, useIdempotencyKey } from '../hooks';
import { NoMoreItems, Pagination, pageCaption, usePagedList } from '../components/pagination';
import { useReference } from '../reference';
import { useSession } from '../session';
import type { RouteBody, RouteQuery } from '../routes';
import type { Placement, SecondmentApplication } from '../types';

type PlacementBody = RouteBody<'POST /v1/placements'>;
type PlacementQuery = NonNullable<RouteQuery<'GET /v1/placements'>>;

/** The filters from the address as the list route takes them (an empty filter is left out). */
function placementQuery(filters: Record<'region' | 'capabilityId' | 'hostOrgId' | 'pipDevelopment' | 'includeOwnOrganisation', string>): PlacementQuery {
  return {
    ...(filters.includeOwnOrganisation === 'true' ? { includeOwnOrganisation: 'true' as const } : {}),
    ...(filters.region ? { region: filters.region as PlacementQuery['region'] } : {}),
    ...(filters.capabilityId ? { capabilityId: filters.capabilityId } : {}),
    ...(filters.hostOrgId ? { hostOrgId: filters.hostOrgId } : {}),
    ...(filters.pipDevelopment ? { pipDevelopment: filters.pipDevelopment as PlacementQuery['pipDevelopment'] } : {}),
  };
}

const PLACEMENT_STATUS: Record<string, { text: string; tag: string }> = {
  open: { text: 'Open', tag: 'govuk-tag--green' },
  closed: { text: 'Closed', tag: 'govuk-tag--blue' },
  cancelled: { text: 'Cancelled', tag: 'govuk-tag--red' },
};

const ORG_TYPE_TEXT: Record<string, string> = { agency: 'the NCA', rocu: 'ROCUs', force: 'police forces' };

function PlacementStatusTag({ status }: { status: string }) {
  const s = PLACEMENT_STATUS[status] ?? { text: status, tag: 'govuk-tag--grey' };
  return <Tag text={s.text} className={s.tag} />;
}

/** "You can apply", or "Not eligible" with every reason the API gave. */
function Eligibility({ placement, full }: { placement: Placement; full?: boolean }) {
  const e = placement.eligible;
  if (!e) return null;
  if (e.ok) return <Tag text="You can apply" className="govuk-tag--green" />;
  return (
    <>
      <Tag text="Not eligible" className="govuk-tag--grey" />
      {full ? (
        <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-2" data-testid="ineligible-reasons">
          {e.reasons.map((r) => (
            <li key={r.code}>{r.message.charAt(0).toUpperCase() + r.message.slice(1)}</li>
          ))}
        </ul>
      ) : (
        <span className="govuk-body-s"> {e.reasons.map((r) => r.message).join('; ')}</span>
      )}
    </>
  );
}

function placementRows(p: Placement, orgName: (id: string) => string, capabilityName: (id: string) => string) {
  return [
    { key: 'Host', value: orgName(p.hostOrgId) },
    { key: 'Capability', value: capabilityName(p.capabilityId) },
    { key: 'Region', value: REGION_NAMES[p.region] ?? p.region },
    { key: 'Places', value: `${p.places} (${p.placesLeft} left)` },
    { key: 'Starts', value: formatDate(p.startDate) },
    { key: 'Length', value: `${p.durationMonths} ${p.durationMonths === 1 ? 'month' : 'months'}, until ${formatDate(p.endDate)}` },
    { key: 'Applications close', value: formatDate(p.closesOn) },
    { key: 'Open to officers of', value: p.eligibility.homeOrgTypes.map((t) => ORG_TYPE_TEXT[t] ?? t).join(', ') },
    { key: 'Vetting', value: VETTING[p.eligibility.vetting] ?? p.eligibility.vetting },
    { key: 'PIP level needed', value: PIP[p.eligibility.minPipLevel] ?? p.eligibility.minPipLevel },
    { key: 'PIP development', value: p.pipDevelopmentLevel === null ? 'None' : `Develops ${PIP[p.pipDevelopmentLevel] ?? p.pipDevelopmentLevel}` },
  ];
}

/** `/placements`: an officer browses open placements; an HR lead sees the ones their organisation hosts. */
export function Placements() {
  const { hasRole } = useSession();
  return hasRole('hr-lead') ? <HostPlacements /> : <BrowsePlacements />;
}

/** The officer's view: open placements with filters in the address (so a filtered list is a link), and eligibility before applying. */
function BrowsePlacements() {
  usePageTitle('Secondment placements');
  const { rocus, organisations, capabilities, orgName } = useReference();
  const { session } = useSession();
  const ownOrg = session?.claims.org ?? '';
  const [params, setParams] = useSearchParams();
  const filters = {
    region: params.get('region') ?? '',
    capabilityId: params.get('capabilityId') ?? '',
    hostOrgId: params.get('hostOrgId') ?? '',
    pipDevelopment: params.get('pipDevelopment') ?? '',
    // The API leaves out the officer's own organisation (no secondment there) unless asked.
    includeOwnOrganisation: params.get('includeOwnOrganisation') === 'true' ? 'true' : '',
  };
  const [draft, setDraft] = useState(filters);
  const paged = usePagedList('GET /v1/placements', { query: placementQuery(filters) });
  const list = paged.list;
  const hosts = [...organisations.filter((o) => o.type === 'agency'), ...rocus];
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(draft)) if (v) next.set(k, v);
    setParams(next);
  };
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <h1 className="govuk-heading-l">Secondment placements</h1>
      <p className="govuk-body">
        Placements in other organisations that are taking applications. Each says whether you can apply, and why not. Placements in your own
        organisation are left out unless you ask for them with the filter.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <form onSubmit={apply} noValidate className="app-filters" data-testid="placement-filters" aria-label="Filter placements">
            <h2 className="govuk-heading-s">Filter</h2>
            <Select
              id="region"
              label="Region"
              value={draft.region}
              onChange={(region) => setDraft({ ...draft, region })}
              options={[{ value: '', text: 'Any region' }, ...Object.entries(REGION_NAMES).map(([value, text]) => ({ value, text }))]}
            />
            <Select
              id="capabilityId"
              label="Capability"
              value={draft.capabilityId}
              onChange={(capabilityId) => setDraft({ ...draft, capabilityId })}
              options={[{ value: '', text: 'Any capability' }, ...capabilities.map((c) => ({ value: c.id, text: c.name }))]}
            />
            <Select
              id="hostOrgId"
              label="Host"
              value={draft.hostOrgId}
              onChange={(hostOrgId) => setDraft({ ...draft, hostOrgId })}
              options={[{ value: '', text: 'Any host' }, ...hosts.map((o) => ({ value: o.id, text: orgName(o.id) }))]}
            />
            <Select
              id="pipDevelopment"
              label="PIP development"
              value={draft.pipDevelopment}
              onChange={(pipDevelopment) => setDraft({ ...draft, pipDevelopment })}
              options={[
                { value: '', text: 'Any' },
                { value: 'true', text: 'Develops a PIP level' },
                { value: 'false', text: 'Does not develop a PIP level' },
              ]}
            />
            <Checkboxes
              id="includeOwnOrganisation"
              legend="Your own organisation"
              legendClass="govuk-fieldset__legend--s"
              small
              values={draft.includeOwnOrganisation ? ['true'] : []}
              onChange={(values) => setDraft({ ...draft, includeOwnOrganisation: values.includes('true') ? 'true' : '' })}
              items={[
                {
                  value: 'true',
                  text: `Include placements in ${orgName(ownOrg)}`,
                  hint: 'You cannot apply for these: a secondment is always to another organisation.',
                },
              ]}
            />
            <div className="govuk-button-group">
              <Button secondary>Apply filters</Button>
              {filtered ? (
                <Link
                  className="govuk-link"
                  to="/placements"
                  onClick={() => setDraft({ region: '', capabilityId: '', hostOrgId: '', pipDevelopment: '', includeOwnOrganisation: '' })}
                >
                  Clear filters
                </Link>
              ) : null}
            </div>
          </form>
        </div>
        <div className="govuk-grid-column-two-thirds">
          {list.loading && !list.data ? <Loading what="Loading placements" /> : null}
          {list.error ? <LoadError error={list.error} /> : null}
          {list.data && list.data.items.length === 0 && !paged.previous ? (
            <p className="govuk-body" data-testid="empty-state">
              {filtered ? 'No open placements match these filters.' : 'There are no open placements at the moment.'}
            </p>
          ) : null}
          {list.data && list.data.items.length > 0 ? (
            <>
              <p className="govuk-body" role="status">
                {list.data.items.length} {list.data.items.length === 1 ? 'placement' : 'placements'}
                {pageCaption(paged)}
              </p>
              <ul className="govuk-list" data-testid="placements">
                {list.data.items.map((p) => (
                  <li key={p.id} className="app-vacancy" data-placement={p.id}>
                    <h2 className="govuk-heading-m govuk-!-margin-bottom-2">
                      <Link className="govuk-link" to={`/placements/${p.id}`}>
                        {p.title}
                      </Link>
                    </h2>
                    <p className="govuk-body govuk-!-margin-bottom-2">
                      Hosted by {orgName(p.hostOrgId)} in {REGION_NAMES[p.region] ?? p.region}. {p.placesLeft} of {p.places}{' '}
                      {p.places === 1 ? 'place' : 'places'} left, {p.durationMonths} months from {formatDate(p.startDate)}.{' '}
                      {p.pipDevelopmentLevel !== null ? `Develops PIP level ${p.pipDevelopmentLevel}. ` : ''}Closes {formatDate(p.closesOn)}.
                    </p>
                    <p className="govuk-body">
                      <Eligibility placement={p} />
                    </p>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <NoMoreItems paged={paged} what="placements" />
          <Pagination paged={paged} label="Placements pages" />
        </div>
      </div>
    </>
  );
}

/** The host HR lead's view: every placement their organisation has posted, and a way to post another. */
function HostPlacements() {
  usePageTitle('Your placements');
  const { session } = useSession();
  const { orgName, capabilityName } = useReference();
  const org = session!.claims.org;
  const paged = usePagedList('GET /v1/organisations/{orgId}/placements', { params: { orgId: org } });
  const list = paged.list;
  return (
    <>
      <h1 className="govuk-heading-l">Your placements</h1>
      <p className="govuk-body">Secondment placements {orgName(org)} hosts. Open one to decide its applications.</p>
      <Link className="govuk-button" to="/placements/new" data-module="govuk-button">
        Post a placement
      </Link>
      {list.loading && !list.data ? <Loading what="Loading your placements" /> : null}
      {list.error ? <LoadError error={list.error} /> : null}
      {list.data && list.data.items.length === 0 && !paged.previous ? (
        <p className="govuk-body" data-testid="empty-state">
          {orgName(org)} has not posted any placements yet.
        </p>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <TableWrapper label="Your placements">
          <table className="govuk-table" data-testid="placements-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Placements {orgName(org)} hosts{pageCaption(paged)}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Placement</th>
                <th scope="col" className="govuk-table__header">Status</th>
                <th scope="col" className="govuk-table__header">Starts</th>
                <th scope="col" className="govuk-table__header">Closes</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Places confirmed</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {list.data.items.map((p) => (
                <tr className="govuk-table__row" key={p.id}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/placements/${p.id}`}>
                      {p.title}
                    </Link>
                    <br />
                    <span className="govuk-body-s">{capabilityName(p.capabilityId)}</span>
                  </td>
                  <td className="govuk-table__cell">
                    <PlacementStatusTag status={p.status} />
                  </td>
                  <td className="govuk-table__cell app-nowrap">{formatDate(p.startDate)}</td>
                  <td className="govuk-table__cell app-nowrap">{formatDate(p.closesOn)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">
                    {p.confirmed} of {p.places}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrapper>
      ) : null}
      <NoMoreItems paged={paged} what="placements" />
      <Pagination paged={paged} label="Placements pages" />
    </>
  );
}

const PLACEMENT_LABELS: Record<string, string> = {
  title: 'Title',
  capabilityId: 'Capability',
  description: 'Description',
  places: 'Number of places',
  startDate: 'Start date',
  durationMonths: 'Length in months',
  region: 'Region',
  'eligibility.homeOrgTypes': 'Who can apply',
  'eligibility.vetting': 'Vetting level',
  'eligibility.minPipLevel': 'PIP level needed',
  pipDevelopmentLevel: 'PIP level it develops',
  closesOn: 'Closing date',
};

const emptyDate: DateParts = { day: '', month: '', year: '' };

/** `/placements/new`: the host's HR lead posts a placement; the API's field errors show on the fields. */
export function PlacementNew() {
  const navigate = useNavigate();
  const { session } = useSession();
  const { capabilities } = useReference();
  const [idempotencyKey] = useIdempotencyKey();
  const [title, setTitle] = useState('');
  const [capabilityId, setCapabilityId] = useState('');
  const [description, setDescription] = useState('');
  const [places, setPlaces] = useState('');
  const [startDate, setStartDate] = useState<DateParts>(emptyDate);
  const [durationMonths, setDurationMonths] = useState('');
  const [region, setRegion] = useState('');
  const [homeOrgTypes, setHomeOrgTypes] = useState<string[]>([]);
  const [vetting, setVetting] = useState('');
  const [minPipLevel, setMinPipLevel] = useState('0');
  const [pipDevelopmentLevel, setPipDevelopmentLevel] = useState('');
  const [closesOn, setClosesOn] = useState<DateParts>(emptyDate);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  usePageTitle('Post a placement', hasErrors(errors));
  const e = errors.fields;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const placesN = wholeNumber(places, 1, 100);
    const monthsN = wholeNumber(durationMonths, 1, 36);
    const check = formErrors([
      !title.trim() && ['title', 'Enter a title'],
      !capabilityId && ['capabilityId', 'Select the capability'],
      placesN === undefined && ['places', 'Enter the number of places as a whole number from 1 to 100'],
      !!dateError(startDate, 'start date') && ['startDate', dateError(startDate, 'start date')!],
      monthsN === undefined && ['durationMonths', 'Enter the length as a whole number of months from 1 to 36'],
      !region && ['region', 'Select the region'],
      homeOrgTypes.length === 0 && ['eligibility.homeOrgTypes', 'Select who can apply'],
      !vetting && ['eligibility.vetting', 'Select the minimum vetting level'],
      !!dateError(closesOn, 'closing date') && ['closesOn', dateError(closesOn, 'closing date')!],
    ]);
    setErrors(check);
    if (hasErrors(check)) return;
    setBusy(true);
    try {
      const created = await api.call(
        'POST /v1/placements',
        {
          // The checks above make every value defined and one the route accepts.
          body: {
            title: title.trim(),
            hostOrgId: session!.claims.org,
            capabilityId,
            ...(description.trim() ? { description: description.trim() } : {}),
            places: placesN!,
            startDate: isoFromParts(startDate)!,
            durationMonths: monthsN!,
            region: region as PlacementBody['region'],
            eligibility: {
              homeOrgTypes: homeOrgTypes as PlacementBody['eligibility']['homeOrgTypes'],
              vetting: vetting as PlacementBody['eligibility']['vetting'],
              minPipLevel: Number(minPipLevel),
            },
            pipDevelopmentLevel: pipDevelopmentLevel === '' ? null : Number(pipDevelopmentLevel),
            closesOn: isoFromParts(closesOn)!,
          },
        },
        { idempotencyKey },
      );
      navigate(`/placements/${created.id}`, { state: { banner: `“${created.title}” is posted and open for applications.` } });
    } catch (err) {
      setErrors(formErrorsFrom(err, PLACEMENT_LABELS));
      setBusy(false);
    }
  };

  return (
    <>
      <BackLink to="/placements">Back to your placements</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 className="govuk-heading-l">Post a placement</h1>
          <form onSubmit={submit} noValidate data-testid="placement-form">
            <TextInput id="title" label="Title" hint="For example, Cyber secondment, East of England" value={title} onChange={setTitle} error={e.title} />
            <Select
              id="capabilityId"
              label="Capability"
              hint="The capability, or development area, the placement is in"
              value={capabilityId}
              onChange={setCapabilityId}
              error={e.capabilityId}
              options={[{ value: '', text: 'Select a capability' }, ...capabilities.map((c) => ({ value: c.id, text: c.name }))]}
            />
            <Textarea id="description" label="Description (optional)" hint="What the secondee would do and learn" value={description} onChange={setDescription} error={e.description} />
            <TextInput id="places" label="Number of places" inputMode="numeric" width={3} value={places} onChange={setPlaces} error={e.places} />
            <DateInput id="startDate" legend="Start date" hint="For example, 1 4 2027" value={startDate} onChange={setStartDate} error={e.startDate} />
            <TextInput id="durationMonths" label="Length in months" inputMode="numeric" width={3} suffix="months" value={durationMonths} onChange={setDurationMonths} error={e.durationMonths} />
            <Select
              id="region"
              label="Region"
              value={region}
              onChange={setRegion}
              error={e.region}
              options={[{ value: '', text: 'Select a region' }, ...Object.entries(REGION_NAMES).map(([value, text]) => ({ value, text }))]}
            />
            <Checkboxes
              id="eligibility-homeOrgTypes"
              legend="Who can apply"
              hint="Officers whose home is one of these. Select all that apply."
              error={e['eligibility-homeOrgTypes']}
              values={homeOrgTypes}
              onChange={setHomeOrgTypes}
              small
              items={[
                { value: 'agency', text: 'NCA officers' },
                { value: 'rocu', text: 'ROCU officers' },
                { value: 'force', text: 'Police force officers' },
              ]}
            />
            <Radios
              id="eligibility-vetting"
              legend="Minimum vetting level"
              error={e['eligibility-vetting']}
              value={vetting}
              onChange={setVetting}
              small
              items={VETTING_ORDER.map((v) => ({ value: v, text: VETTING[v] ?? v }))}
            />
            <Select
              id="eligibility-minPipLevel"
              label="PIP level needed"
              value={minPipLevel}
              onChange={setMinPipLevel}
              error={e['eligibility-minPipLevel']}
              options={[0, 1, 2, 3, 4].map((n) => ({ value: String(n), text: PIP[n] ?? String(n) }))}
            />
            <Select
              id="pipDevelopmentLevel"
              label="PIP level it develops (optional)"
              hint="A placement can help an officer reach a higher PIP level than it needs"
              value={pipDevelopmentLevel}
              onChange={setPipDevelopmentLevel}
              error={e.pipDevelopmentLevel}
              options={[{ value: '', text: 'None' }, ...[1, 2, 3, 4].map((n) => ({ value: String(n), text: PIP[n] ?? String(n) }))]}
            />
            <DateInput id="closesOn" legend="Closing date" hint="The last day applications are taken: on or before the start date" value={closesOn} onChange={setClosesOn} error={e.closesOn} />
            <Button busy={busy}>Post the placement</Button>
          </form>
        </div>
      </div>
    </>
  );
}

/**
 * `/placements/:id`: the placement. An officer sees whether they may apply
 * and applies with a statement; the host's HR lead sees its applications.
 */
export function PlacementPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { session, hasRole } = useSession();
  const { orgName, capabilityName } = useReference();
  const placement = useApi('GET /v1/placements/{id}', { params: { id } });
  const isOfficer = hasRole('officer');
  const isHost = hasRole('hr-lead') && placement.data?.hostOrgId === session?.claims.org;
  const mine = useApiAll(isOfficer ? 'GET /v1/me/applications' : undefined, { query: { type: 'secondment' } });
  const pagedApplications = usePagedList(isHost ? 'GET /v1/placements/{id}/applications' : undefined, { params: { id } });
  const applications = pagedApplications.list;
  const [banner] = useState<string | undefined>((location.state as { banner?: string } | null)?.banner);
  usePageTitle(placement.data?.title ?? 'Placement');
  if (placement.loading && !placement.data) return <Loading what="Loading the placement" />;
  if (placement.error || !placement.data) return <LoadError error={placement.error} />;
  const p = placement.data;
  const application = mine.data?.items.find((a): a is SecondmentApplication => a.applicationType === 'secondment' && a.placementId === id);

  return (
    <>
      <BackLink to="/placements">Back to placements</BackLink>
      {banner ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">
        Secondment, {capabilityName(p.capabilityId)}, {orgName(p.hostOrgId)}
      </span>
      <h1 className="govuk-heading-l">{p.title}</h1>
      <p className="govuk-body">
        Status: <PlacementStatusTag status={p.status} />
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList rows={placementRows(p, orgName, capabilityName)} />
          {p.description ? (
            <>
              <h2 className="govuk-heading-m">About the placement</h2>
              <p className="govuk-body app-pre-line">{p.description}</p>
            </>
          ) : null}
          {isOfficer ? (
            <>
              <h2 className="govuk-heading-m">Your eligibility</h2>
              <div className="govuk-body" data-testid="eligibility">
                <Eligibility placement={p} full />
                {p.eligible?.ok ? ' You meet the requirements.' : null}
              </div>
              {mine.loading && !mine.data ? (
                <Loading what="Checking your applications" />
              ) : application ? (
                <p className="govuk-body" data-testid="already-applied">
                  You applied on {formatDate(application.createdAt)}: <SecondmentStatusTag status={application.status} />.{' '}
                  <Link className="govuk-link" to={`/secondment-applications/${application.id}`}>
                    See your application
                  </Link>
                </p>
              ) : p.eligible?.ok ? (
                <ApplyForm placement={p} />
              ) : null}
            </>
          ) : null}
        </div>
      </div>
      {isHost ? (
        <section aria-labelledby="applications-heading">
          <h2 className="govuk-heading-m" id="applications-heading">
            Applications
          </h2>
          {applications.loading && !applications.data ? <Loading what="Loading the applications" /> : null}
          {applications.error ? <LoadError error={applications.error} /> : null}
          {applications.data && applications.data.items.length === 0 && !pagedApplications.previous ? (
            <p className="govuk-body" data-testid="empty-state">
              No one has applied yet.
            </p>
          ) : null}
          {applications.data && applications.data.items.length > 0 ? (
            <TableWrapper label="Applications">
              <table className="govuk-table" data-testid="placement-applications">
                <caption className="govuk-table__caption govuk-visually-hidden">Applications for this placement, in the order they came</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Applicant</th>
                    <th scope="col" className="govuk-table__header">Home</th>
                    <th scope="col" className="govuk-table__header">Applied</th>
                    <th scope="col" className="govuk-table__header">Status</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {applications.data.items.map((a) => (
                    <tr className="govuk-table__row" key={a.id} data-status={a.status}>
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`/secondment-applications/${a.id}`}>
                          {a.officerName}
                        </Link>
                      </td>
                      <td className="govuk-table__cell">{orgName(a.homeOrgId)}</td>
                      <td className="govuk-table__cell app-nowrap">{formatDate(a.createdAt)}</td>
                      <td className="govuk-table__cell">
                        <SecondmentStatusTag status={a.status} />
                        {a.status === 'submitted' ? <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">Waiting for the home unit’s decision</p> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrapper>
          ) : null}
          <NoMoreItems paged={pagedApplications} what="applications" />
          <Pagination paged={pagedApplications} label="Applications pages" />
        </section>
      ) : null}
    </>
  );
}

function ApplyForm({ placement }: { placement: Placement }) {
  const navigate = useNavigate();
  const [idempotencyKey] = useIdempotencyKey();
  const [statement, setStatement] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = formErrors([!statement.trim() && ['statement', 'Tell the host why you are applying']]);
    setErrors(check);
    if (hasErrors(check)) return;
    setBusy(true);
    try {
      await api.call('POST /v1/placements/{id}/applications', { params: { id: placement.id }, body: { statement: statement.trim() } }, { idempotencyKey });
      navigate('/applications', { state: { banner: `Your application for “${placement.title}” is sent. Your own unit decides first, then the host.` } });
    } catch (err) {
      setErrors(formErrorsFrom(err, { statement: 'Why you are applying' }));
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate data-testid="apply-form">
      <ErrorSummary errors={errors} />
      <Textarea
        id="statement"
        label={<span className="govuk-label--m">Why you are applying</span>}
        hint="What you would bring and what you want to develop. Your own unit approves first, then the host decides."
        value={statement}
        onChange={setStatement}
        error={errors.fields.statement}
      />
      <Button busy={busy}>Apply</Button>
    </form>
  );
}
