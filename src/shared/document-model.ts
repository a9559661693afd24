/** A decision, notice or minutes as data, laid out per NĐ 30/2020 (procedure.md §13) by nd30-pdf.ts. */
export interface TableColumn {
  header: string;
  /** Share of the table width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A line chart of a share over time against dated targets (the progress chart of a report). Percents as decimal text. */
export interface ChartModel {
  title: string;
  /** YYYY-MM-DD: the x axis runs from `from` to the later of `to` and the last target. */
  from: string;
  to: string;
  points: { date: string; percent: string }[];
  targets: { date: string; percent: string; label: string }[];
  /** Legend of the line, e.g. "Tỷ lệ diện tích đã bàn giao (%)". */
  lineLabel: string;
}

export interface DocumentModel {
  /** Cơ quan chủ quản (upright caps), when the issuing body has one. */
  parentBody?: string;
  /** Cơ quan ban hành (bold caps). */
  issuingBody: string;
  /** "Số: 05/QĐ-UBND" without "Số: ". */
  number: string;
  /** Địa danh, e.g. "Cao Lộc". */
  place: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Tên loại, e.g. "QUYẾT ĐỊNH". */
  kind: string;
  /** Trích yếu. */
  summary: string;
  /** Thẩm quyền ban hành line (e.g. "ỦY BAN NHÂN DÂN HUYỆN CAO LỘC"), for decisions. */
  authority?: string;
  bases: string[];
  proposal?: string;
  /** Whether "QUYẾT ĐỊNH:" introduces the articles. */
  decides: boolean;
  /** Sections; a section may end with a chart (reports). */
  articles: { heading: string; paragraphs: string[]; chart?: ChartModel }[];
  signature: { lines: string[]; name: string };
  /** Minutes are signed by several parties side by side (household, inventory team, commune) instead of one signer. */
  signatories?: { title: string; name: string }[];
  recipients: string[];
  appendix?: { title: string; note: string; columns: TableColumn[]; rows: string[][]; totals?: string[] };
}
