import { AuditEntry } from './core/audit/audit-entry.entity.js';
import { Session } from './core/auth/session.entity.js';
import { User } from './core/auth/user.entity.js';
import { Milestone } from './modules/projects/milestone.entity.js';
import { Project } from './modules/projects/project.entity.js';
import { AdminUnit } from './modules/reference/admin-unit.entity.js';
import { Agency } from './modules/reference/agency.entity.js';
import { Regime } from './modules/regimes/regime.entity.js';

/** Every entity, for the one data source shared by the app, the CLI and the tests. */
export const ENTITIES = [AdminUnit, Agency, User, Session, AuditEntry, Regime, Project, Milestone];
