import type { ChartModel, DocumentModel, TableColumn } from '../../../shared/document-model.js';

/**
 * Templates in templates/documents/*.json hold a document's wording with {{placeholders}} (an administrator changes
 * wording there, not in code); `fillTemplate` fills them from the records, and refuses a placeholder it has no value
 * for: a document never goes out with a blank where a name should be.
 */
/** A template is a document model without its number and date, and with the appendix's columns only. */
export type DocumentTemplate = Omit<DocumentModel, 'number' | 'date' | 'appendix' | 'articles' | 'signature'> & {
  type: string;
  label: string;
  /**
   * The signature block: its fixed lines ("TM. Ủy ban nhân dân") and the head's office ("Chủ tịch"), under which the
   * head signs, or a deputy "KT. Chủ tịch" then their own office (NĐ 30/2020 Phụ lục I); `name` is the signer's.
   */
  signature: { lines: string[]; head?: string; name: string };
  /** A section may name a chart the records provide (`"chart": "progress"`). */
  articles: { heading: string; paragraphs: string[]; chart?: string }[];
  appendix?: { title: string; note: string; columns: TableColumn[] };
};

const PLACEHOLDER = /\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}/g;

export class TemplateError extends Error {
  override name = 'TemplateError';
}

export function fill(text: string, data: Record<string, unknown>): string {
  return substitute(text, data).replace(REPEATED_PROJECT, '$1 ');
}

/** "thực hiện dự án {{project.name}}" with a name that begins "Dự án …" says it once (issue 18 §13). */
const REPEATED_PROJECT = /(dự án) (?:Dự án|dự án|DỰ ÁN) /gu;

function substitute(text: string, data: Record<string, unknown>): string {
  return text.replace(PLACEHOLDER, (_, path: string) => {
    const value = path
      .split('.')
      .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), data);
    if (value === undefined || value === null || value === '') throw new TemplateError(`no value for {{${path}}}`);
    // A placeholder names text or a number, never a record: "[object Object]" must not reach a decision.
    if (
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'bigint' ||
      typeof value === 'boolean'
    )
      return String(value);
    throw new TemplateError(`{{${path}}} is not a text value`);
  });
}

export function fillTemplate(
  t: DocumentTemplate,
  data: Record<string, unknown>,
  meta: {
    number: string;
    date: string;
    appendixRows?: string[][];
    appendixTotals?: string[];
    signatories?: { title: string; name: string }[];
    charts?: Record<string, ChartModel>;
    /** Who signs, as chosen when the document was issued. */
    signer?: { title: string; deputy: boolean };
  },
): DocumentModel {
  const f = (s: string) => fill(s, data);
  return {
    parentBody: t.parentBody ? f(t.parentBody) : undefined,
    issuingBody: f(t.issuingBody),
    number: meta.number,
    place: f(t.place),
    date: meta.date,
    kind: t.kind,
    summary: f(t.summary),
    authority: t.authority ? f(t.authority) : undefined,
    bases: t.bases.map(f),
    proposal: t.proposal ? f(t.proposal) : undefined,
    decides: t.decides,
    articles: t.articles.map((a) => ({
      heading: f(a.heading),
      paragraphs: a.paragraphs.map(f),
      chart: a.chart ? chartOf(a.chart, meta.charts) : undefined,
    })),
    signature: {
      lines: [...t.signature.lines.map(f), ...signerLines(t.signature.head, meta.signer)],
      name: f(t.signature.name),
    },
    recipients: t.recipients.map(f),
    signatories: meta.signatories,
    appendix:
      t.appendix && meta.appendixRows
        ? {
            title: f(t.appendix.title),
            note: f(t.appendix.note),
            columns: t.appendix.columns,
            rows: meta.appendixRows,
            totals: meta.appendixTotals,
          }
        : undefined,
  };
}

function chartOf(name: string, charts: Record<string, ChartModel> | undefined): ChartModel {
  const c = charts?.[name];
  if (!c) throw new TemplateError(`no chart "${name}"`);
  return c;
}

/** The head signs under their office; a deputy signs "KT." the head, then their own office. */
function signerLines(head: string | undefined, signer: { title: string; deputy: boolean } | undefined): string[] {
  if (!head) return [];
  if (signer?.deputy) return [`KT. ${head}`, signer.title];
  return [head];
}
