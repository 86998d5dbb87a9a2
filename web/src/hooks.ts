import { useCallback, useEffect, useRef, useState } from 'react';
import { request } from './api';
import { type ArgsOptional, type GetRouteKey, type RouteArgs, type RouteResponse, routeRequest } from './routes';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Fetch again (after a change), keeping the current data on screen meanwhile. */
  reload: () => Promise<void>;
}

/**
 * Read route `key` (skipped while `key` is undefined), typed by the route
 * table: `useApi('GET /v1/campaigns/{id}', {params:{id}})`. A newer request
 * wins over an older answer.
 */
export function useApi<K extends GetRouteKey>(
  key: K | undefined,
  ...rest: ArgsOptional<K> extends true ? [args?: RouteArgs<K>] : [args: RouteArgs<K>]
): Loaded<RouteResponse<K>> {
  const path = key === undefined ? undefined : routeRequest(key, rest[0] as { params?: unknown; query?: unknown } | undefined).path;
  return useGet<RouteResponse<K>>(path);
}

/**
 * GET `path` (skipped while it is undefined): the local identity routes,
 * outside the route table. What it returns always belongs to the current
 * `path`: in the render after the path changes (the next page, a new search)
 * there is no data until its own answer comes, never the last path's rows
 * under the new page's caption.
 */
export function useGet<T>(path: string | undefined): Loaded<T> {
  const [answer, setAnswer] = useState<{ path: string; data: T } | undefined>(undefined);
  const [failure, setFailure] = useState<{ path: string; error: unknown } | undefined>(undefined);
  const [loading, setLoading] = useState<boolean>(path !== undefined);
  const latest = useRef(0);

  const load = useCallback(
    async (keepData: boolean) => {
      if (path === undefined) return;
      const ticket = ++latest.current;
      setLoading(true);
      if (!keepData) setAnswer(undefined);
      try {
        const result = await request<T>('GET', path);
        if (ticket !== latest.current) return;
        setAnswer({ path, data: result });
        setFailure(undefined);
      } catch (err) {
        if (ticket !== latest.current) return;
        setFailure({ path, error: err });
      } finally {
        if (ticket === latest.current) setLoading(false);
      }
    },
    [path],
  );

  useEffect(() => {
    void load(false);
  }, [load]);

  const reload = useCallback(() => load(true), [load]);
  const answered = answer !== undefined && answer.path === path;
  const failed = failure !== undefined && failure.path === path;
  return {
    data: answered ? answer.data : undefined,
    error: failed ? failure.error : undefined,
    loading: path !== undefined && (loading || (!answered && !failed)),
    reload,
  };
}

/** A value that settles `ms` after its last change: the impact preview waits for typing to pause. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** A random key per form visit, sent as Idempotency-Key: a double submit or a retry creates one thing. */
export function useIdempotencyKey(): [string, () => void] {
  const make = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const [key, setKey] = useState(make);
  return [key, () => setKey(make())];
}

/** Pages a lookup list reads at most: a list this long is a page for a person to page through, not a lookup. */
const MAX_LOOKUP_PAGES = 20;

/** The list routes: those whose answer is a page of `items` with a `cursor`. */
export type PagedRouteKey = { [K in GetRouteKey]: RouteResponse<K> extends { items: readonly unknown[]; cursor?: string } ? K : never }[GetRouteKey];
/** One item of a list route's answer. */
export type ItemOf<K extends PagedRouteKey> = RouteResponse<K> extends { items: readonly (infer I)[] } ? I : never;

/**
 * Every item of a list route (following its cursor to the end), for a page
 * that looks things up in it (which vacancies the officer has applied to)
 * rather than showing it; `args` leave out `limit` and `cursor`.
 */
export function useApiAll<K extends PagedRouteKey>(
  key: K | undefined,
  ...rest: ArgsOptional<K> extends true ? [args?: RouteArgs<K>] : [args: RouteArgs<K>]
): Loaded<{ items: ItemOf<K>[] }> {
  const args = rest[0] as { params?: unknown; query?: Record<string, unknown> } | undefined;
  const path = key === undefined ? undefined : routeRequest(key, { ...args, query: { ...args?.query, limit: 100 } }).path;
  const [data, setData] = useState<{ items: ItemOf<K>[] } | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState<boolean>(path !== undefined);
  const latest = useRef(0);

  const load = useCallback(async () => {
    if (path === undefined) return;
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const items: ItemOf<K>[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_LOOKUP_PAGES; page++) {
        const result = await request<{ items: ItemOf<K>[]; cursor?: string }>('GET', `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        items.push(...result.items);
        cursor = result.cursor;
        if (!cursor) break;
      }
      if (ticket !== latest.current) return;
      setData({ items });
      setError(undefined);
    } catch (err) {
      if (ticket !== latest.current) return;
      setError(err);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [path]);

  useEffect(() => {
    void load();
  }, [load]);

  return { data, error, loading, reload: load };
}
