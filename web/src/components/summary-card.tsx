import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** GOV.UK summary card: a titled summary list, with actions on the card as a whole (Change, View history). */
export function SummaryCard({
  title,
  actions = [],
  children,
  testId,
}: {
  title: string;
  actions?: Array<{ to: string; text: string; hidden: string }>;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className="govuk-summary-card" data-testid={testId}>
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title">{title}</h2>
        {actions.length ? (
          <ul className="govuk-summary-card__actions">
            {actions.map((a) => (
              <li className="govuk-summary-card__action" key={a.to}>
                <Link className="govuk-link" to={a.to}>
                  {a.text}
                  <span className="govuk-visually-hidden"> {a.hidden}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">{children}</div>
    </div>
  );
}
