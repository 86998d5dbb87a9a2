import type { Level } from './types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2027-02-02` → `2 February 2027` (GOV.UK style). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** A timestamp in UK time: `26 November 2026 at 2:45pm`. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
  }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')} ${get('month')} ${get('year')} at ${get('hour')}:${get('minute')}${get('dayPeriod').toLowerCase().replace(/\s/g, '')}`;
}

/** Today in the UK as YYYY-MM-DD. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A capability level in words, and the GOV.UK tag colour that goes with it (never the colour alone). */
export const LEVEL_TEXT: Record<Level, { text: string; tag: string; meaning: string }> = {
  ok: { text: 'OK', tag: 'govuk-tag--green', meaning: 'stays above its minimum' },
  warning: { text: 'Warning', tag: 'govuk-tag--yellow', meaning: 'ends close to its minimum' },
  critical: { text: 'Critical', tag: 'govuk-tag--red', meaning: 'ends below its minimum' },
  loss: { text: 'Loss', tag: 'govuk-tag--purple', meaning: 'loses the whole team' },
};

export const LEVEL_ORDER: Level[] = ['loss', 'critical', 'warning', 'ok'];

export const CAMPAIGN_STATUS: Record<string, { text: string; tag: string }> = {
  draft: { text: 'Draft', tag: 'govuk-tag--grey' },
  consultation: { text: 'In consultation', tag: 'govuk-tag--yellow' },
  open: { text: 'Open', tag: 'govuk-tag--green' },
  closed: { text: 'Closed', tag: 'govuk-tag--blue' },
  completed: { text: 'Completed', tag: 'govuk-tag--blue' },
  cancelled: { text: 'Cancelled', tag: 'govuk-tag--red' },
};

export const ALERT_STATUS: Record<string, { text: string; tag: string }> = {
  open: { text: 'Needs an answer', tag: 'govuk-tag--light-blue' },
  'cap-requested': { text: 'Cap requested', tag: 'govuk-tag--yellow' },
  escalated: { text: 'Escalated to the ROCC', tag: 'govuk-tag--orange' },
  informational: { text: 'For information', tag: 'govuk-tag--grey' },
  resolved: { text: 'Resolved', tag: 'govuk-tag--green' },
  withdrawn: { text: 'Withdrawn', tag: 'govuk-tag--grey' },
};

export const ALERT_KIND: Record<string, string> = {
  'campaign-impact': 'Campaign impact',
  'offer-release': 'Offer waiting for release',
  coordination: 'Coordination notice',
};

export const ALERT_OUTCOME: Record<string, string> = {
  accepted: 'Risk accepted by the ROCU head',
  'cap-met': 'Requested cap met',
  'cap-imposed': 'Cap imposed by the ROCC',
  overruled: 'Overruled by the ROCC',
  released: 'Released',
  deferred: 'Release deferred',
  acknowledged: 'Acknowledged',
  'no-longer-critical': 'No longer critical',
  'campaign-cancelled': 'Campaign cancelled',
  'offer-withdrawn': 'Offer withdrawn',
  superseded: 'Replaced by a new alert: the campaign now puts the team at greater risk',
};

export const APPLICATION_STATUS: Record<string, { text: string; tag: string }> = {
  submitted: { text: 'Submitted', tag: 'govuk-tag--blue' },
  shortlisted: { text: 'Shortlisted', tag: 'govuk-tag--light-blue' },
  offered: { text: 'Offered', tag: 'govuk-tag--green' },
  'awaiting-release': { text: 'Offer waiting for release', tag: 'govuk-tag--yellow' },
  accepted: { text: 'Accepted', tag: 'govuk-tag--green' },
  rejected: { text: 'Unsuccessful', tag: 'govuk-tag--red' },
  withdrawn: { text: 'Withdrawn', tag: 'govuk-tag--grey' },
  appointed: { text: 'Appointed', tag: 'govuk-tag--green' },
};

export const SECONDMENT_STATUS: Record<string, { text: string; tag: string }> = {
  submitted: { text: 'Submitted', tag: 'govuk-tag--blue' },
  'home-approved': { text: 'Approved by your unit', tag: 'govuk-tag--light-blue' },
  'host-accepted': { text: 'Accepted by the host', tag: 'govuk-tag--green' },
  confirmed: { text: 'Confirmed', tag: 'govuk-tag--green' },
  active: { text: 'On secondment', tag: 'govuk-tag--turquoise' },
  completed: { text: 'Completed', tag: 'govuk-tag--grey' },
  declined: { text: 'Declined', tag: 'govuk-tag--red' },
  withdrawn: { text: 'Withdrawn', tag: 'govuk-tag--grey' },
};

export const VETTING: Record<string, string> = {
  nppv2: 'NPPV level 2',
  nppv3: 'NPPV level 3',
  sc: 'Security check (SC)',
  dv: 'Developed vetting (DV)',
};
export const VETTING_ORDER = ['nppv2', 'nppv3', 'sc', 'dv'];

export const PIP: Record<number, string> = {
  0: 'None required',
  1: 'PIP level 1 (priority and volume)',
  2: 'PIP level 2 (serious and complex)',
  3: 'PIP level 3 (major investigation)',
  4: 'PIP level 4 (strategic)',
};

export const REGION_NAMES: Record<string, string> = {
  'north-east': 'North East',
  'yorkshire-humber': 'Yorkshire and the Humber',
  'north-west': 'North West',
  wales: 'Wales',
  'west-midlands': 'West Midlands',
  'east-midlands': 'East Midlands',
  'east-of-england': 'East of England',
  'south-west': 'South West',
  london: 'London',
  'south-east': 'South East',
};

export const ROLE_NAMES: Record<string, string> = {
  officer: 'Officer',
  'hr-lead': 'HR lead',
  'rocu-head': 'ROCU head',
  rocc: 'Regional organised crime co-ordinator',
  admin: 'Administrator',
};
