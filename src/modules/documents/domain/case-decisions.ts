import { formatVnDate } from '../../../shared/dates.js';

/** What a case document after approval names: the household, its place, the project. */
export interface CaseNaming {
  name: string;
  address: string | null;
  commune: string;
  communeKind: string;
  district: string;
  projectName: string;
}

/**
 * The heading shared by the documents that follow a case's approval (thông báo chi trả, biên bản bàn giao, QĐ cưỡng
 * chế): the household and its place, the decision approving its compensation (the latest approved, an adjustment
 * replacing its parent's) and its recovery decision (issued once). Who signs is the document's own (documents.signer).
 */
export function caseDecisionsHeading(
  c: CaseNaming,
  approval: { approvalNumber: string | null; approvedOn: string | null } | null,
  recovery: { number: string; decidedOn: string } | null,
) {
  return {
    district: { name: c.district },
    project: { name: c.projectName },
    holder: { name: c.name, address: c.address || `${c.communeKind} ${c.commune}` },
    commune: { name: c.commune, kind: c.communeKind },
    approval: {
      number: approval?.approvalNumber ?? null,
      date: approval?.approvedOn ? formatVnDate(approval.approvedOn) : '',
    },
    recovery: { number: recovery?.number ?? null, date: recovery?.decidedOn ? formatVnDate(recovery.decidedOn) : '' },
  };
}
