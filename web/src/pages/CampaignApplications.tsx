import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../api';
import { Button, DateInput, ErrorSummary, Radios, Textarea, isoFromParts, type DateParts } from '../components/form';
import { ApplicationStatusTag, BackLink, CampaignStatusTag, LoadError, Loading, NotificationBanner, SummaryList, TableWrapper, usePageTitle } from '../components/ui';
import { formErrors, formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../errors';
import { APPLICATION_STATUS, formatDate, formatDateTime, todayIso } from '../format';
import { useApi } from '../hooks';
import { NoMoreItems, Pagination, pageCaption, usePagedList } from '../components/pagination';
import { useReference } from '../reference';
import type { Application } from '../types';
import { dateError } from '../components/campaign-form';
import { AuditTrail } from '../components/audit-trail';
import { NotFound } from './Misc';
import { OfficerCard, TeamCard } from '../components/decision-facts';
import type { RouteResponse } from '../routes';

/** The pipeline's order: what needs a decision first. */
const PIPELINE: string[] = ['submitted', 'shortlisted', 'awaiting-release', 'offered', 'accepted', 'appointed', 'rejected', 'withdrawn'];
const REJECTABLE = new Set(['submitted', 'shortlisted', 'offered', 'awaiting-release']);
const OFFERING_CAMPAIGN = new Set(['open', 'closed']);

/** "Offer waiting for release": the alert the ROCU head answers, and the release date once they have. */
function ReleaseNote({ a }: { a: Application }) {
  const { orgName } = useReference();
  if (a.status === 'awaiting-release') {
    return (
      <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0" data-testid="release-note">
        {orgName(a.homeOrgId)}’s head decides the release.{' '}
        {a.alertId ? (
          <Link className="govuk-link" to={`/alerts/${a.alertId}`}>
            See the release alert<span className="govuk-visually-hidden"> for {a.officerName}</span>
          </Link>
        ) : null}
      </p>
    );
  }
  if (a.releaseDate) {
    return (
      <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0" data-testid="release-note">
        {a.releaseDecision === 'deferred' ? 'Release deferred to' : 'Released from'} {formatDate(a.releaseDate)}
      </p>
    );
  }
  return null;
}

/** `/campaigns/:id/applications`: the HR lead's pipeline, applicants in the order they came, grouped by where they stand. */
export function CampaignApplications() {
  const { id = '' } = useParams();
  const { orgName } = useReference();
  const campaign = useApi('GET /v1/campaigns/{id}', { params: { id } });
  const [params] = useSearchParams();
  const status = params.get('status') ?? '';
  const paged = usePagedList('GET /v1/campaigns/{id}/applications', { params: { id }, query: { status: (status || undefined) as Application['status'] | undefined } });
  const list = paged.list;
  const manyPages = !!(paged.previous || paged.next);
  usePageTitle(campaign.data ? `Applications: ${campaign.data.title}` : 'Applications');
  if ((campaign.loading && !campaign.data) || (list.loading && !list.data)) return <Loading what="Loading the applications" />;
  if (campaign.error || !campaign.data) return <LoadError error={campaign.error} />;
  if (list.error || !list.data) return <LoadError error={list.error} />;
  const c = campaign.data;
  const items = [...list.data.items].sort((a, b) => PIPELINE.indexOf(a.status) - PIPELINE.indexOf(b.status) || a.createdAt.localeCompare(b.createdAt));
  const counts = PIPELINE.map((s) => [s, items.filter((a) => a.status === s).length] as const).filter(([, n]) => n > 0);
  return (
    <>
      <BackLink to={`/campaigns/${id}`}>Back to the campaign</BackLink>
      <span className="govuk-caption-l">{c.title}</span>
      <h1 className="govuk-heading-l">Applications</h1>
      <p className="govuk-body">
        Campaign status: <CampaignStatusTag status={c.status} />. {c.posts} {c.posts === 1 ? 'post' : 'posts'}
        {c.maxAppointmentsPerSource !== null ? `, at most ${c.maxAppointmentsPerSource} ${c.maxAppointmentsPerSource === 1 ? 'offer' : 'offers'} to any one ROCU` : ''}.
      </p>
      <nav aria-label="Filter applications by status" className="govuk-!-margin-bottom-4">
        <ul className="govuk-list app-filter-list">
          {['', ...PIPELINE].map((f) => (
            <li key={f || 'all'}>
              {f === status ? (
                <strong aria-current="page">{f ? APPLICATION_STATUS[f]?.text ?? f : 'All'}</strong>
              ) : (
                <Link className="govuk-link" to={f ? `/campaigns/${id}/applications?status=${f}` : `/campaigns/${id}/applications`}>
                  {f ? APPLICATION_STATUS[f]?.text ?? f : 'All'}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {items.length === 0 && !paged.previous ? (
        <p className="govuk-body" data-testid="empty-state">
          {status ? `No applications are ${APPLICATION_STATUS[status]?.text.toLowerCase() ?? status}.` : 'No one has applied yet.'}
        </p>
      ) : items.length === 0 ? (
        <NoMoreItems paged={paged} what="applications" />
      ) : (
        <>
          {manyPages ? <p className="govuk-body">Page {paged.pageNumber}, in the order they came. Filter by status to see one stage at a time.</p> : null}
          <ul className="govuk-list" data-testid="pipeline-counts" hidden={manyPages}>
            {counts.map(([s, n]) => (
              <li key={s}>
                {APPLICATION_STATUS[s]?.text ?? s}: <strong>{n}</strong>
              </li>
            ))}
          </ul>
          <TableWrapper label="Applications">
            <table className="govuk-table" data-testid="applications-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Applications, what needs a decision first{pageCaption(paged)}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Applicant</th>
                  <th scope="col" className="govuk-table__header">Home</th>
                  <th scope="col" className="govuk-table__header">Applied</th>
                  <th scope="col" className="govuk-table__header">Status</th>
                  <th scope="col" className="govuk-table__header">Start date</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {items.map((a) => (
                  <tr className="govuk-table__row" key={a.id} data-status={a.status} data-applicant={a.officerName}>
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={`/campaigns/${id}/applications/${a.id}`}>
                        {a.officerName}
                      </Link>
                    </td>
                    <td className="govuk-table__cell">{orgName(a.homeOrgId)}</td>
                    <td className="govuk-table__cell app-nowrap">{formatDate(a.createdAt)}</td>
                    <td className="govuk-table__cell">
                      <ApplicationStatusTag status={a.status} />
                      <ReleaseNote a={a} />
                    </td>
                    <td className="govuk-table__cell app-nowrap">{a.startDate ? formatDate(a.startDate) : 'Not set'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrapper>
        </>
      )}
      <Pagination paged={paged} label="Applications pages" />
    </>
  );
}

type OfferContext = RouteResponse<'GET /v1/applications/{id}/offer-context'>;

/**
 * What the HR lead needs before an offer, as GOV.UK summary cards: the
 * applicant's vetting, PIP level and accreditations, what their leaving
 * would do to each home team they are in, and how much of the per-source
 * cap on their home is used.
 */
function OfferFacts({ facts, application: a }: { facts: OfferContext; application: Application }) {
  const { orgName } = useReference();
  const home = orgName(a.homeOrgId);
  const state = a.status === 'accepted' || a.status === 'appointed' ? 'has' : a.status === 'withdrawn' || a.status === 'rejected' ? 'none' : 'would';
  const cap = facts.sourceCap;
  return (
    <section aria-labelledby="facts-heading" data-testid="offer-facts">
      <h2 className="govuk-heading-m" id="facts-heading">
        The applicant and their team
      </h2>
      {facts.needsRelease && state === 'would' ? (
        <div className="govuk-inset-text" data-testid="needs-release">
          An offer to {a.officerName} would wait for {home}’s ROCU head to release them: it would take a team below its minimum.
        </div>
      ) : null}
      <OfficerCard officer={facts.officer} title="Vetting, PIP level and capabilities" headingLevel={3} />
      {facts.homeTeams.map((t) => (
        <TeamCard key={t.capabilityId} team={t} state={state} afterLabel={`If ${a.officerName} goes`} headingLevel={3} />
      ))}
      <div className="govuk-summary-card" data-testid="source-cap">
        <div className="govuk-summary-card__title-wrapper">
          <h3 className="govuk-summary-card__title">Offers to {home} officers</h3>
        </div>
        <div className="govuk-summary-card__content">
          {cap.cap === null ? (
            <p className="govuk-body">No per-source cap applies: {cap.offers} {cap.offers === 1 ? 'offer' : 'offers'} to {home} officers so far.</p>
          ) : cap.remaining === 0 ? (
            <div className="govuk-warning-text govuk-!-margin-bottom-0">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                The cap allows {cap.cap === 1 ? '1 offer' : `${cap.cap} offers`} to {home} officers, and {cap.cap === 1 ? 'it is' : 'all are'} used
                {a.status === 'offered' || a.status === 'accepted' || a.status === 'awaiting-release' ? ' (this one included)' : ': no further offer can go to its officers'}.
              </strong>
            </div>
          ) : (
            <p className="govuk-body">
              {cap.offers} used of the {cap.cap === 1 ? '1 offer' : `${cap.cap} offers`} the cap allows to {home} officers: {cap.remaining} left.
            </p>
          )}
        </div>
      </div>
    </section>
  );
}

/**
 * `/campaigns/:id/applications/:applicationId`: one applicant's statement and
 * history, and the HR lead's decisions: shortlist, offer with a start date,
 * reject. An offer past the per-source cap (409) shows in the error summary.
 */
export function CampaignApplication() {
  const { id = '', applicationId = '' } = useParams();
  const location = useLocation();
  const { orgName } = useReference();
  const campaign = useApi('GET /v1/campaigns/{id}', { params: { id } });
  const application = useApi('GET /v1/applications/{id}', { params: { id: applicationId } });
  const facts = useApi('GET /v1/applications/{id}/offer-context', { params: { id: applicationId } });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [banner, setBanner] = useState<{ text: string; important?: boolean } | undefined>(() => {
    const text = (location.state as { banner?: string } | null)?.banner;
    return text ? { text } : undefined;
  });
  const [busy, setBusy] = useState(false);
  const [startDate, setStartDate] = useState<DateParts>({ day: '', month: '', year: '' });
  const [rejecting, setRejecting] = useState(false);
  const [allocation, setAllocation] = useState<string>('');
  usePageTitle(application.data ? `${application.data.officerName}’s application` : 'Application', hasErrors(errors));
  if ((campaign.loading && !campaign.data) || (application.loading && !application.data)) return <Loading what="Loading the application" />;
  if (campaign.error || !campaign.data) return <LoadError error={campaign.error} />;
  if (application.error || !application.data) return <LoadError error={application.error} />;
  const c = campaign.data;
  const a = application.data;
  if (a.campaignId !== c.id) return <NotFound />;

  const act = async (action: 'shortlist' | 'reject' | 'offer', send: (params: { id: string }) => Promise<Application>) => {
    setBusy(true);
    setErrors(noErrors);
    setBanner(undefined);
    try {
      const updated = await send({ id: a.id });
      await Promise.all([application.reload(), facts.reload()]);
      setRejecting(false);
      // A held offer is not done yet: it waits for someone else, so it is news to act on, not a success.
      setBanner(
        action === 'shortlist'
          ? { text: `${a.officerName} is shortlisted.` }
          : action === 'reject'
            ? { text: `${a.officerName}’s application is rejected.` }
            : updated.status === 'awaiting-release'
              ? {
                  text: `The offer to ${a.officerName} is waiting for ${orgName(a.homeOrgId)}’s head to release them: their team would fall below its minimum.`,
                  important: true,
                }
              : { text: `${a.officerName} is offered a post starting ${formatDate(updated.startDate)}.` },
      );
    } catch (err) {
      setErrors(formErrorsFrom(err, { startDate: 'Start date', allocationOrgId: 'Whose post' }));
    } finally {
      setBusy(false);
    }
  };

  const offer = (event: FormEvent) => {
    event.preventDefault();
    const problem = dateError(startDate, 'start date');
    const iso = isoFromParts(startDate);
    const check = formErrors([
      !!problem && ['startDate', problem],
      !problem && !!iso && iso < todayIso() && ['startDate', 'The start date must be today or in the future'],
    ]);
    setErrors(check);
    if (hasErrors(check)) return;
    void act('offer', (params) =>
      api.call('POST /v1/applications/{id}/offer', { params, body: { startDate: iso!, ...(allocation ? { allocationOrgId: allocation } : {}) } }),
    );
  };
  // A joint campaign's posts belong to their organisations: the offer names whose post it fills.
  const allocations = c.allocations.length ? [...new Set([c.ownerOrgId, ...c.allocations.map((x) => x.orgId)])] : [];

  const canOffer = OFFERING_CAMPAIGN.has(c.status) && (a.status === 'shortlisted' || a.status === 'offered');
  return (
    <>
      <BackLink to={`/campaigns/${id}/applications`}>Back to the applications</BackLink>
      {banner ? (
        <NotificationBanner success={!banner.important}>
          <p className="govuk-notification-banner__heading">{banner.text}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{c.title}</span>
      <h1 className="govuk-heading-l">{a.officerName}</h1>
      <p className="govuk-body" data-testid="application-status">
        Status: <ApplicationStatusTag status={a.status} />
      </p>
      <ReleaseNote a={a} />
      <SummaryList
        rows={[
          { key: 'Home organisation', value: orgName(a.homeOrgId) },
          { key: 'Applied', value: formatDate(a.createdAt) },
          a.requestedStartDate ? { key: 'Start date offered', value: formatDate(a.requestedStartDate) } : null,
          a.startDate && a.startDate !== a.requestedStartDate ? { key: 'Start date in force', value: formatDate(a.startDate) } : null,
          a.releaseDate ? { key: 'Release date', value: formatDate(a.releaseDate) } : null,
          a.allocationOrgId && c.allocations.length ? { key: 'Post filled', value: orgName(a.allocationOrgId) } : null,
          a.alertId ? { key: 'Release alert', value: <Link className="govuk-link" to={`/alerts/${a.alertId}`}>See the alert</Link> } : null,
        ]}
      />
      <h2 className="govuk-heading-m">Statement</h2>
      <p className="govuk-body app-pre-line">{a.statement}</p>
      {facts.data ? <OfferFacts facts={facts.data} application={a} /> : facts.loading ? <Loading what="Loading the applicant’s record" /> : null}

      {a.status === 'submitted' || canOffer || REJECTABLE.has(a.status) ? <h2 className="govuk-heading-m">Decide</h2> : null}
      {a.status === 'submitted' ? (
        <div className="govuk-button-group">
          <Button type="button" busy={busy} onClick={() => void act('shortlist', (params) => api.call('POST /v1/applications/{id}/shortlist', { params }))}>
            Shortlist
          </Button>
        </div>
      ) : null}
      {canOffer ? (
        <form onSubmit={offer} noValidate data-testid="offer-form">
          <DateInput
            id="startDate"
            legend={a.status === 'offered' ? 'New start date' : 'Start date'}
            hint="The day they would start, for example 2 2 2027. If their team would fall below its minimum, their ROCU head decides the release first."
            value={startDate}
            onChange={setStartDate}
            error={errors.fields.startDate}
          />
          {allocations.length > 1 ? (
            <Radios
              id="allocationOrgId"
              legend="Whose post does this offer fill?"
              hint={`The appointee moves to that organisation on the start date; filling ${orgName(a.homeOrgId)}’s own post, they stay and are no loss to it.`}
              items={allocations.map((org) => ({
                value: org,
                text: `${orgName(org)} (${c.allocations.find((x) => x.orgId === org)?.posts ?? (c.posts ?? 0) - c.allocations.reduce((n, x) => n + x.posts, 0)} posts)`,
              }))}
              value={allocation || a.allocationOrgId || c.ownerOrgId}
              onChange={setAllocation}
              error={errors.fields.allocationOrgId}
            />
          ) : null}
          <Button busy={busy}>{a.status === 'offered' ? 'Offer again' : 'Make an offer'}</Button>
        </form>
      ) : null}
      {REJECTABLE.has(a.status) ? (
        rejecting ? (
          <div className="govuk-warning-text" data-testid="reject-confirm">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <div className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              Reject {a.officerName}’s application? They are told, and it cannot be undone.
              <div className="govuk-button-group govuk-!-margin-top-3">
                <Button type="button" warning busy={busy} onClick={() => void act('reject', (params) => api.call('POST /v1/applications/{id}/reject', { params }))}>
                  Yes, reject
                </Button>
                <Button type="button" secondary onClick={() => setRejecting(false)}>
                  No, keep it
                </Button>
              </div>
            </div>
          </div>
        ) : (
          <div className="govuk-button-group">
            <Button type="button" warning onClick={() => setRejecting(true)}>
              Reject{a.status === 'offered' || a.status === 'awaiting-release' ? ' and withdraw the offer' : ''}
            </Button>
          </div>
        )
      ) : null}

      <h2 className="govuk-heading-m">History</h2>
      <ApplicationHistory history={a.history} />
      <AuditTrail entity={`application:${a.id}`} heading="Audit trail" />
    </>
  );
}

/** Status changes, oldest first, with who's organisation made them and their note. */
export function ApplicationHistory({ history, statusText = APPLICATION_STATUS }: { history: Array<{ status: string; at: string; org: string; note?: string | undefined }>; statusText?: Record<string, { text: string }> }) {
  const { orgName } = useReference();
  return (
    <ol className="govuk-list govuk-list--number" data-testid="history">
      {history.map((h, i) => (
        <li key={i}>
          <strong>{statusText[h.status]?.text ?? h.status}</strong>, {formatDateTime(h.at)} ({orgName(h.org)})
          {h.note ? <span className="govuk-body-s">: {h.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}

/**
 * `/campaigns/:id/close` and `/campaigns/:id/cancel`: the owner's HR lead
 * confirms, with a note for the record. Closing stops new applications;
 * cancelling also withdraws the campaign's open alerts.
 */
export function CampaignEnd({ action }: { action: 'close' | 'cancel' }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const campaign = useApi('GET /v1/campaigns/{id}', { params: { id } });
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const verb = action === 'close' ? 'Close' : 'Cancel';
  usePageTitle(`${verb} the campaign`, hasErrors(errors));
  if (campaign.loading && !campaign.data) return <Loading what="Loading the campaign" />;
  if (campaign.error || !campaign.data) return <LoadError error={campaign.error} />;
  const c = campaign.data;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const body = { note: note.trim() };
      await (action === 'close'
        ? api.call('POST /v1/campaigns/{id}/close', { params: { id }, body })
        : api.call('POST /v1/campaigns/{id}/cancel', { params: { id }, body }));
      navigate(`/campaigns/${id}`, {
        state: { banner: action === 'close' ? `“${c.title}” is closed to new applications.` : `“${c.title}” is cancelled.` },
      });
    } catch (err) {
      setErrors(formErrorsFrom(err, { note: 'Note' }));
      setBusy(false);
    }
  };

  return (
    <>
      <BackLink to={`/campaigns/${id}`}>Back to the campaign</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <span className="govuk-caption-l">{c.title}</span>
          <h1 className="govuk-heading-l">{action === 'close' ? 'Close the campaign to new applications?' : 'Cancel the campaign?'}</h1>
          <p className="govuk-body">
            {action === 'close'
              ? 'Officers can no longer apply. You can still shortlist, offer and reject the applications you have.'
              : 'The campaign stops for good: no more applications or offers, and its open alerts to ROCU heads are withdrawn.'}
          </p>
          <form onSubmit={submit} noValidate data-testid="end-form">
            <Textarea id="note" label="Note (optional)" hint="Why, for the record" rows={3} value={note} onChange={setNote} error={errors.fields.note} />
            <div className="govuk-button-group">
              <Button busy={busy} warning={action === 'cancel'}>
                {action === 'close' ? 'Yes, close the campaign' : 'Yes, cancel the campaign'}
              </Button>
              <Link className="govuk-link" to={`/campaigns/${id}`}>
                No, go back
              </Link>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
