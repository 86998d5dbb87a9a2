import type { RouteDef } from '../http/route';
import { alertRoutes } from './routes/alert.routes';
import { applicationRoutes } from './routes/application.routes';
import { campaignRoutes } from './routes/campaign.routes';
import { contactRoutes } from './routes/contact.routes';
import { officersRoutes } from './routes/officers.routes';
import { poolRoutes } from './routes/pool.routes';
import { courseRoutes } from './routes/course.routes';
import { pipRoutes } from './routes/pip.routes';
import { reportRoutes } from './routes/report.routes';
import { secondmentRoutes } from './routes/secondment.routes';
import { referenceRoutes } from './routes/reference.routes';
import { serviceRoutes } from './routes/service.routes';

/**
 * The route table: every API route, once, gathered from one file per area
 * under `routes/`. The CDK stack makes a Lambda and an HTTP API route from
 * each entry, the local gateway dispatches by it, the OpenAPI document is
 * generated from it, and the authorisation tests iterate over it. Adding a
 * route is one entry in its area's file plus its handler module.
 */
export const routes = {
  ...serviceRoutes,
  ...referenceRoutes,
  ...contactRoutes,
  ...officersRoutes,
  ...campaignRoutes,
  ...alertRoutes,
  ...applicationRoutes,
  ...poolRoutes,
  ...secondmentRoutes,
  ...courseRoutes,
  ...pipRoutes,
  ...reportRoutes,
} satisfies Record<string, RouteDef>;


export const routeList: readonly RouteDef[] = Object.values(routes);
