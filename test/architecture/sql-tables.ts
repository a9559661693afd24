import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * What the modules really touch: the tables named in the SQL strings of each file under src/ (FROM, JOIN, INTO,
 * UPDATE, DELETE FROM, TRUNCATE in any string or template literal), and the tables of the entities it imports from
 * another module. Import graphs do not see SQL; this does.
 */
export interface Touch {
  module: string;
  table: string;
  file: string;
  how: 'sql' | 'entity';
}

const SQL_TABLE = /\b(?:FROM|JOIN|INTO|UPDATE|TRUNCATE(?:\s+TABLE)?|DELETE\s+FROM)\s+(?:ONLY\s+)?([a-z_][a-z0-9_]*)/gi;

/** `src/modules/cases/…` → `cases`; `src/core/audit/…` → `core/audit`; anything else under src → `app`. */
export function moduleOf(file: string): string {
  const parts = file.split('/');
  if (parts[1] === 'modules') return parts[2];
  if (parts[1] === 'core') return `core/${parts[2]}`;
  return 'app';
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

function literals(source: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node))
      out.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ? '));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Entity class → table, from the `@Entity('table')` of every entity file. */
export function entityTables(root: string): Map<string, { table: string; file: string }> {
  const map = new Map<string, { table: string; file: string }>();
  for (const path of files(join(root, 'src')).filter((f) => f.endsWith('.entity.ts'))) {
    const text = readFileSync(path, 'utf8');
    const re = /@Entity\(\s*(?:\{\s*name:\s*)?'([a-z_]+)'[^)]*\)\s*(?:@[^\n]+\n\s*)*export (?:abstract )?class (\w+)/g;
    for (const m of text.matchAll(re)) map.set(m[2], { table: m[1], file: relative(root, path) });
  }
  return map;
}

export function touches(root: string, knownTables: Set<string>): Touch[] {
  const entities = entityTables(root);
  const out: Touch[] = [];
  for (const path of files(join(root, 'src'))) {
    const file = relative(root, path);
    const module = moduleOf(file);
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const seen = new Set<string>();
    for (const literal of literals(source)) {
      for (const m of literal.matchAll(SQL_TABLE)) {
        const table = m[1].toLowerCase();
        if (knownTables.has(table) && !seen.has(table)) {
          seen.add(table);
          out.push({ module, table, file, how: 'sql' });
        }
      }
    }
    // Another module's entity used here (a repository, a query builder, a relation) touches its table.
    for (const stmt of source.statements) {
      if (
        !ts.isImportDeclaration(stmt) ||
        !ts.isStringLiteral(stmt.moduleSpecifier) ||
        !stmt.moduleSpecifier.text.endsWith('.entity.js')
      )
        continue;
      if (stmt.importClause?.isTypeOnly) continue;
      const bindings = stmt.importClause?.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) continue;
      for (const el of bindings.elements) {
        if (el.isTypeOnly) continue;
        const entity = entities.get((el.propertyName ?? el.name).text);
        if (entity && moduleOf(entity.file) !== module && !seen.has(entity.table)) {
          seen.add(entity.table);
          out.push({ module, table: entity.table, file, how: 'entity' });
        }
      }
    }
  }
  return out;
}
