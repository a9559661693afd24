import { AuditEntry } from './core/audit/audit-entry.entity.js';
import { Session } from './core/auth/session.entity.js';
import { User } from './core/auth/user.entity.js';
import { CaseTransition } from './modules/cases/case-transition.entity.js';
import { Case } from './modules/cases/case.entity.js';
import { InventoryItem } from './modules/inventory/inventory-item.entity.js';
import { Inventory } from './modules/inventory/inventory.entity.js';
import { LandType } from './modules/land-types/land-type.entity.js';
import { LandUser } from './modules/land-users/land-user.entity.js';
import { Parcel } from './modules/parcels/parcel.entity.js';
import { Attachment } from './modules/attachments/attachment.entity.js';
import { Engagement } from './modules/engagement/engagement.entity.js';
import { PlanCase } from './modules/plans/plan-case.entity.js';
import { PlanLine } from './modules/plans/plan-line.entity.js';
import { PlanLineCorrection } from './modules/plans/plan-line-correction.entity.js';
import { Complaint, ComplaintEvent } from './modules/complaints/complaint.entity.js';
import { ComplaintRuleRow } from './modules/complaints/complaint-rule.entity.js';
import { PlanTransition } from './modules/plans/plan-transition.entity.js';
import { Plan } from './modules/plans/plan.entity.js';
import { PriceBook } from './modules/pricing/price-book.entity.js';
import { Holiday } from './modules/calendar/holiday.entity.js';
import { IssuedNumber, NumberCounter } from './modules/numbering/issued-number.entity.js';
import { DocumentRecord } from './modules/documents/document.entity.js';
import { LatePaymentRate, Payment } from './modules/payments/payment.entity.js';
import { ReportRule } from './modules/reports/report-rule.entity.js';
import { EarlyHandoverBonusLine } from './modules/handover/early-handover-bonus.entity.js';
import { Handover, HandoverDay } from './modules/handover/handover.entity.js';
import { Milestone } from './modules/projects/milestone.entity.js';
import { Project } from './modules/projects/project.entity.js';
import { AdminUnit } from './modules/reference/admin-unit.entity.js';
import { Agency } from './modules/reference/agency.entity.js';
import { Signatory } from './modules/reference/signatory.entity.js';
import { Regime } from './modules/regimes/regime.entity.js';

/** Every entity, for the one data source shared by the app, the CLI and the tests. */
export const ENTITIES = [
  AdminUnit,
  Agency,
  Signatory,
  User,
  Session,
  AuditEntry,
  Regime,
  Project,
  Milestone,
  LandType,
  LandUser,
  Case,
  CaseTransition,
  Parcel,
  Inventory,
  InventoryItem,
  Engagement,
  Attachment,
  PriceBook,
  Plan,
  PlanCase,
  PlanLine,
  PlanLineCorrection,
  PlanTransition,
  Holiday,
  NumberCounter,
  IssuedNumber,
  DocumentRecord,
  Payment,
  LatePaymentRate,
  ReportRule,
  Handover,
  HandoverDay,
  EarlyHandoverBonusLine,
  Complaint,
  ComplaintEvent,
  ComplaintRuleRow,
];
