import type { RouteDef } from '../../http/route';

export const poolRoutes = {} satisfies Record<string, RouteDef>;
