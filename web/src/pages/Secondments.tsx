import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { api } from '../api';
import { Button, ErrorSummary, Radios, Textarea } from '../components/form';
import { BackLink, LoadError, Loading, NotificationBanner, SecondmentStatusTag, SummaryList, TableWrapper, usePageTitle } from '../components/ui';
import { formErrors, formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../errors';
import { SECONDMENT_STATUS, formatDate, formatDateTime } from '../format';
import { useApi } from '../hooks';
import { NoMoreItems, Pagination, pageCaption, usePagedList } from '../components/pagination';
import { useReference } from '../reference';
import { useSession } from '../session';
import type { SecondmentApplication } from '../types';
import { ApplicationHistory } from './CampaignApplications';
import { TeamCard } from '../components/decision-facts';
import { AuditTrail } from '../components/audit-trail';

const WITHDRAWABLE = new Set(['submitted', 'home-approved', 'confirmed']);

/**
 * `/secondments/home`: the home's ROCU head or HR lead sees their officers'
 * secondment applications, those awaiting their decision first.
 */
export function HomeSecondments() {
  usePageTitle('Secondment requests');
  const { session, hasRole } = useSession();
  const { orgName } = useReference();
  const org = session!.claims.org;
  const pagedAwaiting = usePagedList('GET /v1/organisations/{orgId}/secondment-applications', { params: { orgId: org }, query: { status: 'submitted' } }, { param: 'waiting' });
  const awaiting = pagedAwaiting.list;
  const pagedAll = usePagedList('GET /v1/organisations/{orgId}/secondment-applications', { params: { orgId: org } });
  // The decided ones of this page of all requests (the waiting ones are listed above).
  const decided = (pagedAll.list.data?.items ?? []).filter((a) => a.status !== 'submitted');
  return (
    <>
      <h1 className="govuk-heading-l">Secondment requests</h1>
      <p className="govuk-body">
        {orgName(org)} officers who asked to go on secondment. Their home decides first, then the host.{' '}
        {hasRole('rocu-head')
          ? 'Your approval is the release: it stands even when the team falls below its minimum.'
          : 'An approval that would take a ROCU team below its minimum needs the ROCU head.'}
      </p>
      <h2 className="govuk-heading-m">Waiting for your decision</h2>
      {awaiting.loading && !awaiting.data ? <Loading what="Loading the requests" /> : null}
      {awaiting.error ? <LoadError error={awaiting.error} /> : null}
      {awaiting.data && awaiting.data.items.length === 0 && !pagedAwaiting.previous ? (
        <p className="govuk-body" data-testid="empty-state">
          Nothing is waiting for your decision.
        </p>
      ) : null}
      {awaiting.data && awaiting.data.items.length > 0 ? (
        <SecondmentTable items={awaiting.data.items} testId="awaiting-table" caption={`Waiting for your decision${pageCaption(pagedAwaiting)}`} />
      ) : null}
      <NoMoreItems paged={pagedAwaiting} what="requests waiting" />
      <Pagination paged={pagedAwaiting} label="Pages of requests waiting for your decision" />
      {decided.length > 0 || pagedAll.previous || pagedAll.next ? (
        <>
          <h2 className="govuk-heading-m">Decided</h2>
          {decided.length > 0 ? <SecondmentTable items={decided} testId="decided-table" caption={`Decided requests${pageCaption(pagedAll)}`} /> : null}
          {decided.length === 0 ? <p className="govuk-body">None decided on this page.</p> : null}
          <Pagination paged={pagedAll} label="Pages of decided requests" />
        </>
      ) : null}
    </>
  );
}

function SecondmentTable({ items, testId, caption }: { items: SecondmentApplication[]; testId: string; caption: string }) {
  const { orgName } = useReference();
  return (
    <TableWrapper label={caption}>
      <table className="govuk-table" data-testid={testId}>
        <caption className="govuk-table__caption govuk-visually-hidden">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Officer</th>
            <th scope="col" className="govuk-table__header">Placement</th>
            <th scope="col" className="govuk-table__header">Dates</th>
            <th scope="col" className="govuk-table__header">Status</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {items.map((a) => (
            <tr className="govuk-table__row" key={a.id} data-status={a.status}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/secondment-applications/${a.id}`}>
                  {a.officerName}
                </Link>
              </td>
              <td className="govuk-table__cell">
                {a.placementTitle}
                <br />
                <span className="govuk-body-s">Hosted by {orgName(a.hostOrgId)}</span>
              </td>
              <td className="govuk-table__cell">
                {formatDate(a.startDate)} to {formatDate(a.endDate)}
              </td>
              <td className="govuk-table__cell">
                <SecondmentStatusTag status={a.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrapper>
  );
}

type Side = 'home' | 'host' | 'officer' | 'none';

/**
 * `/secondment-applications/:id`: one secondment application, its decisions
 * and history, and what the signed-in person can do next: the home decides
 * (a ROCU head's approval is the release; an HR lead's is refused below the
 * minimum, with the API's reason), the host accepts or declines (409 when
 * full) and completes, the officer withdraws.
 */
export function SecondmentApplicationPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { session, hasRole } = useSession();
  const { orgName } = useReference();
  const application = useApi('GET /v1/secondment-applications/{id}', { params: { id } });
  const homeSide =
    !!application.data && hasRole('rocu-head', 'hr-lead') && application.data.homeOrgId === session?.claims.org && application.data.hostOrgId !== session?.claims.org;
  const facts = useApi(homeSide ? 'GET /v1/secondment-applications/{id}/home-context' : undefined, { params: { id } });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [banner, setBanner] = useState<string | undefined>((location.state as { banner?: string } | null)?.banner);
  const [decision, setDecision] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  usePageTitle(application.data ? `${application.data.officerName}: ${application.data.placementTitle}` : 'Secondment application', hasErrors(errors));
  if (application.loading && !application.data) return <Loading what="Loading the application" />;
  if (application.error || !application.data) return <LoadError error={application.error} />;
  const a = application.data;
  const org = session?.claims.org;
  const side: Side =
    hasRole('officer') && session?.claims.officerId === a.officerId
      ? 'officer'
      : hasRole('hr-lead') && org === a.hostOrgId
        ? 'host'
        : hasRole('rocu-head', 'hr-lead') && org === a.homeOrgId
          ? 'home'
          : 'none';
  const isHead = hasRole('rocu-head');

  const params = { id: a.id };
  const post = async (send: () => Promise<SecondmentApplication>, done: (updated: SecondmentApplication) => string) => {
    setBusy(true);
    setErrors(noErrors);
    setBanner(undefined);
    try {
      const updated = await send();
      await Promise.all([application.reload(), homeSide ? facts.reload() : undefined]);
      setDecision('');
      setNote('');
      setBanner(done(updated));
    } catch (err) {
      // A refusal (403 below the minimum, 409 when full) names its `decision` field; its message says why in full, so it is shown as it is.
      setErrors(formErrorsFrom(err, { note: 'Note' }));
    } finally {
      setBusy(false);
    }
  };

  const decide = (event: FormEvent, kind: 'home' | 'host') => {
    event.preventDefault();
    const check = formErrors([
      !decision && ['decision', 'Select your decision'],
      decision.endsWith('decline') && !note.trim() && ['note', 'Say why you decline: the officer reads it'],
    ]);
    setErrors(check);
    if (hasErrors(check)) return;
    const body = { note: note.trim() };
    const approve = decision === 'home-approve' || decision === 'host-accept';
    const send =
      kind === 'home'
        ? () => api.call('POST /v1/secondment-applications/{id}/home-decision', { params, body: { ...body, decision: approve ? 'approve' : 'decline' } })
        : () => api.call('POST /v1/secondment-applications/{id}/host-decision', { params, body: { ...body, decision: approve ? 'accept' : 'decline' } });
    void post(send, (u) =>
      u.status === 'declined'
        ? `You declined ${a.officerName}’s application.`
        : kind === 'home'
          ? `You approved ${a.officerName}’s secondment${u.homeDecision?.release ? ', and released them' : ''}. The host decides next.`
          : `${a.officerName}’s place is confirmed.`,
    );
  };

  // Once the home has decided the form goes; only the ROCU head may still turn an HR lead's approval into a release.
  const homeOpen = side === 'home' && (a.status === 'submitted' || (a.status === 'home-approved' && isHead && !a.homeDecision?.release));
  const hostOpen = side === 'host' && a.status === 'home-approved';
  const canComplete = side === 'host' && (a.status === 'confirmed' || a.status === 'active');
  const canWithdraw = side === 'officer' && WITHDRAWABLE.has(a.status);
  const back = side === 'officer' ? '/applications' : side === 'host' ? `/placements/${a.placementId}` : side === 'home' ? '/secondments/home' : '/';

  return (
    <>
      <BackLink to={back}>Back</BackLink>
      {banner ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      ) : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <span className="govuk-caption-l">Secondment application</span>
          <h1 className="govuk-heading-l">
            {side === 'officer' ? a.placementTitle : `${a.officerName}: ${a.placementTitle}`}
          </h1>
          <p className="govuk-body" data-testid="secondment-status">
            Status: <SecondmentStatusTag status={a.status} />
          </p>
          <SummaryList
            rows={[
              { key: 'Officer', value: `${a.officerName}, ${orgName(a.homeOrgId)}` },
              {
                key: 'Placement',
                value: (
                  <Link className="govuk-link" to={`/placements/${a.placementId}`}>
                    {a.placementTitle}
                  </Link>
                ),
              },
              { key: 'Host', value: orgName(a.hostOrgId) },
              { key: 'Dates', value: `${formatDate(a.startDate)} to ${formatDate(a.endDate)}` },
              { key: 'Applied', value: formatDate(a.createdAt) },
              a.homeDecision
                ? {
                    key: 'Home decision',
                    value: (
                      <span data-testid="home-decision">
                        {a.homeDecision.decision === 'approve' ? 'Approved' : 'Declined'} by the {a.homeDecision.role === 'rocu-head' ? 'ROCU head' : 'HR lead'} on{' '}
                        {formatDateTime(a.homeDecision.at)}
                        {a.homeDecision.release ? ' (a release decision)' : ''}
                        {a.homeDecision.note ? `: ${a.homeDecision.note}` : ''}
                      </span>
                    ),
                  }
                : null,
              a.hostDecision
                ? {
                    key: 'Host decision',
                    value: `${a.hostDecision.decision === 'accept' ? 'Accepted' : 'Declined'} on ${formatDateTime(a.hostDecision.at)}${a.hostDecision.note ? `: ${a.hostDecision.note}` : ''}`,
                  }
                : null,
            ]}
          />
          <h2 className="govuk-heading-m">Statement</h2>
          <p className="govuk-body app-pre-line">{a.statement}</p>

          {side === 'home' && facts.data ? (
            <section aria-labelledby="home-teams-heading" data-testid="home-teams">
              <h2 className="govuk-heading-m" id="home-teams-heading">
                {facts.data.homeTeams.length === 1 ? 'Your team' : 'Your teams'} {a.officerName} is in
              </h2>
              {!facts.data.protected ? (
                <p className="govuk-body">Team minimums do not stop this secondment: {orgName(a.homeOrgId)} is not a ROCU, or the placement is within it.</p>
              ) : null}
              {facts.data.homeTeams.map((t) => (
                <TeamCard
                  key={t.capabilityId}
                  team={t}
                  state={a.status === 'submitted' || a.status === 'home-approved' ? 'would' : a.status === 'confirmed' || a.status === 'active' ? 'has' : 'none'}
                  afterLabel={`While ${a.officerName} is away`}
                  headingLevel={3}
                />
              ))}
            </section>
          ) : null}

          {homeOpen ? (
            <form onSubmit={(e) => decide(e, 'home')} noValidate data-testid="home-decision-form">
              <h2 className="govuk-heading-m">Your decision as {orgName(a.homeOrgId)}</h2>
              <div className="govuk-inset-text" data-testid="home-decision-effect">
                {a.status === 'home-approved' ? `The HR lead has approved. As ROCU head, approving again makes it a release decision. ` : null}
                {isHead
                  ? 'As ROCU head, approving releases the officer: it stands even if the team falls below its minimum.'
                  : facts.data?.needsRelease
                    ? `Approving would take ${orgName(a.homeOrgId)}’s team below its minimum, so as HR lead you cannot approve: the ROCU head must approve (that is a release decision).`
                    : 'As HR lead, you can approve only if the team stays at or above its minimum. Below it, the ROCU head must approve (that is a release decision).'}
              </div>
              <Radios
                id="decision"
                legend="Do you approve the secondment?"
                value={decision}
                onChange={setDecision}
                error={errors.fields.decision}
                items={[
                  { value: 'home-approve', text: isHead ? 'Approve and release' : 'Approve' },
                  { value: 'home-decline', text: 'Decline' },
                ]}
              />
              <Textarea id="note" label="Note" hint="Your reasons, kept in the record. Needed when you decline." rows={3} value={note} onChange={setNote} error={errors.fields.note} />
              <Button busy={busy}>Send decision</Button>
            </form>
          ) : null}

          {hostOpen ? (
            <form onSubmit={(e) => decide(e, 'host')} noValidate data-testid="host-decision-form">
              <h2 className="govuk-heading-m">Your decision as host</h2>
              <p className="govuk-body">{orgName(a.homeOrgId)} has approved. Accepting confirms a place.</p>
              <Radios
                id="decision"
                legend="Do you accept the officer?"
                value={decision}
                onChange={setDecision}
                error={errors.fields.decision}
                items={[
                  { value: 'host-accept', text: 'Accept and confirm a place' },
                  { value: 'host-decline', text: 'Decline' },
                ]}
              />
              <Textarea id="note" label="Note" hint="Kept in the record. Needed when you decline." rows={3} value={note} onChange={setNote} error={errors.fields.note} />
              <Button busy={busy}>Send decision</Button>
            </form>
          ) : null}

          {canComplete ? (
            <>
              <h2 className="govuk-heading-m">Complete the secondment</h2>
              <p className="govuk-body">When {a.officerName} returns home (or the secondment ends early). They count in their home team again.</p>
              <Link className="govuk-button govuk-button--secondary" data-module="govuk-button" to={`/secondment-applications/${a.id}/complete`}>
                Complete the secondment
              </Link>
            </>
          ) : null}

          {canWithdraw ? (
            <>
              <h2 className="govuk-heading-m">Withdraw</h2>
              <p className="govuk-body">{a.status === 'confirmed' ? 'Your place is given back to the host.' : 'Your application stops here.'}</p>
              <Link className="govuk-button govuk-button--warning" data-module="govuk-button" to={`/secondment-applications/${a.id}/withdraw`}>
                Withdraw my application
              </Link>
            </>
          ) : null}

          <h2 className="govuk-heading-m">History</h2>
          <ApplicationHistory history={a.history} statusText={SECONDMENT_STATUS} />
          {side === 'home' || side === 'host' ? <AuditTrail entity={`secondment-application:${a.id}`} heading="Audit trail" /> : null}
        </div>
      </div>
    </>
  );
}
