import { contactRoutes } from '../../shared/api/routes/contact.routes';
import { defineHandler } from '../../shared/http/handler';
import { listContacts } from '../../shared/use-cases/contacts';

export const handler = defineHandler(contactRoutes.listContacts, async () => listContacts());
