import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api';
import { ALERT_STATUS, APPLICATION_STATUS, CAMPAIGN_STATUS, LEVEL_TEXT, SECONDMENT_STATUS } from '../format';
import type { Level } from '../types';
import { ErrorSummary } from './form';
import { formErrorsFrom } from '../errors';

export const SERVICE_NAME = 'NCA and ROCU workforce';

/** Sets the document title the GOV.UK way: "Page – Service", with "Error: " while a form shows errors. */
export function usePageTitle(title: string, hasError = false): void {
  useEffect(() => {
    document.title = `${hasError ? 'Error: ' : ''}${title} – ${SERVICE_NAME}`;
  }, [title, hasError]);
}

export function Tag({ text, className }: { text: string; className?: string | undefined }) {
  return <strong className={`govuk-tag${className ? ` ${className}` : ''}`}>{text}</strong>;
}

/** A capability level: colour and the word, so colour never carries the meaning alone. */
export function LevelTag({ level }: { level: Level }) {
  const l = LEVEL_TEXT[level];
  return <Tag text={l.text} className={l.tag} />;
}

export function CampaignStatusTag({ status }: { status: string }) {
  const s = CAMPAIGN_STATUS[status] ?? { text: status, tag: 'govuk-tag--grey' };
  return <Tag text={s.text} className={s.tag} />;
}

export function AlertStatusTag({ status }: { status: string }) {
  const s = ALERT_STATUS[status] ?? { text: status, tag: 'govuk-tag--grey' };
  return <Tag text={s.text} className={s.tag} />;
}

export function ApplicationStatusTag({ status }: { status: string }) {
  const s = APPLICATION_STATUS[status] ?? { text: status, tag: 'govuk-tag--grey' };
  return <Tag text={s.text} className={s.tag} />;
}

export function SecondmentStatusTag({ status }: { status: string }) {
  const s = SECONDMENT_STATUS[status] ?? { text: status, tag: 'govuk-tag--grey' };
  return <Tag text={s.text} className={s.tag} />;
}

/** A loading state that screen readers hear once. */
export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="govuk-body app-loading" role="status" aria-live="polite">
      {what}…
    </p>
  );
}

/** A page that could not load its data: the error as a GOV.UK error summary, with a way on. */
export function LoadError({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 404) {
    return (
      <>
        <h1 className="govuk-heading-l">Page not found</h1>
        <p className="govuk-body">{error.message}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            Go to your home page
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={formErrorsFrom(error)} />
      <p className="govuk-body">
        <Link className="govuk-link" to="/">
          Go to your home page
        </Link>
      </p>
    </>
  );
}

/** GOV.UK notification banner. A success banner is announced and takes focus, as the pattern says. */
export function NotificationBanner({
  title,
  children,
  success,
}: {
  title?: string;
  children: ReactNode;
  success?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (success) ref.current?.focus();
  }, [success]);
  const titleId = `banner-title-${success ? 'success' : 'important'}`;
  return (
    <div
      ref={ref}
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabIndex={success ? -1 : undefined}
      data-testid={success ? 'success-banner' : 'important-banner'}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title ?? (success ? 'Success' : 'Important')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}

export function BackLink({ to, children = 'Back' }: { to: string; children?: ReactNode }) {
  return (
    <Link to={to} className="govuk-back-link">
      {children}
    </Link>
  );
}

export interface SummaryRow {
  key: ReactNode;
  value: ReactNode;
  action?: { to: string; text: string; hidden: string } | undefined;
}

export function SummaryList({ rows, className }: { rows: Array<SummaryRow | false | null | undefined>; className?: string }) {
  const shown = rows.filter((r): r is SummaryRow => !!r);
  const anyAction = shown.some((r) => r.action);
  return (
    <dl className={`govuk-summary-list${className ? ` ${className}` : ''}`}>
      {shown.map((row, i) => (
        <div className={`govuk-summary-list__row${anyAction && !row.action ? ' govuk-summary-list__row--no-actions' : ''}`} key={i}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.action ? (
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={row.action.to}>
                {row.action.text}
                <span className="govuk-visually-hidden"> {row.action.hidden}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

/** Wide tables scroll sideways inside their own box at 320 px, not the page. */
export function TableWrapper({ children, label }: { children: ReactNode; label: string }) {
  return (
    <div className="app-table-wrapper" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
