/** Decimal strings as PostgreSQL returns numeric ("70.00") lose their trailing zeros ("70"), exactly, as text. */
export const trimDecimal = (s: string): string => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);
