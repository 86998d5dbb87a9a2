/**
 * The import function: the officer CSV import, with the memory and time a
 * whole file needs (FUNCTION_KINDS.import) and no grant to publish.
 */
// Parsed at load: a function missing a setting the stack provides fails its init, not its first request.
import '../../shared/config';
import { routeDispatcher, type HandlerLoaders } from '../../shared/http/dispatcher';

/** Its routes by API Gateway route key: exactly the route table's import routes (test/unit/dispatcher.test.ts). */
export const loaders: HandlerLoaders = {
  'POST /v1/officers/import': () => import('../officers/import-officers'),
};

export const { handler, preload } = routeDispatcher('import', loaders);
