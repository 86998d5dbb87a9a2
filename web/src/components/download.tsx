import { useEffect, useState, type ReactNode } from 'react';

/**
 * A link that saves `content` as a file (`text/csv`): a real link, so it is
 * reached and followed with the keyboard like any other, and its text says
 * what the file is and its format, as GOV.UK asks of a download link.
 */
export function DownloadLink({ content, filename, children, testId }: { content: string; filename: string; children: ReactNode; testId?: string }) {
  const [href, setHref] = useState<string>();
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [content]);
  if (!href) return null;
  return (
    <a className="govuk-link" href={href} download={filename} data-testid={testId}>
      {children}
    </a>
  );
}
