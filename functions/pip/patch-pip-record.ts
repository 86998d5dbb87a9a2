import { pipRoutes } from '../../shared/api/routes/pip.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag, expectedVersion } from '../../shared/http/versioning';
import { changePipRecord } from '../../shared/use-cases/pip-record';

export const handler = defineHandler(pipRoutes.patchPipRecord, async ({ identity, params, body, headers }) => {
  const expected = expectedVersion(body.version, headers);
  const { version: _version, ...change } = body;
  const record = await changePipRecord(identity, params.officerId, change, expected);
  return reply(200, record, { etag: etag(record.version) });
});
