import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../api';
import { CampaignForm, campaignFormValues } from '../components/campaign-form';
import { ErrorSummary } from '../components/form';
import { BackLink, usePageTitle } from '../components/ui';
import { hasErrors, noErrors, type FormErrors } from '../errors';
import { useIdempotencyKey } from '../hooks';
import { useSession } from '../session';

/**
 * `/campaigns/new`: an HR lead drafts a campaign. The impact preview under
 * the posts and requirements shows, as they change, what the campaign could
 * do to each ROCU; saving makes a draft to review and publish. A draft
 * needs only its title and capability; the rest can follow.
 */
export function CampaignNew() {
  const navigate = useNavigate();
  const { session } = useSession();
  const [idempotencyKey] = useIdempotencyKey();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [initial] = useState(() => campaignFormValues());
  usePageTitle('Create a campaign', hasErrors(errors));
  const ownerOrgId = session!.claims.org;

  return (
    <>
      <BackLink to="/campaigns">Back to campaigns</BackLink>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Create a campaign</h1>
      <p className="govuk-body" data-testid="draft-hint">
        You need only a title and a capability to save a draft. Add the rest now or later: the draft lists what it still needs before it can be published.
      </p>
      <CampaignForm
        initial={initial}
        ownerOrgId={ownerOrgId}
        draft
        submitText="Save as a draft"
        errors={errors}
        onErrors={setErrors}
        onSubmit={async (body) => {
          const created = await api.call('POST /v1/campaigns', { body: { ...body, ownerOrgId } }, { idempotencyKey });
          const next = created.missingForPublish.length > 0 ? 'Add what it still needs, then publish it.' : 'Check its impact, then publish it.';
          navigate(`/campaigns/${created.id}`, { state: { banner: `“${created.title}” is saved as a draft. ${next}` } });
        }}
      />
    </>
  );
}
