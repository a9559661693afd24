import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../../shared/roles.js';

/**
 * Every route declares who may call it: `@Allow(...roles)` or `@Public()`. The global guard refuses a route
 * with no policy (fail closed), and a test walks every route to prove each has one.
 */
export const POLICY_KEY = 'gpmb:policy';
export type Policy = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

export const Public = () => SetMetadata(POLICY_KEY, { kind: 'public' } satisfies Policy);
export const Allow = (...roles: Role[]) => SetMetadata(POLICY_KEY, { kind: 'roles', roles } satisfies Policy);

/** The caller, as the guard resolved it from the bearer token. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  agencyId: string | null;
  communeIds: string[];
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

/** Roles that read everything in every project (no commune or investor scope). */
const UNSCOPED: readonly Role[] = [
  'center_staff',
  'center_lead',
  'land_office',
  'agriculture_office',
  'infrastructure_office',
  'district_leader',
  'admin',
  'auditor',
];

/**
 * What part of the data a user may see. Commune officers: their communes only. Investors: their own projects.
 * Services apply it in their queries; single-record reads outside it answer 403 AUTH.OUT_OF_SCOPE.
 */
export type AccessScope =
  { kind: 'all' } | { kind: 'communes'; communeIds: string[] } | { kind: 'investor'; agencyId: string | null };

export function accessScope(user: AuthUser): AccessScope {
  if (UNSCOPED.includes(user.role)) return { kind: 'all' };
  if (user.role === 'commune_officer') return { kind: 'communes', communeIds: user.communeIds };
  return { kind: 'investor', agencyId: user.agencyId };
}
