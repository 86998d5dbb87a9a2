import { pipRoutes } from '../../shared/api/routes/pip.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag } from '../../shared/http/versioning';
import { readPipRecord } from '../../shared/use-cases/pip-record';

export const handler = defineHandler(pipRoutes.getPipRecord, async ({ identity, params }) => {
  const record = await readPipRecord(identity, params.officerId);
  return reply(200, record, { etag: etag(record.version) });
});
