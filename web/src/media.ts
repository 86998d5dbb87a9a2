import { useEffect, useState } from 'react';

/** govuk-frontend's breakpoints, as media queries. */
export const BELOW_TABLET = '(max-width: 40.0525em)';
export const BELOW_DESKTOP = '(max-width: 48.0525em)';

/** Whether a media query matches now, following the window as it is resized. */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const mql = window.matchMedia(query);
    const onChange = () => setMatches(mql.matches);
    onChange();
    mql.addEventListener('change', onChange);
    return () => mql.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}
