/**
 * The loop every scheduled job shares: page through a due index (oldest
 * first), handle each id with a few in flight, and stop at a bound so one run
 * fits in its Lambda's time; what is left is for the next run. A handler that
 * throws is reported and counted by the caller, and never holds back the
 * others: the item stays due, so the next run retries it.
 */
export interface DuePage {
  ids: string[];
  /** Where the next page starts; absent on the last page. */
  next?: Record<string, unknown>;
}

export interface DueWork {
  /** One page of due ids, at most `limit`, from `start`. */
  page: (limit: number, start: Record<string, unknown> | undefined) => Promise<DuePage>;
  each: (id: string) => Promise<void>;
  onError: (id: string, err: unknown) => void;
  /** After each page's ids are handled (e.g. announce what that page changed, so a run cut short has already). */
  afterPage?: () => Promise<void>;
  pageSize: number;
  /** Ids looked at in one run, at most. */
  max: number;
  concurrency: number;
}

export async function workThroughDue(work: DueWork): Promise<{ examined: number; more: boolean }> {
  const concurrency = Math.max(1, work.concurrency);
  let examined = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await work.page(Math.min(work.pageSize, work.max - examined), start);
    start = page.next;
    examined += page.ids.length;
    let next = 0;
    const worker = async () => {
      while (next < page.ids.length) {
        const id = page.ids[next++]!;
        try {
          await work.each(id);
        } catch (err) {
          work.onError(id, err);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, page.ids.length) }, worker));
    if (work.afterPage) await work.afterPage();
  } while (start && examined < work.max);
  return { examined, more: start !== undefined };
}
