import { pingTable } from '../data/health.repository';

/** Healthy means the table answers: one GetItem. An unreachable table throws, which the handler maps to 503. */
export async function checkHealth(): Promise<{ status: 'ok'; table: 'reachable'; time: string }> {
  await pingTable();
  return { status: 'ok', table: 'reachable', time: new Date().toISOString() };
}
