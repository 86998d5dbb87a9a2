import { ApiError } from './api';
import { fieldMessage, sentence } from './messages';

/** One line of a GOV.UK error summary; `field` is the id of the input it links to. */
export interface SummaryItem {
  text: string;
  field?: string;
  /** A page that helps (the alert holding a campaign, say), when the problem is not a field of this form. */
  href?: string;
}

/** What a form shows after a failed submit: the summary at the top and a message on each field. */
export interface FormErrors {
  items: SummaryItem[];
  fields: Record<string, string>;
}

export const noErrors: FormErrors = { items: [], fields: {} };

/** The id of the input for an API field path: `roleProfile.vetting` → `roleProfile-vetting`. */
export function fieldId(path: string): string {
  return path.replace(/[.[\]]+/g, '-').replace(/-$/, '');
}


/**
 * An API error as a GOV.UK error summary with field messages. `labels` names
 * the form's fields by their API path (`posts`, `roleProfile.vetting`); a
 * detail for one of them links to it, and any field name in a message reads
 * as its label ("closesOn must be after opensOn" → "Closing date must be after
 * the opening date"). A detail for a field the form does not show, or an error
 * with no details (a 409, say), is a summary line without a link.
 */
export function formErrorsFrom(err: unknown, labels: Record<string, string> = {}): FormErrors {
  if (!(err instanceof ApiError)) {
    return { items: [{ text: 'Sorry, something went wrong. Try again.' }], fields: {} };
  }
  const readable = (message: string) => {
    let out = message;
    for (const [path, label] of Object.entries(labels)) {
      const name = path.split('.').pop() ?? path;
      out = out.replace(new RegExp(`\\b${name}\\b`, 'g'), `the ${label.toLowerCase()}`);
    }
    return out;
  };
  const items: SummaryItem[] = [];
  const fields: Record<string, string> = {};
  for (const detail of err.details) {
    const path = detail.field ?? detail.path?.replace(/^body\./, '') ?? '';
    // The nearest field the form shows: `roleProfile.locations.0` is reported on `roleProfile.locations`.
    const known = Object.keys(labels)
      .filter((l) => path === l || path.startsWith(`${l}.`))
      .sort((a, b) => b.length - a.length)[0];
    if (known) {
      const label = labels[known] ?? known;
      const message = readable(detail.message);
      const text = fieldMessage(label, message);
      const id = fieldId(known);
      if (fields[id] === undefined) {
        fields[id] = text;
        items.push({ text, field: id });
      }
    }
  }
  // The message says what went wrong as a whole; details for fields this form does not show
  // (a 409's "consultation", say) are for programs, so they do not repeat it line by line.
  if (items.length === 0) items.push({ text: sentence(readable(err.message)) });
  return { items, fields };
}

/** Client-side checks produce the same shape, so one summary component shows both. */
export function formErrors(entries: Array<[field: string, message: string] | false | undefined>): FormErrors {
  const out: FormErrors = { items: [], fields: {} };
  for (const entry of entries) {
    if (!entry) continue;
    const [field, message] = entry;
    const id = fieldId(field);
    if (out.fields[id] !== undefined) continue;
    out.fields[id] = message;
    out.items.push({ text: message, field: id });
  }
  return out;
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.items.length > 0;
}

/** A save refused because someone else saved first (the version read is stale): the form keeps the edit and reloads the latest beside it. */
export function isStaleVersion(err: unknown): err is ApiError {
  return err instanceof ApiError && (err.status === 409 || err.status === 412) && /changed since you read it/.test(err.message);
}
