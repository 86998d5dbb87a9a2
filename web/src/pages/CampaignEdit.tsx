import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import { ImpactPreview } from '../components/impact';
import { Button, Checkboxes, DateInput, ErrorSummary, TextInput, datePartsFrom, isoFromParts, type DateParts } from '../components/form';
import { BackLink, LoadError, Loading, usePageTitle } from '../components/ui';
import { formErrors, formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../errors';
import { REGION_NAMES } from '../format';
import { useApi } from '../hooks';
import { useReference } from '../reference';
import type { Campaign } from '../types';
import { CAMPAIGN_LABELS, dateError, wholeNumber } from './CampaignNew';

/**
 * `/campaigns/:id/edit`: change a draft or a campaign in consultation (posts,
 * the per-source cap a ROCU head asked for, dates), with the same live impact
 * preview. Sends the version read, so a change made meanwhile is not lost.
 */
export function CampaignEdit() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { capabilityName } = useReference();
  const campaign = useApi<Campaign>(`/v1/campaigns/${id}`);
  const [title, setTitle] = useState('');
  const [regions, setRegions] = useState<string[]>([]);
  const [posts, setPosts] = useState('');
  const [cap, setCap] = useState('');
  const [opensOn, setOpensOn] = useState<DateParts>({ day: '', month: '', year: '' });
  const [closesOn, setClosesOn] = useState<DateParts>({ day: '', month: '', year: '' });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const c = campaign.data;
  usePageTitle(c ? `Change ${c.title}` : 'Change a campaign', hasErrors(errors));

  useEffect(() => {
    if (!c) return;
    setTitle(c.title);
    setRegions(c.regions);
    setPosts(String(c.posts));
    setCap(c.maxAppointmentsPerSource === null ? '' : String(c.maxAppointmentsPerSource));
    setOpensOn(datePartsFrom(c.opensOn));
    setClosesOn(datePartsFrom(c.closesOn));
  }, [c]);

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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const postsN = wholeNumber(posts, 1);
    const capN = cap.trim() === '' ? null : wholeNumber(cap, 0);
    const check = formErrors([
      !title.trim() && ['title', 'Enter a title'],
      regions.length === 0 && ['regions', 'Select at least one region'],
      postsN === undefined && ['posts', 'Enter the number of posts as a whole number from 1 to 1000'],
      capN === undefined && ['maxAppointmentsPerSource', 'Enter the most offers to any one ROCU as a whole number, or leave it empty'],
      !!dateError(opensOn, 'opening date') && ['opensOn', dateError(opensOn, 'opening date')!],
      !!dateError(closesOn, 'closing date') && ['closesOn', dateError(closesOn, 'closing date')!],
    ]);
    setErrors(check);
    if (hasErrors(check)) return;
    setBusy(true);
    try {
      await api.patch<Campaign>(`/v1/campaigns/${id}`, {
        title: title.trim(),
        regions,
        posts: postsN,
        maxAppointmentsPerSource: capN,
        opensOn: isoFromParts(opensOn),
        closesOn: isoFromParts(closesOn),
        version: c.version,
      });
      navigate(`/campaigns/${id}`, {
        state: { banner: c.status === 'consultation' ? 'Your changes are saved. Publish again to open the campaign if nothing else holds it.' : 'Your changes are saved.' },
      });
    } catch (err) {
      setErrors(formErrorsFrom(err, CAMPAIGN_LABELS));
      setBusy(false);
    }
  };

  const e = errors.fields;
  return (
    <>
      <BackLink to={`/campaigns/${id}`}>Back to the campaign</BackLink>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{capabilityName(c.capabilityId)} campaign</span>
      <h1 className="govuk-heading-l">Change {c.title}</h1>
      <form onSubmit={submit} noValidate>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <TextInput id="title" label="Title" value={title} onChange={setTitle} error={e.title} />
            <Checkboxes
              id="regions"
              legend="Regions"
              hint="Select all that apply."
              error={e.regions}
              values={regions}
              onChange={setRegions}
              small
              items={Object.entries(REGION_NAMES).map(([value, text]) => ({ value, text }))}
            />
            <TextInput id="posts" label="Number of posts" inputMode="numeric" width={3} value={posts} onChange={setPosts} error={e.posts} />
            <TextInput
              id="maxAppointmentsPerSource"
              label="Most offers to any one ROCU (optional)"
              hint="A per-source cap: no more offers than this to officers from any one ROCU. Leave empty for no cap."
              inputMode="numeric"
              width={3}
              value={cap}
              onChange={setCap}
              error={e.maxAppointmentsPerSource}
            />
          </div>
        </div>
        <ImpactPreview
          input={{ capabilityId: c.capabilityId, posts, cap, vetting: c.roleProfile.vetting, minPipLevel: String(c.roleProfile.minPipLevel), ownerOrgId: c.ownerOrgId }}
        />
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <DateInput id="opensOn" legend="Opening date" value={opensOn} onChange={setOpensOn} error={e.opensOn} />
            <DateInput id="closesOn" legend="Closing date" value={closesOn} onChange={setClosesOn} error={e.closesOn} />
            <Button busy={busy}>Save changes</Button>
          </div>
        </div>
      </form>
    </>
  );
}
