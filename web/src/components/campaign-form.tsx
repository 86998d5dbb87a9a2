import { useState, type FormEvent } from 'react';
import { ImpactPreview } from './impact';
import {
  Button,
  Checkboxes,
  DateInput,
  Radios,
  Select,
  TextInput,
  Textarea,
  datePartsFrom,
  isBlankDate,
  isoFromParts,
  type DateParts,
} from './form';
import { formErrors, formErrorsFrom, hasErrors, type FormErrors } from '../errors';
import { PIP, REGION_NAMES, VETTING, VETTING_ORDER } from '../format';
import { useReference } from '../reference';
import type { RouteBody } from '../routes';
import type { Campaign } from '../types';

/** The API's field paths, named as the form names them (error summary, field messages). */
export const CAMPAIGN_LABELS: Record<string, string> = {
  title: 'Title',
  capabilityId: 'Capability',
  regions: 'Regions',
  posts: 'Number of posts',
  partnerOrgIds: 'Partner organisations',
  allocations: 'Posts for each organisation',
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

/**
 * The form's sections: the whole form to draft or change a campaign, or one
 * of them at a time from a draft's task list (`/campaigns/:id/edit?section=`).
 */
export const CAMPAIGN_SECTIONS = {
  what: 'What and where',
  posts: 'Posts and requirements',
  dates: 'Dates',
  role: 'Role profile',
} as const;
export type CampaignSection = keyof typeof CAMPAIGN_SECTIONS;

/** The section of the form each of the API's field paths is in (the task list's statuses, a section's body). */
export function sectionOf(field: string): CampaignSection {
  if (field === 'title' || field === 'capabilityId' || field === 'regions') return 'what';
  if (field === 'opensOn' || field === 'closesOn') return 'dates';
  if (['roleProfile.grade', 'roleProfile.salaryBand', 'roleProfile.locations', 'roleProfile.jobDescription', 'roleProfile.terms'].includes(field)) return 'role';
  return 'posts';
}

/**
 * Only the fields of one section, for saving that section alone: an edit
 * saved over someone else's then changes only what this page showed.
 */
export function sectionBody(body: CampaignBody, section: CampaignSection): Partial<Omit<CampaignBody, 'roleProfile'>> & { roleProfile?: Partial<CampaignBody['roleProfile']> } {
  const rp = body.roleProfile;
  switch (section) {
    case 'what':
      return { title: body.title, regions: body.regions };
    case 'posts':
      return {
        posts: body.posts,
        partnerOrgIds: body.partnerOrgIds,
        allocations: body.allocations,
        maxAppointmentsPerSource: body.maxAppointmentsPerSource,
        roleProfile: { vetting: rp.vetting, minPipLevel: rp.minPipLevel },
      };
    case 'dates':
      return { opensOn: body.opensOn, closesOn: body.closesOn };
    case 'role':
      return { roleProfile: { grade: rp.grade, salaryBand: rp.salaryBand, locations: rp.locations, jobDescription: rp.jobDescription, terms: rp.terms } };
  }
}

/** A joint campaign has at most four partners (the API's limit). */
export const MAX_PARTNERS = 4;

/** What the form holds: text as typed, so a half-typed number is not lost. */
export interface CampaignFormValues {
  title: string;
  capabilityId: string;
  regions: string[];
  posts: string;
  cap: string;
  partners: string[];
  /** Posts per organisation (owner and partners), as typed; all empty means no split. */
  allocations: Record<string, string>;
  vetting: string;
  minPipLevel: string;
  opensOn: DateParts;
  closesOn: DateParts;
  grade: string;
  salaryBand: string;
  locations: string;
  jobDescription: string;
  terms: string;
}

type CreateBody = RouteBody<'POST /v1/campaigns'>;

/**
 * The body both `POST /v1/campaigns` and `PATCH /v1/campaigns/{id}` take (less
 * the owner and version), every field set: null (or an empty list) for a
 * field a draft leaves empty.
 */
export type CampaignBody = Required<
  Pick<CreateBody, 'title' | 'capabilityId' | 'partnerOrgIds' | 'regions' | 'posts' | 'allocations' | 'opensOn' | 'closesOn' | 'maxAppointmentsPerSource'>
> & { roleProfile: Required<NonNullable<CreateBody['roleProfile']>> };

/** Empty for a new campaign; the campaign's own values to change one. */
export function campaignFormValues(c?: Campaign): CampaignFormValues {
  return {
    title: c?.title ?? '',
    capabilityId: c?.capabilityId ?? '',
    regions: c?.regions ?? [],
    posts: c && c.posts !== null ? String(c.posts) : '',
    cap: c && c.maxAppointmentsPerSource !== null ? String(c.maxAppointmentsPerSource) : '',
    partners: c?.partnerOrgIds ?? [],
    allocations: Object.fromEntries((c?.allocations ?? []).map((a) => [a.orgId, String(a.posts)])),
    vetting: c?.roleProfile.vetting ?? '',
    minPipLevel: c ? String(c.roleProfile.minPipLevel) : '0',
    opensOn: datePartsFrom(c?.opensOn),
    closesOn: datePartsFrom(c?.closesOn),
    grade: c?.roleProfile.grade ?? '',
    salaryBand: c?.roleProfile.salaryBand ?? '',
    locations: c?.roleProfile.locations.join(', ') ?? '',
    jobDescription: c?.roleProfile.jobDescription ?? '',
    terms: c?.roleProfile.terms ?? '',
  };
}

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

/** The allocation input of an organisation; the first one carries the group's id, so the summary link lands on it. */
function allocationId(index: number, orgId: string): string {
  return index === 0 ? 'allocations' : `allocations-${orgId}`;
}

/**
 * Check the form as the API would, and build the body. Returns the errors
 * (same shape as the API's, so one summary shows both) or the body. A draft
 * needs only its title and capability: a field left empty is sent empty (the
 * campaign lists it as still needed), but anything typed is checked.
 */
export function checkCampaignForm(v: CampaignFormValues, ownerOrgId: string, draft = false): { errors: FormErrors; body?: CampaignBody } {
  const postsN = wholeNumber(v.posts, 1);
  const capN = v.cap.trim() === '' ? null : wholeNumber(v.cap, 0);
  const locationList = v.locations.split(',').map((l) => l.trim()).filter(Boolean);
  const members = [ownerOrgId, ...v.partners];
  const typed = members.filter((org) => (v.allocations[org] ?? '').trim() !== '');
  const allocations = members.map((orgId) => ({ orgId, posts: wholeNumber(v.allocations[orgId] ?? '', 0) }));
  const allocationSum = allocations.reduce((n, a) => n + (a.posts ?? 0), 0);
  const allocationProblem =
    typed.length === 0
      ? undefined
      : allocations.some((a) => a.posts === undefined)
        ? 'Enter the posts for each organisation as a whole number, or leave them all empty'
        : postsN !== undefined && allocationSum !== postsN
          ? `The posts for each organisation add up to ${allocationSum}, not the ${postsN} posts`
          : undefined;
  /** A field a draft may leave empty: required only when publishing matters. */
  const needed = (blank: boolean) => blank && !draft;
  const dateProblem = (parts: DateParts, what: string) => (draft && isBlankDate(parts) ? undefined : dateError(parts, what));
  const opensProblem = dateProblem(v.opensOn, 'opening date');
  const closesProblem = dateProblem(v.closesOn, 'closing date');
  const errors = formErrors([
    !v.title.trim() && ['title', 'Enter a title'],
    !v.capabilityId && ['capabilityId', 'Select the capability the campaign recruits for'],
    needed(v.regions.length === 0) && ['regions', 'Select at least one region'],
    postsN === undefined && (v.posts.trim() !== '' || !draft) && ['posts', 'Enter the number of posts as a whole number from 1 to 1000'],
    v.partners.length > MAX_PARTNERS && ['partnerOrgIds', `Select no more than ${MAX_PARTNERS} partner organisations`],
    !!allocationProblem && ['allocations', allocationProblem],
    capN === undefined && ['maxAppointmentsPerSource', 'Enter the most offers to any one ROCU as a whole number, or leave it empty'],
    needed(!v.vetting) && ['roleProfile.vetting', 'Select the minimum vetting level'],
    !!opensProblem && ['opensOn', opensProblem],
    !!closesProblem && ['closesOn', closesProblem],
    needed(!v.grade.trim()) && ['roleProfile.grade', 'Enter the grade'],
    needed(!v.salaryBand.trim()) && ['roleProfile.salaryBand', 'Enter the salary band'],
    needed(locationList.length === 0) && ['roleProfile.locations', 'Enter at least one location'],
    needed(!v.jobDescription.trim()) && ['roleProfile.jobDescription', 'Enter the job description'],
    needed(!v.terms.trim()) && ['roleProfile.terms', 'Enter the terms and conditions'],
  ]);
  if (hasErrors(errors)) return { errors };
  const text = (raw: string) => raw.trim() || null;
  return {
    errors,
    body: {
      title: v.title.trim(),
      capabilityId: v.capabilityId,
      partnerOrgIds: v.partners,
      regions: v.regions as CampaignBody['regions'],
      posts: postsN ?? null,
      allocations: typed.length === 0 ? [] : allocations.map((a) => ({ orgId: a.orgId, posts: a.posts! })),
      opensOn: isoFromParts(v.opensOn) ?? null,
      closesOn: isoFromParts(v.closesOn) ?? null,
      maxAppointmentsPerSource: capN ?? null,
      roleProfile: {
        jobDescription: text(v.jobDescription),
        terms: text(v.terms),
        grade: text(v.grade),
        salaryBand: text(v.salaryBand),
        vetting: (v.vetting || null) as CampaignBody['roleProfile']['vetting'],
        minPipLevel: Number(v.minPipLevel) as CampaignBody['roleProfile']['minPipLevel'],
        locations: locationList,
      },
    },
  };
}

/**
 * The campaign form, one for drafting and for changing a campaign: what and
 * where, partners and their share of the posts, the per-source cap and
 * requirements with the live impact preview under them, dates and the role
 * profile. The page owns the error summary (it sits above the heading) and
 * what saving means; this checks the fields and shows the API's answer on them.
 */
export function CampaignForm({
  initial,
  ownerOrgId,
  capabilityLocked,
  partnersLocked,
  submitText,
  draft,
  section,
  errors,
  onErrors,
  onSubmit,
}: {
  initial: CampaignFormValues;
  /** The campaign is (or will be) a draft: only the title and capability are needed to save it. */
  draft?: boolean;
  /** Show only this section (the page's heading names it); the other fields keep the campaign's values. */
  section?: CampaignSection;
  ownerOrgId: string;
  /** Changing a campaign cannot change its capability: shown, not asked. */
  capabilityLocked?: boolean;
  /** Partners change only while the campaign is a draft: after that they are shown, not asked. */
  partnersLocked?: boolean;
  submitText: string;
  errors: FormErrors;
  onErrors: (errors: FormErrors) => void;
  /** Save; a rejection (ApiError) is shown on the form. */
  onSubmit: (body: CampaignBody) => Promise<void>;
}) {
  const { capabilities, capabilityName, organisations, orgName } = useReference();
  const [v, setV] = useState<CampaignFormValues>(initial);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof CampaignFormValues>(key: K) =>
    (value: CampaignFormValues[K]) =>
      setV((prev) => ({ ...prev, [key]: value }));
  const e = errors.fields;
  const partnerChoices = organisations
    .filter((o) => (o.type === 'agency' || o.type === 'rocu') && o.id !== ownerOrgId)
    .sort((a, b) => orgName(a.id).localeCompare(orgName(b.id)));
  const members = [ownerOrgId, ...v.partners];
  const show = (s: CampaignSection) => !section || section === s;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkCampaignForm(v, ownerOrgId, draft);
    onErrors(checked.errors);
    if (!checked.body) return;
    setBusy(true);
    try {
      await onSubmit(checked.body);
    } catch (err) {
      onErrors(formErrorsFrom(err, CAMPAIGN_LABELS));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="campaign-form">
      {show('what') ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {section ? null : <h2 className="govuk-heading-m">{CAMPAIGN_SECTIONS.what}</h2>}
          <TextInput id="title" label="Title" hint="For example, Cyber investigators, North West" value={v.title} onChange={set('title')} error={e.title} />
          {capabilityLocked ? (
            <div className="govuk-form-group">
              <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Capability</p>
              <p className="govuk-body">{capabilityName(v.capabilityId)}</p>
            </div>
          ) : (
            <Select
              id="capabilityId"
              label="Capability"
              hint="The specialism the posts need"
              value={v.capabilityId}
              onChange={set('capabilityId')}
              error={e.capabilityId}
              options={[{ value: '', text: 'Select a capability' }, ...capabilities.map((c) => ({ value: c.id, text: c.name }))]}
            />
          )}
          <Checkboxes
            id="regions"
            legend="Regions"
            hint="Where the posts are. Select all that apply."
            error={e.regions}
            values={v.regions}
            onChange={set('regions')}
            small
            items={Object.entries(REGION_NAMES).map(([value, text]) => ({ value, text }))}
          />
          </div>
        </div>
      ) : null}
      {show('posts') ? (
        <>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              {section ? null : <h2 className="govuk-heading-m">{CAMPAIGN_SECTIONS.posts}</h2>}
          <TextInput id="posts" label="Number of posts" inputMode="numeric" width={3} value={v.posts} onChange={set('posts')} error={e.posts} />
          <details className="govuk-details" open={v.partners.length > 0 || !!e.partnerOrgIds || !!e.allocations}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Run it jointly with other organisations</span>
            </summary>
            <div className="govuk-details__text">
              {partnersLocked ? (
                <div className="govuk-form-group">
                  <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Partner organisations</p>
                  <p className="govuk-body">
                    {v.partners.length ? v.partners.map(orgName).join(', ') : 'None'}. Partners can change only while the campaign is a draft.
                  </p>
                </div>
              ) : (
              <Checkboxes
                id="partnerOrgIds"
                legend="Partner organisations (optional)"
                hint={`Partners manage the campaign with you. Select up to ${MAX_PARTNERS}.`}
                error={e.partnerOrgIds}
                values={v.partners}
                onChange={set('partners')}
                small
                items={partnerChoices.map((o) => ({ value: o.id, text: orgName(o.id) }))}
              />
              )}
              <div className={`govuk-form-group${e.allocations ? ' govuk-form-group--error' : ''}`}>
                <fieldset className="govuk-fieldset" aria-describedby={`allocations-hint${e.allocations ? ' allocations-error' : ''}`}>
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Posts for each organisation (optional)</legend>
                  <div id="allocations-hint" className="govuk-hint">
                    How many of the posts each organisation fills. They must add up to the number of posts. Leave them all empty not to split the posts.
                  </div>
                  {e.allocations ? (
                    <p id="allocations-error" className="govuk-error-message">
                      <span className="govuk-visually-hidden">Error:</span> {e.allocations}
                    </p>
                  ) : null}
                  {members.map((orgId, i) => (
                    <div className="govuk-form-group govuk-!-margin-bottom-3" key={orgId}>
                      <label className="govuk-label" htmlFor={allocationId(i, orgId)}>
                        Posts for {orgName(orgId)}
                      </label>
                      <input
                        className={`govuk-input govuk-input--width-3${e.allocations ? ' govuk-input--error' : ''}`}
                        id={allocationId(i, orgId)}
                        name={`allocations-${orgId}`}
                        type="text"
                        inputMode="numeric"
                        autoComplete="off"
                        value={v.allocations[orgId] ?? ''}
                        onChange={(ev) => set('allocations')({ ...v.allocations, [orgId]: ev.target.value })}
                      />
                    </div>
                  ))}
                </fieldset>
              </div>
            </div>
          </details>
          <TextInput
            id="maxAppointmentsPerSource"
            label="Most offers to any one ROCU (optional)"
            hint="A per-source cap: no more offers than this to officers from any one ROCU. Leave empty for no cap."
            inputMode="numeric"
            width={3}
            value={v.cap}
            onChange={set('cap')}
            error={e.maxAppointmentsPerSource}
          />
          <Radios
            id="roleProfile-vetting"
            legend="Minimum vetting level"
            error={e['roleProfile-vetting']}
            value={v.vetting}
            onChange={set('vetting')}
            small
            items={VETTING_ORDER.map((x) => ({ value: x, text: VETTING[x] ?? x }))}
          />
          <Select
            id="roleProfile-minPipLevel"
            label="Minimum PIP level"
            hint="Professionalising Investigation Programme accreditation the post needs"
            value={v.minPipLevel}
            onChange={set('minPipLevel')}
            error={e['roleProfile-minPipLevel']}
            options={[0, 1, 2, 3, 4].map((n) => ({ value: String(n), text: PIP[n] ?? String(n) }))}
          />
            </div>
          </div>
          <ImpactPreview input={{ capabilityId: v.capabilityId, posts: v.posts, cap: v.cap, vetting: v.vetting, minPipLevel: v.minPipLevel, ownerOrgId }} />
        </>
      ) : null}
      {show('dates') ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {section ? null : <h2 className="govuk-heading-m">{CAMPAIGN_SECTIONS.dates}</h2>}
          <DateInput id="opensOn" legend="Opening date" hint="For example, 2 2 2027" value={v.opensOn} onChange={set('opensOn')} error={e.opensOn} />
          <DateInput id="closesOn" legend="Closing date" hint="Applications close at the end of this day" value={v.closesOn} onChange={set('closesOn')} error={e.closesOn} />
          </div>
        </div>
      ) : null}
      {show('role') ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {section ? null : <h2 className="govuk-heading-m">{CAMPAIGN_SECTIONS.role}</h2>}
          <TextInput id="roleProfile-grade" label="Grade" hint="For example, NCA Grade 4" width={20} value={v.grade} onChange={set('grade')} error={e['roleProfile-grade']} />
          <TextInput
            id="roleProfile-salaryBand"
            label="Salary band"
            hint="For example, £44,600 to £51,900"
            width={20}
            value={v.salaryBand}
            onChange={set('salaryBand')}
            error={e['roleProfile-salaryBand']}
          />
          <TextInput id="roleProfile-locations" label="Locations" hint="Separate more than one with commas" value={v.locations} onChange={set('locations')} error={e['roleProfile-locations']} />
          <Textarea id="roleProfile-jobDescription" label="Job description" value={v.jobDescription} onChange={set('jobDescription')} error={e['roleProfile-jobDescription']} />
          <Textarea id="roleProfile-terms" label="Terms and conditions" rows={3} value={v.terms} onChange={set('terms')} error={e['roleProfile-terms']} />
          </div>
        </div>
      ) : null}
      <Button busy={busy}>{submitText}</Button>
    </form>
  );
}
