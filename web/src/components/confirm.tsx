import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formErrorsFrom, hasErrors, noErrors, type FormErrors } from '../errors';
import { Button, ErrorSummary } from './form';
import { BackLink, SummaryList, usePageTitle, type SummaryRow } from './ui';

/** What the confirmation panel says once the action is done. */
export interface Done {
  title: string;
  body: ReactNode;
  next: { to: string; text: string };
}

/**
 * The GOV.UK check-answers step before an action that cannot be taken back:
 * what will happen, summarised, what cannot be undone (warning text), one
 * button; then a confirmation panel. An error keeps the person on the check
 * page, in the error summary (`errors` turns a refusal into its lines).
 */
export function CheckAndConfirm({
  caption,
  title,
  rows,
  intro,
  warning,
  confirmText,
  warningButton,
  back,
  onConfirm,
  errorsFrom = (err) => formErrorsFrom(err),
}: {
  caption?: string;
  title: string;
  rows: Array<SummaryRow | false | null | undefined>;
  intro?: ReactNode;
  warning: string;
  confirmText: string;
  warningButton?: boolean;
  back: { to: string; text: string };
  onConfirm: () => Promise<Done | undefined>;
  errorsFrom?: (err: unknown) => FormErrors;
}) {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done>();
  usePageTitle(done ? done.title : title, hasErrors(errors));

  if (done) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation" data-testid="confirmation-panel">
            <h1 className="govuk-panel__title">{done.title}</h1>
          </div>
          <div className="govuk-body">{done.body}</div>
          <p className="govuk-body">
            <Link className="govuk-link" to={done.next.to}>
              {done.next.text}
            </Link>
          </p>
        </div>
      </div>
    );
  }

  const confirm = async () => {
    setBusy(true);
    setErrors(noErrors);
    try {
      const result = await onConfirm();
      if (result) setDone(result);
    } catch (err) {
      setErrors(errorsFrom(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <BackLink to={back.to}>{back.text}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          {caption ? <span className="govuk-caption-l">{caption}</span> : null}
          <h1 className="govuk-heading-l">{title}</h1>
          {intro}
          <SummaryList rows={rows} />
          <div className="govuk-warning-text" data-testid="cannot-undo">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              {warning}
            </strong>
          </div>
          <div className="govuk-button-group">
            <Button type="button" busy={busy} warning={warningButton} onClick={() => void confirm()}>
              {confirmText}
            </Button>
            <Link className="govuk-link" to={back.to}>
              Cancel
            </Link>
          </div>
        </div>
      </div>
    </>
  );
}
