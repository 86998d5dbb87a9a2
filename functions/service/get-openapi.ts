import { buildOpenApiDocument } from '../../shared/api/openapi';
import { serviceRoutes } from '../../shared/api/routes/service.routes';
import { defineHandler } from '../../shared/http/handler';

// Built once per container: the route table does not change at run time.
let document: Record<string, unknown> | undefined;

export const handler = defineHandler(serviceRoutes.getOpenApi, async () => {
  document ??= buildOpenApiDocument();
  return document;
});
