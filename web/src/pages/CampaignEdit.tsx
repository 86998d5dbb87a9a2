import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../api';
import { CAMPAIGN_SECTIONS, CampaignForm, campaignFormValues, sectionBody, type CampaignSection } from '../components/campaign-form';
import { ErrorSummary } from '../components/form';
import { BackLink, LoadError, Loading, NotificationBanner, SummaryList, usePageTitle } from '../components/ui';
import { formatDate } from '../format';
import type { Campaign } from '../types';
import { hasErrors, isStaleVersion, noErrors, type FormErrors } from '../errors';
import { useApi } from '../hooks';
import { useReference } from '../reference';

/**
 * `/campaigns/:id/edit`: change a draft or a campaign in consultation (posts,
 * partners and their share, the per-source cap a ROCU head asked for, dates,
 * role profile), with the same form and live impact preview as drafting one.
 * Sends the version read, so a change made meanwhile is not lost: if someone
 * saved first, the person's edit stays in the form and the latest version is
 * shown beside it, to save over (knowingly) or to take instead. A draft's
 * task list opens one section at a time (`?section=dates`), which saves only
 * that section's fields.
 */
export function CampaignEdit() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { capabilityName } = useReference();
  const [search] = useSearchParams();
  const campaign = useApi('GET /v1/campaigns/{id}', { params: { id } });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [latest, setLatest] = useState<Campaign>();
  const c = campaign.data;
  const asked = search.get('section');
  // One section at a time is a draft's task list; a campaign in consultation is changed as a whole.
  const section = c?.status === 'draft' && asked && asked in CAMPAIGN_SECTIONS ? (asked as CampaignSection) : undefined;
  const heading = section ? CAMPAIGN_SECTIONS[section] : c ? `Change ${c.title}` : 'Change a campaign';
  usePageTitle(section && c ? `${heading}: ${c.title}` : heading, hasErrors(errors));

  if (campaign.loading && !c) return <Loading what="Loading the campaign" />;
  if (campaign.error || !c) return <LoadError error={campaign.error} />;
  if (c.status !== 'draft' && c.status !== 'consultation') {
    return (
      <>
        <BackLink to={`/campaigns/${id}`}>Back to the campaign</BackLink>
        <h1 className="govuk-heading-l">This campaign cannot be changed</h1>
        <p className="govuk-body">A campaign can be changed only while it is a draft or in consultation.</p>
      </>
    );
  }

  return (
    <>
      <BackLink to={`/campaigns/${id}`}>Back to the campaign</BackLink>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{section ? c.title : `${capabilityName(c.capabilityId)} campaign`}</span>
      <h1 className="govuk-heading-l">{heading}</h1>
      {latest ? (
        <NotificationBanner title="Someone else changed this campaign">
          <p className="govuk-notification-banner__heading">Your changes are still in the form below. The latest saved version is:</p>
          <SummaryList
            rows={[
              { key: 'Title', value: latest.title },
              { key: 'Posts', value: latest.posts ?? 'Not added yet' },
              { key: 'Applications', value: latest.opensOn && latest.closesOn ? `${formatDate(latest.opensOn)} to ${formatDate(latest.closesOn)}` : 'Dates not added yet' },
              { key: 'Most offers to any one ROCU', value: latest.maxAppointmentsPerSource ?? 'No cap' },
            ]}
          />
          <p className="govuk-body">Save again to put your changes over it, or take the latest version instead.</p>
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
            data-module="govuk-button"
            onClick={() => {
              setLatest(undefined);
              setErrors(noErrors);
              void campaign.reload();
            }}
          >
            Take the latest version (your changes are lost)
          </button>
        </NotificationBanner>
      ) : null}
      <CampaignForm
        key={c.version}
        initial={campaignFormValues(c)}
        ownerOrgId={c.ownerOrgId}
        capabilityLocked
        partnersLocked={c.status !== 'draft'}
        draft={c.status === 'draft'}
        {...(section ? { section } : {})}
        submitText={section ? 'Save and return to the campaign' : 'Save changes'}
        errors={errors}
        onErrors={setErrors}
        onSubmit={async (body) => {
          // The capability is fixed once drafted (PATCH does not take it); partners change only in a draft.
          const { capabilityId: _fixed, partnerOrgIds, ...changes } = body;
          const sent = section ? sectionBody(body, section) : { ...changes, ...(c.status === 'draft' ? { partnerOrgIds } : {}) };
          try {
            await api.call('PATCH /v1/campaigns/{id}', {
              params: { id },
              // Saving over the latest version is a choice made with it on screen.
              body: { ...sent, version: latest?.version ?? c.version },
            });
          } catch (err) {
            if (isStaleVersion(err)) {
              setLatest(await api.call('GET /v1/campaigns/{id}', { params: { id } }));
              throw new ApiError(409, err.code, 'Someone else saved a change to this campaign after you opened it. Your changes are kept: compare them with the latest version, then save again or take the latest.');
            }
            throw err;
          }
          navigate(`/campaigns/${id}`, {
            state: {
              banner:
                c.status === 'consultation'
                  ? 'Your changes are saved. Publish again to open the campaign if nothing else holds it.'
                  : section
                    ? `${CAMPAIGN_SECTIONS[section]}: your changes are saved.`
                    : 'Your changes are saved.',
            },
          });
        }}
      />
    </>
  );
}
