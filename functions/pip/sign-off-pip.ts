import { pipRoutes } from '../../shared/api/routes/pip.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag, expectedVersion } from '../../shared/http/versioning';
import { signOffPip } from '../../shared/use-cases/pip-record';

/** The record's version is optional here: a sign-off is checked against the record as read, and a stale one sent is refused. */
export const handler = defineHandler(pipRoutes.signOffPip, async ({ identity, params, body, headers }) => {
  const expected = body.version !== undefined || headers['if-match'] !== undefined ? expectedVersion(body.version, headers) : undefined;
  const record = await signOffPip(identity, params.officerId, { level: body.level, evidence: body.evidence }, expected);
  return reply(200, record, { etag: etag(record.version) });
});
