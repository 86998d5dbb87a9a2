import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../api';
import { ImpactPreview } from '../components/impact';
import { Button, Checkboxes, DateInput, ErrorSummary, Radios, Select, TextInput, Textarea, isBlankDate, isoFromParts, type DateParts } from '../components/form';
import { BackLink, usePageTitle } from '../components/ui';
import { formErrors, formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../errors';
import { PIP, REGION_NAMES, VETTING, VETTING_ORDER } from '../format';
import { useIdempotencyKey } from '../hooks';
import { useReference } from '../reference';
import { useSession } from '../session';
import type { Campaign } from '../types';

/** The API's field paths, named as the form names them (error summary, field messages). */
export const CAMPAIGN_LABELS: Record<string, string> = {
  title: 'Title',
  capabilityId: 'Capability',
  regions: 'Regions',
  posts: 'Number of posts',
  maxAppointmentsPerSource: 'Most offers to any one ROCU',
  opensOn: 'Opening date',
  closesOn: 'Closing date',
  'roleProfile.vetting': 'Vetting level',
  'roleProfile.minPipLevel': 'PIP level',
  'roleProfile.grade': 'Grade',
  'roleProfile.salaryBand': 'Salary band',
  'roleProfile.locations': 'Locations',
  'roleProfile.jobDescription': 'Job description',
  'roleProfile.terms': 'Terms and conditions',
};

const emptyDate: DateParts = { day: '', month: '', year: '' };

/** A whole number in range, or undefined. */
export function wholeNumber(raw: string, min: number, max = 1000): number | undefined {
  const n = Number(raw.trim());
  return raw.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

export function dateError(parts: DateParts, what: string): string | undefined {
  if (isBlankDate(parts)) return `Enter the ${what}`;
  if (!isoFromParts(parts)) return `The ${what} must be a real date, for example 2 2 2027`;
  return undefined;
}

/**
 * `/campaigns/new`: an HR lead drafts a campaign. The impact preview under
 * the posts and requirements shows, as they change, what the campaign could
 * do to each ROCU; saving makes a draft to review and publish.
 */
export function CampaignNew() {
  const navigate = useNavigate();
  const { session } = useSession();
  const { capabilities } = useReference();
  const [idempotencyKey] = useIdempotencyKey();
  const [title, setTitle] = useState('');
  const [capabilityId, setCapabilityId] = useState('');
  const [regions, setRegions] = useState<string[]>([]);
  const [posts, setPosts] = useState('');
  const [cap, setCap] = useState('');
  const [vetting, setVetting] = useState('');
  const [minPipLevel, setMinPipLevel] = useState('0');
  const [opensOn, setOpensOn] = useState<DateParts>(emptyDate);
  const [closesOn, setClosesOn] = useState<DateParts>(emptyDate);
  const [grade, setGrade] = useState('');
  const [salaryBand, setSalaryBand] = useState('');
  const [locations, setLocations] = useState('');
  const [jobDescription, setJobDescription] = useState('');
  const [terms, setTerms] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  usePageTitle('Create a campaign', hasErrors(errors));
  const e = errors.fields;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const postsN = wholeNumber(posts, 1);
    const capN = cap.trim() === '' ? null : wholeNumber(cap, 0);
    const locationList = locations.split(',').map((l) => l.trim()).filter(Boolean);
    const check = formErrors([
      !title.trim() && ['title', 'Enter a title'],
      !capabilityId && ['capabilityId', 'Select the capability the campaign recruits for'],
      regions.length === 0 && ['regions', 'Select at least one region'],
      postsN === undefined && ['posts', 'Enter the number of posts as a whole number from 1 to 1000'],
      capN === undefined && ['maxAppointmentsPerSource', 'Enter the most offers to any one ROCU as a whole number, or leave it empty'],
      !vetting && ['roleProfile.vetting', 'Select the minimum vetting level'],
      !!dateError(opensOn, 'opening date') && ['opensOn', dateError(opensOn, 'opening date')!],
      !!dateError(closesOn, 'closing date') && ['closesOn', dateError(closesOn, 'closing date')!],
      !grade.trim() && ['roleProfile.grade', 'Enter the grade'],
      !salaryBand.trim() && ['roleProfile.salaryBand', 'Enter the salary band'],
      locationList.length === 0 && ['roleProfile.locations', 'Enter at least one location'],
      !jobDescription.trim() && ['roleProfile.jobDescription', 'Enter the job description'],
      !terms.trim() && ['roleProfile.terms', 'Enter the terms and conditions'],
    ]);
    setErrors(check);
    if (hasErrors(check)) return;
    setBusy(true);
    try {
      const created = await api.post<Campaign>(
        '/v1/campaigns',
        {
          title: title.trim(),
          capabilityId,
          ownerOrgId: session!.claims.org,
          partnerOrgIds: [],
          regions,
          posts: postsN,
          allocations: [],
          opensOn: isoFromParts(opensOn),
          closesOn: isoFromParts(closesOn),
          maxAppointmentsPerSource: capN,
          roleProfile: {
            jobDescription: jobDescription.trim(),
            terms: terms.trim(),
            grade: grade.trim(),
            salaryBand: salaryBand.trim(),
            vetting,
            minPipLevel: Number(minPipLevel),
            locations: locationList,
          },
        },
        { idempotencyKey },
      );
      navigate(`/campaigns/${created.id}`, { state: { banner: `“${created.title}” is saved as a draft. Check its impact, then publish it.` } });
    } catch (err) {
      setErrors(formErrorsFrom(err, CAMPAIGN_LABELS));
      setBusy(false);
    }
  };

  return (
    <>
      <BackLink to="/campaigns">Back to campaigns</BackLink>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Create a campaign</h1>
      <form onSubmit={submit} noValidate>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">What and where</h2>
            <TextInput id="title" label="Title" hint="For example, Cyber investigators, North West" value={title} onChange={setTitle} error={e.title} />
            <Select
              id="capabilityId"
              label="Capability"
              hint="The specialism the posts need"
              value={capabilityId}
              onChange={setCapabilityId}
              error={e.capabilityId}
              options={[{ value: '', text: 'Select a capability' }, ...capabilities.map((c) => ({ value: c.id, text: c.name }))]}
            />
            <Checkboxes
              id="regions"
              legend="Regions"
              hint="Where the posts are. Select all that apply."
              error={e.regions}
              values={regions}
              onChange={setRegions}
              small
              items={Object.entries(REGION_NAMES).map(([value, text]) => ({ value, text }))}
            />
            <h2 className="govuk-heading-m">Posts and requirements</h2>
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
            <Radios
              id="roleProfile-vetting"
              legend="Minimum vetting level"
              error={e['roleProfile-vetting']}
              value={vetting}
              onChange={setVetting}
              small
              items={VETTING_ORDER.map((v) => ({ value: v, text: VETTING[v] ?? v }))}
            />
            <Select
              id="roleProfile-minPipLevel"
              label="Minimum PIP level"
              hint="Professionalising Investigation Programme accreditation the post needs"
              value={minPipLevel}
              onChange={setMinPipLevel}
              error={e['roleProfile-minPipLevel']}
              options={[0, 1, 2, 3, 4].map((n) => ({ value: String(n), text: PIP[n] ?? String(n) }))}
            />
          </div>
        </div>
        <ImpactPreview input={{ capabilityId, posts, cap, vetting, minPipLevel }} />
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">Dates</h2>
            <DateInput id="opensOn" legend="Opening date" hint="For example, 2 2 2027" value={opensOn} onChange={setOpensOn} error={e.opensOn} />
            <DateInput id="closesOn" legend="Closing date" hint="Applications close at the end of this day" value={closesOn} onChange={setClosesOn} error={e.closesOn} />
            <h2 className="govuk-heading-m">Role profile</h2>
            <TextInput id="roleProfile-grade" label="Grade" hint="For example, NCA Grade 4" width={20} value={grade} onChange={setGrade} error={e['roleProfile-grade']} />
            <TextInput id="roleProfile-salaryBand" label="Salary band" hint="For example, £44,600 to £51,900" width={20} value={salaryBand} onChange={setSalaryBand} error={e['roleProfile-salaryBand']} />
            <TextInput id="roleProfile-locations" label="Locations" hint="Separate more than one with commas" value={locations} onChange={setLocations} error={e['roleProfile-locations']} />
            <Textarea id="roleProfile-jobDescription" label="Job description" value={jobDescription} onChange={setJobDescription} error={e['roleProfile-jobDescription']} />
            <Textarea id="roleProfile-terms" label="Terms and conditions" rows={3} value={terms} onChange={setTerms} error={e['roleProfile-terms']} />
            <Button busy={busy}>Save as a draft</Button>
          </div>
        </div>
      </form>
    </>
  );
}
