import type { RouteDef } from '../../http/route';

export const alertRoutes = {} satisfies Record<string, RouteDef>;
