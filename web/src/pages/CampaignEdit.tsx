import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import { CampaignForm, campaignFormValues } from '../components/campaign-form';
import { ErrorSummary } from '../components/form';
import { BackLink, LoadError, Loading, usePageTitle } from '../components/ui';
import { hasErrors, noErrors, type FormErrors } from '../errors';
import { useApi } from '../hooks';
import { useReference } from '../reference';

/**
 * `/campaigns/:id/edit`: change a draft or a campaign in consultation (posts,
 * partners and their share, the per-source cap a ROCU head asked for, dates,
 * role profile), with the same form and live impact preview as drafting one.
 * Sends the version read, so a change made meanwhile is not lost.
 */
export function CampaignEdit() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { capabilityName } = useReference();
  const campaign = useApi('GET /v1/campaigns/{id}', { params: { id } });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const c = campaign.data;
  usePageTitle(c ? `Change ${c.title}` : 'Change a campaign', hasErrors(errors));

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
      <span className="govuk-caption-l">{capabilityName(c.capabilityId)} campaign</span>
      <h1 className="govuk-heading-l">Change {c.title}</h1>
      <CampaignForm
        key={c.version}
        initial={campaignFormValues(c)}
        ownerOrgId={c.ownerOrgId}
        capabilityLocked
        partnersLocked={c.status !== 'draft'}
        submitText="Save changes"
        errors={errors}
        onErrors={setErrors}
        onSubmit={async (body) => {
          // The capability is fixed once drafted (PATCH does not take it); partners change only in a draft.
          const { capabilityId: _fixed, partnerOrgIds, ...changes } = body;
          await api.call('PATCH /v1/campaigns/{id}', {
            params: { id },
            body: { ...changes, ...(c.status === 'draft' ? { partnerOrgIds } : {}), version: c.version },
          });
          navigate(`/campaigns/${id}`, {
            state: { banner: c.status === 'consultation' ? 'Your changes are saved. Publish again to open the campaign if nothing else holds it.' : 'Your changes are saved.' },
          });
        }}
      />
    </>
  );
}
