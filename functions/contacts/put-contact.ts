import { contactRoutes } from '../../shared/api/routes/contact.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag, expectedVersion } from '../../shared/http/versioning';
import { setContact } from '../../shared/use-cases/contacts';

export const handler = defineHandler(contactRoutes.putContact, async ({ identity, params, body, headers }) => {
  const contact = await setContact(identity, params.audience, body.emails, expectedVersion(body.version, headers));
  return reply(200, contact, { etag: etag(contact.version) });
});
