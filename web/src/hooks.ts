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

/** GET `path` (skipped while it is undefined): the local identity routes, outside the route table. */
export function useGet<T>(path: string | undefined): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState<boolean>(path !== undefined);
  const latest = useRef(0);

  const load = useCallback(
    async (keepData: boolean) => {
      if (path === undefined) return;
      const ticket = ++latest.current;
      setLoading(true);
      if (!keepData) setData(undefined);
      try {
        const result = await request<T>('GET', path);
        if (ticket !== latest.current) return;
        setData(result);
        setError(undefined);
      } catch (err) {
        if (ticket !== latest.current) return;
        setError(err);
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
  return { data, error, loading, reload };
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
