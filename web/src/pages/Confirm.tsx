import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../api';
import { CheckAndConfirm } from '../components/confirm';
import { ImpactHeadline } from '../components/impact';
import { BackLink, LoadError, Loading, usePageTitle } from '../components/ui';
import { formErrorsFrom } from '../errors';
import { ALERT_STATUS, APPLICATION_STATUS, REGION_NAMES, SECONDMENT_STATUS, formatDate } from '../format';
import { useApi } from '../hooks';
import { useReference } from '../reference';
import type { Campaign } from '../types';

/**
 * The check pages before the actions a person cannot take back: accepting
 * an offer, withdrawing (from an application, an accepted offer or a
 * secondment), publishing a campaign and completing one. Each says what will
 * happen and what cannot be undone, then shows a confirmation panel.
 */

/** `/applications/:id/accept` and `/applications/:id/withdraw`: the officer's own campaign application. */
export function ConfirmApplicationAction({ action }: { action: 'accept' | 'withdraw' }) {
  const { id = '' } = useParams();
  const { orgName } = useReference();
  const application = useApi('GET /v1/applications/{id}', { params: { id } });
  if (application.loading && !application.data) return <Loading what="Loading the application" />;
  if (application.error || !application.data) return <LoadError error={application.error} />;
  const a = application.data;
  const home = orgName(a.homeOrgId);
  const destination = orgName(a.allocationOrgId ?? a.ownerOrgId);
  const rows = [
    { key: 'Campaign', value: a.campaignTitle },
    { key: 'Status', value: APPLICATION_STATUS[a.status]?.text ?? a.status },
    a.startDate ? { key: 'Start date', value: formatDate(a.startDate) } : null,
    a.startDate ? { key: 'Post with', value: destination } : null,
  ];
  if (action === 'accept') {
    return (
      <CheckAndConfirm
        caption={a.campaignTitle}
        title="Check before you accept the offer"
        rows={rows}
        intro={<p className="govuk-body">Accepting commits you to the post: {home} counts you out of its teams from now, and you move to {destination} on {formatDate(a.startDate)}.</p>}
        warning={`You cannot undo accepting. If you change your mind you must withdraw, and the post may then go to someone else.`}
        confirmText="Accept the offer"
        back={{ to: '/applications', text: 'Back to my applications' }}
        onConfirm={async () => {
          await api.call('POST /v1/applications/{id}/accept', { params: { id } });
          return {
            title: 'Offer accepted',
            body: (
              <p className="govuk-body">
                You start with {destination} on {formatDate(a.startDate)}. {home} has been told.
              </p>
            ),
            next: { to: '/applications', text: 'Go to my applications' },
          };
        }}
      />
    );
  }
  const accepted = a.status === 'accepted';
  return (
    <CheckAndConfirm
      caption={a.campaignTitle}
      title={accepted ? 'Check before you withdraw from an accepted offer' : 'Check before you withdraw your application'}
      rows={rows}
      intro={
        accepted ? (
          <p className="govuk-body">You have accepted this offer. Withdrawing gives the post back, and you stay with {home}.</p>
        ) : (
          <p className="govuk-body">Your application stops here{a.status === 'offered' || a.status === 'awaiting-release' ? ', and the offer is given back' : ''}.</p>
        )
      }
      warning="You cannot undo withdrawing. To be considered again you would have to apply again, if the campaign is still taking applications."
      confirmText={accepted ? 'Withdraw from the offer' : 'Withdraw my application'}
      warningButton
      back={{ to: '/applications', text: 'Back to my applications' }}
      onConfirm={async () => {
        await api.call('POST /v1/applications/{id}/withdraw', { params: { id } });
        return {
          title: accepted ? 'You have withdrawn from the offer' : 'Application withdrawn',
          body: <p className="govuk-body">You withdrew from “{a.campaignTitle}”. The campaign’s HR lead has been told.</p>,
          next: { to: '/applications', text: 'Go to my applications' },
        };
      }}
    />
  );
}

type SecondmentApplication = NonNullable<ReturnType<typeof useApi<'GET /v1/secondment-applications/{id}'>>['data']>;

/** The secondment application of the page's `:id`, loaded, for the check pages that act on it. */
function SecondmentApplicationLoaded({ children }: { children: (a: SecondmentApplication, id: string) => ReactNode }) {
  const { id = '' } = useParams();
  const application = useApi('GET /v1/secondment-applications/{id}', { params: { id } });
  if (application.loading && !application.data) return <Loading what="Loading the application" />;
  if (application.error || !application.data) return <LoadError error={application.error} />;
  return <>{children(application.data, id)}</>;
}

/** `/secondment-applications/:id/withdraw`: the officer withdraws a secondment application (a confirmed place is given back). */
export function ConfirmSecondmentWithdraw() {
  return <SecondmentApplicationLoaded>{(a, id) => <WithdrawSecondment a={a} id={id} />}</SecondmentApplicationLoaded>;
}

function WithdrawSecondment({ a, id }: { a: SecondmentApplication; id: string }) {
  const { orgName } = useReference();
  return (
    <CheckAndConfirm
      caption={a.placementTitle}
      title="Check before you withdraw from the secondment"
      rows={[
        { key: 'Placement', value: a.placementTitle },
        { key: 'Host', value: orgName(a.hostOrgId) },
        { key: 'Dates', value: `${formatDate(a.startDate)} to ${formatDate(a.endDate)}` },
        { key: 'Status', value: SECONDMENT_STATUS[a.status]?.text ?? a.status },
      ]}
      intro={<p className="govuk-body">{a.status === 'confirmed' ? 'Your place is given back to the host.' : 'Your application stops here.'}</p>}
      warning="You cannot undo withdrawing. To go on this secondment you would have to apply again, if the placement is still open."
      confirmText="Withdraw from the secondment"
      warningButton
      back={{ to: `/secondment-applications/${id}`, text: 'Back to the application' }}
      onConfirm={async () => {
        await api.call('POST /v1/secondment-applications/{id}/withdraw', { params: { id } });
        return {
          title: 'Secondment application withdrawn',
          body: <p className="govuk-body">You withdrew from “{a.placementTitle}”. Your home unit and the host have been told.</p>,
          next: { to: '/applications', text: 'Go to my applications' },
        };
      }}
    />
  );
}

/** `/secondment-applications/:id/complete`: the host's HR lead ends a confirmed or running secondment (the officer counts at home again). */
export function ConfirmSecondmentComplete() {
  return <SecondmentApplicationLoaded>{(a, id) => <CompleteSecondment a={a} id={id} />}</SecondmentApplicationLoaded>;
}

function CompleteSecondment({ a, id }: { a: SecondmentApplication; id: string }) {
  const { orgName } = useReference();
  const home = orgName(a.homeOrgId);
  return (
    <CheckAndConfirm
      caption={a.placementTitle}
      title={`Check before you complete ${a.officerName}’s secondment`}
      rows={[
        { key: 'Officer', value: a.officerName },
        { key: 'Placement', value: a.placementTitle },
        { key: 'Home unit', value: home },
        { key: 'Dates', value: `${formatDate(a.startDate)} to ${formatDate(a.endDate)}` },
        { key: 'Status', value: SECONDMENT_STATUS[a.status]?.text ?? a.status },
      ]}
      intro={
        <p className="govuk-body">
          Completing ends the secondment today{a.status === 'confirmed' ? ', before it has started' : ''}: {a.officerName} counts in {home}’s teams again and the
          place is no longer taken.
        </p>
      }
      warning="You cannot undo completing. To second the officer again they would have to apply again."
      confirmText="Complete the secondment"
      back={{ to: `/secondment-applications/${id}`, text: 'Back to the application' }}
      onConfirm={async () => {
        await api.call('POST /v1/secondment-applications/{id}/complete', { params: { id }, body: { note: '' } });
        return {
          title: 'Secondment completed',
          body: <p className="govuk-body">{a.officerName} is back with {home}. {home} and the officer have been told.</p>,
          next: { to: `/secondment-applications/${id}`, text: 'Go to the application' },
        };
      }}
    />
  );
}

/** A deep link to publishing a draft that is not complete: what it still needs, and the way back to its task list. */
function NotPublishable({ campaign: c }: { campaign: Campaign }) {
  usePageTitle('This campaign cannot be published yet');
  return (
    <>
      <BackLink to={`/campaigns/${c.id}`}>Back to the campaign</BackLink>
      <span className="govuk-caption-l">{c.title}</span>
      <h1 className="govuk-heading-l">This campaign cannot be published yet</h1>
      <p className="govuk-body">Before it can be published, the draft needs:</p>
      <ul className="govuk-list govuk-list--bullet" data-testid="missing-for-publish">
        {c.missingForPublish.map((m) => (
          <li key={m.field}>{m.message.replace(/^\w/, (ch) => ch.toLowerCase())}</li>
        ))}
      </ul>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/campaigns/${c.id}`}>
          Finish the draft from its task list
        </Link>
        .
      </p>
    </>
  );
}

/** `/campaigns/:id/publish`: the owner's HR lead checks the campaign and its impact before publishing. */
export function ConfirmPublish() {
  const { id = '' } = useParams();
  const { orgName, capabilityName } = useReference();
  const campaign = useApi('GET /v1/campaigns/{id}', { params: { id } });
  const impact = useApi(campaign.data && campaign.data.missingForPublish.length === 0 ? 'GET /v1/campaigns/{id}/impact' : undefined, { params: { id } });
  if (campaign.loading && !campaign.data) return <Loading what="Loading the campaign" />;
  if (campaign.error || !campaign.data) return <LoadError error={campaign.error} />;
  const c = campaign.data;
  const again = c.status === 'consultation';
  if (c.missingForPublish.length > 0) return <NotPublishable campaign={c} />;
  return (
    <CheckAndConfirm
      caption={c.title}
      title={again ? 'Check before you publish again' : 'Check before you publish the campaign'}
      rows={[
        { key: 'Title', value: c.title },
        { key: 'Capability', value: capabilityName(c.capabilityId) },
        { key: 'Posts', value: c.posts },
        { key: 'Regions', value: c.regions.map((r) => REGION_NAMES[r] ?? r).join(', ') },
        { key: 'Applications', value: `${formatDate(c.opensOn)} to ${formatDate(c.closesOn)}` },
        { key: 'Most offers to any one ROCU', value: c.maxAppointmentsPerSource ?? 'No cap' },
      ]}
      intro={impact.data ? <ImpactHeadline assessment={impact.data} /> : null}
      warning="You cannot take a published campaign back to a draft. Every ROCU it puts at risk is asked first; it opens for applications once they have answered."
      confirmText={again ? 'Publish again' : 'Publish the campaign'}
      back={{ to: `/campaigns/${id}`, text: 'Back to the campaign' }}
      errorsFrom={(err) => {
        const out = formErrorsFrom(err);
        // A 409 names the alerts still holding the campaign: link each one.
        if (err instanceof ApiError) {
          for (const d of err.details) {
            const detail = d as { alertId?: unknown; orgId?: unknown; status?: unknown };
            if (typeof detail.alertId === 'string' && typeof detail.orgId === 'string') {
              const status = ALERT_STATUS[String(detail.status)]?.text.toLowerCase() ?? String(detail.status);
              out.items.push({ text: `${orgName(detail.orgId)}’s alert: ${status}`, href: `/alerts/${detail.alertId}` });
            }
          }
        }
        return out;
      }}
      onConfirm={async () => {
        const result = await api.call('POST /v1/campaigns/{id}/publish', { params: { id } });
        const waiting = result.outstanding.map((o) => orgName(o.orgId)).join(', ');
        return result.campaign.status === 'open'
          ? {
              title: 'Campaign published',
              body: <p className="govuk-body">“{c.title}” is open for applications until {formatDate(c.closesOn)}.</p>,
              next: { to: `/campaigns/${id}`, text: 'Go to the campaign' },
            }
          : {
              title: 'Campaign in consultation',
              body: (
                <p className="govuk-body">
                  “{c.title}” opens when {waiting} {result.outstanding.length === 1 ? 'has' : 'have'} answered. Their ROCU heads have been told.
                </p>
              ),
              next: { to: `/campaigns/${id}`, text: 'Go to the campaign' },
            };
      }}
    />
  );
}

/** `/campaigns/:id/complete`: the owner's HR lead ends a closed campaign once its appointments are made. */
export function ConfirmComplete() {
  const { id = '' } = useParams();
  const campaign = useApi('GET /v1/campaigns/{id}', { params: { id } });
  if (campaign.loading && !campaign.data) return <Loading what="Loading the campaign" />;
  if (campaign.error || !campaign.data) return <LoadError error={campaign.error} />;
  const c = campaign.data;
  return (
    <CheckAndConfirm
      caption={c.title}
      title="Check before you complete the campaign"
      rows={[
        { key: 'Title', value: c.title },
        { key: 'Posts', value: c.posts },
        { key: 'Applications closed', value: formatDate(c.closesOn) },
      ]}
      intro={<p className="govuk-body">Completing ends the campaign once every application is decided: no more offers can be made from it. Accepted offers still take effect on their start dates.</p>}
      warning="You cannot undo completing a campaign, or make any more offers from it."
      confirmText="Complete the campaign"
      warningButton
      back={{ to: `/campaigns/${id}`, text: 'Back to the campaign' }}
      onConfirm={async () => {
        await api.call('POST /v1/campaigns/{id}/complete', { params: { id }, body: { note: '' } });
        return {
          title: 'Campaign completed',
          body: <p className="govuk-body">“{c.title}” is completed.</p>,
          next: { to: `/campaigns/${id}`, text: 'Go to the campaign' },
        };
      }}
    />
  );
}
