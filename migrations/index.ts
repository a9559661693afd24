// Maintained by `npm run migration:generate -- <Name>`: every migration, oldest first.
import { Initial1795504912329 } from './1795504912329-Initial.js';
import { CasesParcelsInventories1795506665112 } from './1795506665112-CasesParcelsInventories.js';
import { CaseHouseholdFlags1795507668087 } from './1795507668087-CaseHouseholdFlags.js';
import { PriceBooksPlans1795508284250 } from './1795508284250-PriceBooksPlans.js';
import { PlanCategoryTotals1795508537293 } from './1795508537293-PlanCategoryTotals.js';
import { CalendarNumbering1795508857124 } from './1795508857124-CalendarNumbering.js';
import { PlanWorkflow1795509084140 } from './1795509084140-PlanWorkflow.js';
import { Documents1795509781336 } from './1795509781336-Documents.js';
import { DocumentFacts1795511302904 } from './1795511302904-DocumentFacts.js';
import { Payments1795511887793 } from './1795511887793-Payments.js';
import { Handovers1795512142574 } from './1795512142574-Handovers.js';
import { HandoverMinutes1795523077273 } from './1795523077273-HandoverMinutes.js';
import { ProgressParcelAreaIndex1795523535117 } from './1795523535117-ProgressParcelAreaIndex.js';
import { EarlyHandoverBonuses1795524187220 } from './1795524187220-EarlyHandoverBonuses.js';
import { ReportRules1795525443111 } from './1795525443111-ReportRules.js';
import { ProgressHandoverIndex1795525638919 } from './1795525638919-ProgressHandoverIndex.js';
import { CaseRecoveredArea1795525988518 } from './1795525988518-CaseRecoveredArea.js';
import { Complaints1795530368407 } from './1795530368407-Complaints.js';
import { CaseInventorySignedOn1795532672308 } from './1795532672308-CaseInventorySignedOn.js';
import { ProgressCaseDates1795536000000 } from './1795536000000-ProgressCaseDates.js';
import { CaseExecutionSuspension1795540000000 } from './1795540000000-CaseExecutionSuspension.js';
import { ComplaintEventComplex1795541000000 } from './1795541000000-ComplaintEventComplex.js';
import { ApprovedNetInForce1795550000000 } from './1795550000000-ApprovedNetInForce.js';
import { FiguresInForce1795551000000 } from './1795551000000-FiguresInForce.js';
import { RecordsProtected1795560000000 } from './1795560000000-RecordsProtected.js';

export const MIGRATIONS: Function[] = [Initial1795504912329, CasesParcelsInventories1795506665112, CaseHouseholdFlags1795507668087, PriceBooksPlans1795508284250, PlanCategoryTotals1795508537293, CalendarNumbering1795508857124, PlanWorkflow1795509084140, Documents1795509781336, DocumentFacts1795511302904, Payments1795511887793, Handovers1795512142574, HandoverMinutes1795523077273, ProgressParcelAreaIndex1795523535117, EarlyHandoverBonuses1795524187220, ReportRules1795525443111, ProgressHandoverIndex1795525638919, CaseRecoveredArea1795525988518, Complaints1795530368407, CaseInventorySignedOn1795532672308, ProgressCaseDates1795536000000, CaseExecutionSuspension1795540000000, ComplaintEventComplex1795541000000, ApprovedNetInForce1795550000000, FiguresInForce1795551000000, RecordsProtected1795560000000];
