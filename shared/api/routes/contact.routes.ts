import * as z from 'zod';
import { defineRoute, type RouteDef } from '../../http/route';
import { contact, contactParams, putContactBody } from '../../schemas/contact.schema';

export const contactRoutes = {
  listContacts: defineRoute({
    id: 'listContacts',
    method: 'GET',
    path: '/v1/contacts',
    summary:
      'The notification contacts: who is emailed for each ROCU head, HR lead and ROCC inbox (administrators). One Query of the organisations and one BatchGetItem of the contact items',
    tag: 'reference',
    handler: 'contacts/list-contacts',
    auth: { kind: 'roles', roles: ['admin'] },
    authz: { otherOrg: 'not-scoped' },
    access: 'read',
    status: 200,
    response: z.object({ items: z.array(contact) }),
  }),
  putContact: defineRoute({
    id: 'putContact',
    method: 'PUT',
    path: '/v1/contacts/{audience}',
    summary:
      'Replace who is emailed for one inbox (administrators): needs the version read (0 for one nobody has set); audited. One Query of the organisations and one TransactWriteItems',
    tag: 'reference',
    handler: 'contacts/put-contact',
    auth: { kind: 'roles', roles: ['admin'] },
    authz: { otherOrg: 'not-scoped' },
    access: 'write',
    params: contactParams,
    body: putContactBody,
    status: 200,
    response: contact,
    errors: [404, 409, 412],
  }),
} satisfies Record<string, RouteDef>;
