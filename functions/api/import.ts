// Parsed at load: a function missing a setting the stack provides fails its init, not its first request.
import '../../shared/config';
import { routeDispatcher } from '../../shared/http/dispatcher';

/**
 * The import function: the officer CSV import, with the memory and time a
 * whole file needs (FUNCTION_KINDS.import) and no grant to publish.
 */
export const { handler, preload } = routeDispatcher('import', {
  'officers/import-officers': () => import('../officers/import-officers'),
});
