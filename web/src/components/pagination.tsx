import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { useGet, type ItemOf, type Loaded, type PagedRouteKey } from '../hooks';
import { routeRequest, type ArgsOptional, type RouteArgs } from '../routes';

/** How many rows a list page shows: the API's cursor carries on from the last one. */
export const PAGE_SIZE = 50;

/** The cursors of the pages before this one, per list, kept in the browser history entry (not the address). */
interface PagingState {
  paging?: Record<string, string[]>;
}

interface PageLink {
  search: string;
  state: PagingState;
  pageNumber: number;
}

export interface PagedList<T> {
  list: Loaded<{ items: T[]; cursor?: string }>;
  /** 1 for the first page. */
  pageNumber: number;
  /** Where the previous page is (the first page when the address came without the trail), or undefined on the first page. */
  previous: PageLink | undefined;
  /** Where the next page is, or undefined on the last page. */
  next: PageLink | undefined;
}

export interface PageOptions {
  /** The address parameter holding this list's cursor, when a page has two lists; `cursor` otherwise. */
  param?: string;
  limit?: number;
}

/**
 * One page of a list route, `usePagedList('GET /v1/campaigns', {query:{status}})`.
 * The page's cursor is in the address (`?cursor=`, or `options.param` when
 * a page has two lists that page on their own), so a link to page 3 opens
 * page 3; the cursors of the pages before it ride in the history entry, so
 * "Previous" goes back one page at a time. `args` leave out `limit` and
 * `cursor`; the key is undefined to skip the request.
 */
export function usePagedList<K extends PagedRouteKey>(
  key: K | undefined,
  ...rest: ArgsOptional<K> extends true ? [args?: RouteArgs<K>, options?: PageOptions] : [args: RouteArgs<K>, options?: PageOptions]
): PagedList<ItemOf<K>> {
  const args = rest[0] as { params?: unknown; query?: Record<string, unknown> } | undefined;
  const options = rest[1] ?? {};
  const param = options.param ?? 'cursor';
  const limit = options.limit ?? PAGE_SIZE;
  const [params] = useSearchParams();
  const location = useLocation();
  const cursor = params.get(param) ?? '';
  const trail = ((location.state as PagingState | null)?.paging?.[param] ?? []).filter((c) => typeof c === 'string');
  const path = key === undefined ? undefined : routeRequest(key, { ...args, query: { ...args?.query, limit, ...(cursor ? { cursor } : {}) } }).path;
  const list = useGet<{ items: ItemOf<K>[]; cursor?: string }>(path);

  const searchWith = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(param, value);
    else next.delete(param);
    const s = next.toString();
    return s ? `?${s}` : '';
  };
  const stateWith = (cursors: string[]): PagingState => ({
    paging: { ...((location.state as PagingState | null)?.paging ?? {}), [param]: cursors },
  });

  // A page opened from a link without its trail still knows it is not the first; its "Previous" is the first page.
  const pageNumber = cursor ? (trail.length > 0 ? trail.length + 1 : 2) : 1;
  const previous = cursor
    ? trail.length > 0
      ? { search: searchWith(trail[trail.length - 1]!), state: stateWith(trail.slice(0, -1)), pageNumber: trail.length }
      : { search: searchWith(''), state: stateWith([]), pageNumber: 1 }
    : undefined;
  const nextCursor = list.data?.cursor;
  const next = nextCursor ? { search: searchWith(nextCursor), state: stateWith([...trail, cursor]), pageNumber: pageNumber + 1 } : undefined;
  return { list, pageNumber, previous, next };
}

const PREV_ICON = 'm6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z';
const NEXT_ICON = 'm8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z';

/**
 * GOV.UK pagination, the "block" form with only previous and next: a cursor
 * says where the next page starts, not how many pages there are, so there
 * are no page numbers to jump to. The labels say which page each link leads to.
 */
export function Pagination({ paged, label = 'Pagination' }: { paged: PagedList<unknown>; label?: string }) {
  const location = useLocation();
  const { previous, next } = paged;
  if (!previous && !next) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label={label} data-testid="pagination">
      {previous ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={{ pathname: location.pathname, search: previous.search }} state={previous.state} rel="prev">
            <svg className="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d={PREV_ICON} />
            </svg>
            <span className="govuk-pagination__link-title">Previous page</span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">Page {previous.pageNumber}</span>
          </Link>
        </div>
      ) : null}
      {next ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={{ pathname: location.pathname, search: next.search }} state={next.state} rel="next">
            <svg className="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d={NEXT_ICON} />
            </svg>
            <span className="govuk-pagination__link-title">Next page</span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">Page {next.pageNumber}</span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}

/** "Page 2": beside a list's heading once there is more than one page. */
export function pageCaption(paged: PagedList<unknown>): string {
  return paged.previous || paged.next ? `, page ${paged.pageNumber}` : '';
}

/** A later page can come back empty (the one before ended exactly at the end of the list): say so, with the way back. */
export function NoMoreItems({ paged, what }: { paged: PagedList<unknown>; what: string }) {
  if (!paged.previous || !paged.list.data || paged.list.data.items.length > 0) return null;
  return (
    <p className="govuk-body" data-testid="empty-page">
      There are no more {what}.
    </p>
  );
}
