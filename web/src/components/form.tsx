import { useEffect, useRef, type ChangeEvent, type MouseEvent, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { FormErrors } from '../errors';

/** GOV.UK error summary: focused when it appears, each line links to (and focuses) its field. */
export function ErrorSummary({ errors }: { errors: FormErrors }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.items.length) ref.current?.focus();
  }, [errors]);
  if (!errors.items.length) return null;
  const focusField = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    // As govuk-frontend does: bring the field's label or legend into view with it.
    const group = target.closest('.govuk-form-group');
    const legendOrLabel = group?.querySelector('legend, label');
    target.focus({ preventScroll: true });
    (legendOrLabel ?? target).scrollIntoView();
  };
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1} data-testid="error-summary">
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.items.map((item, i) => (
              <li key={`${item.field ?? ''}-${i}`}>
                {item.field ? (
                  <a href={`#${item.field}`} onClick={(e) => focusField(e, item.field!)}>
                    {item.text}
                  </a>
                ) : item.href ? (
                  <Link to={item.href}>{item.text}</Link>
                ) : (
                  item.text
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

function ErrorMessage({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

function Hint({ id, hint }: { id: string; hint: ReactNode | undefined }) {
  if (!hint) return null;
  return (
    <div id={`${id}-hint`} className="govuk-hint">
      {hint}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

interface BaseFieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Make the label the page heading (a one-question page). */
  labelClass?: string;
}

export function TextInput({
  id,
  label,
  hint,
  error,
  labelClass,
  value,
  onChange,
  type = 'text',
  inputMode,
  width,
  autoComplete,
  spellCheck,
  prefix,
  suffix,
}: BaseFieldProps & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email';
  inputMode?: 'numeric' | 'text';
  width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  autoComplete?: string;
  spellCheck?: boolean;
  prefix?: string;
  suffix?: string;
}) {
  const input = (
    <input
      className={`govuk-input${width ? ` govuk-input--width-${width}` : ''}${error ? ' govuk-input--error' : ''}`}
      id={id}
      name={id}
      type={type}
      value={value}
      inputMode={inputMode}
      autoComplete={autoComplete ?? 'off'}
      spellCheck={spellCheck}
      aria-describedby={describedBy(id, hint, error)}
      onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
    />
  );
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className={`govuk-label${labelClass ? ` ${labelClass}` : ''}`} htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} message={error} />
      {prefix || suffix ? (
        <div className="govuk-input__wrapper">
          {prefix ? <div className="govuk-input__prefix" aria-hidden="true">{prefix}</div> : null}
          {input}
          {suffix ? <div className="govuk-input__suffix" aria-hidden="true">{suffix}</div> : null}
        </div>
      ) : (
        input
      )}
    </div>
  );
}

export function Textarea({
  id,
  label,
  hint,
  error,
  labelClass,
  value,
  onChange,
  rows = 5,
}: BaseFieldProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className={`govuk-label${labelClass ? ` ${labelClass}` : ''}`} htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} message={error} />
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

export function Select({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  options,
}: BaseFieldProps & { value: string; onChange: (value: string) => void; options: Array<{ value: string; text: string }> }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} message={error} />
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={id}
        name={id}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface ChoiceItem {
  value: string;
  text: ReactNode;
  hint?: ReactNode;
  /** Shown under a chosen radio (GOV.UK conditional reveal). */
  conditional?: ReactNode;
}

/**
 * Radios or checkboxes in a fieldset. The first input gets the group's id, so
 * an error summary link lands on it.
 */
function Choices({
  kind,
  id,
  legend,
  legendClass,
  hint,
  error,
  items,
  isChecked,
  onToggle,
  small,
  inline,
}: {
  kind: 'radio' | 'checkbox';
  id: string;
  legend: ReactNode;
  legendClass?: string;
  hint?: ReactNode;
  error?: string | undefined;
  items: ChoiceItem[];
  isChecked: (value: string) => boolean;
  onToggle: (value: string, checked: boolean) => void;
  small?: boolean;
  inline?: boolean;
}) {
  const base = kind === 'radio' ? 'govuk-radios' : 'govuk-checkboxes';
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend ${legendClass ?? 'govuk-fieldset__legend--s'}`}>{legend}</legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} message={error} />
        <div className={`${base}${small ? ` ${base}--small` : ''}${inline ? ` ${base}--inline` : ''}`}>
          {items.map((item, i) => {
            const inputId = i === 0 ? id : `${id}-${i + 1}`;
            const checked = isChecked(item.value);
            return (
              <div key={item.value}>
                <div className={`${base}__item`}>
                  <input
                    className={`${base}__input`}
                    id={inputId}
                    name={id}
                    type={kind}
                    value={item.value}
                    checked={checked}
                    aria-describedby={item.hint ? `${inputId}-item-hint` : undefined}
                    aria-controls={item.conditional && checked ? `${inputId}-conditional` : undefined}
                    onChange={(e) => onToggle(item.value, e.target.checked)}
                  />
                  <label className={`govuk-label ${base}__label`} htmlFor={inputId}>
                    {item.text}
                  </label>
                  {item.hint ? (
                    <div id={`${inputId}-item-hint`} className={`govuk-hint ${base}__hint`}>
                      {item.hint}
                    </div>
                  ) : null}
                </div>
                {item.conditional && checked ? (
                  <div className={`${base}__conditional`} id={`${inputId}-conditional`}>
                    {item.conditional}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Radios(props: {
  id: string;
  legend: ReactNode;
  legendClass?: string;
  hint?: ReactNode;
  error?: string | undefined;
  items: ChoiceItem[];
  value: string;
  onChange: (value: string) => void;
  small?: boolean;
  inline?: boolean;
}) {
  const { value, onChange, ...rest } = props;
  return <Choices kind="radio" {...rest} isChecked={(v) => v === value} onToggle={(v) => onChange(v)} />;
}

export function Checkboxes(props: {
  id: string;
  legend: ReactNode;
  legendClass?: string;
  hint?: ReactNode;
  error?: string | undefined;
  items: ChoiceItem[];
  values: string[];
  onChange: (values: string[]) => void;
  small?: boolean;
}) {
  const { values, onChange, ...rest } = props;
  return (
    <Choices
      kind="checkbox"
      {...rest}
      isChecked={(v) => values.includes(v)}
      onToggle={(v, checked) => onChange(checked ? [...values, v] : values.filter((x) => x !== v))}
    />
  );
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export function datePartsFrom(iso: string | null | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : { day: '', month: '', year: '' };
}

/** YYYY-MM-DD, or undefined when the parts are not a real date. */
export function isoFromParts(parts: DateParts): string | undefined {
  const day = Number(parts.day.trim());
  const month = Number(parts.month.trim());
  const year = Number(parts.year.trim());
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(year) || year < 1000 || year > 9999) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}

export function isBlankDate(parts: DateParts): boolean {
  return !parts.day.trim() && !parts.month.trim() && !parts.year.trim();
}

/** GOV.UK date input: day, month and year boxes in a fieldset; the day box has the group's id. */
export function DateInput({
  id,
  legend,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: DateParts;
  onChange: (value: DateParts) => void;
}) {
  const part = (key: keyof DateParts, label: string, width: 2 | 4) => (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={key === 'day' ? id : `${id}-${key}`}>
          {label}
        </label>
        <input
          className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`}
          id={key === 'day' ? id : `${id}-${key}`}
          name={`${id}-${key}`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={value[key]}
          onChange={(e) => onChange({ ...value, [key]: e.target.value })}
        />
      </div>
    </div>
  );
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} message={error} />
        <div className="govuk-date-input">
          {part('day', 'Day', 2)}
          {part('month', 'Month', 2)}
          {part('year', 'Year', 4)}
        </div>
      </fieldset>
    </div>
  );
}

/** A submit button that says it is busy and cannot be pressed twice. */
export function Button({
  children,
  busy,
  secondary,
  warning,
  type = 'submit',
  onClick,
}: {
  children: ReactNode;
  busy?: boolean;
  secondary?: boolean;
  warning?: boolean;
  type?: 'submit' | 'button';
  onClick?: () => void;
}) {
  return (
    <button
      type={type}
      className={`govuk-button${secondary ? ' govuk-button--secondary' : ''}${warning ? ' govuk-button--warning' : ''}`}
      data-module="govuk-button"
      disabled={busy}
      aria-disabled={busy || undefined}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
