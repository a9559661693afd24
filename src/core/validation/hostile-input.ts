import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import type { FieldProblem } from '../errors/app-error.js';
import { validationError } from './validation.js';

/**
 * What every request passes before any handler, DTO or library sees it (one mechanism for every route, not per DTO):
 * - nesting at most MAX_DEPTH levels (deeper JSON made class-transformer and JSON.stringify overflow the stack);
 * - no `__proto__`, `constructor` or `prototype` keys;
 * - no NUL character (PostgreSQL refuses it in text) and no lone UTF-16 surrogate (not text at all);
 * - a JSON body that is valid UTF-8 (the parser would otherwise store U+FFFD in place of the bad bytes);
 * - every string in Unicode NFC, so "Hoàng" typed on a Mac (decomposed) and on Windows (composed) is one name
 *   for search, uniqueness and documents.
 * A problem is a coded 400 naming the field; nothing is written.
 */
export const MAX_DEPTH = 32;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const problem = (field: string, code: string, message: string): FieldProblem => ({ field, code, message });

function stringProblem(field: string, s: string): FieldProblem | null {
  if (s.includes('\u0000')) return problem(field, 'VALIDATION.NUL_CHARACTER', 'Không được chứa ký tự NUL (mã 0).');
  if (LONE_SURROGATE.test(s))
    return problem(field, 'VALIDATION.INVALID_CHARACTER', 'Chứa ký tự không hợp lệ (mã UTF-16 lẻ cặp).');
  return null;
}

/**
 * Checks a parsed value (a JSON body, a query, multipart fields) without recursion and puts every string in NFC in
 * place. Returns the first problem, or null. `root` names the value in the problem's field ('' for a body).
 */
export function cleanInput(value: unknown, root = ''): FieldProblem | null {
  if (typeof value === 'string') return stringProblem(root || '(body)', value);
  if (value === null || typeof value !== 'object') return null;
  const stack: { node: Record<string, unknown> | unknown[]; path: string; depth: number }[] = [
    { node: value as Record<string, unknown>, path: root, depth: 1 },
  ];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (depth > MAX_DEPTH)
      return problem(path || '(body)', 'VALIDATION.TOO_DEEP', `Dữ liệu lồng nhau quá sâu (tối đa ${MAX_DEPTH} cấp).`);
    const keys = Array.isArray(node) ? node.keys() : Object.keys(node);
    for (const key of keys) {
      const field = path ? `${path}.${key}` : String(key);
      if (typeof key === 'string') {
        if (FORBIDDEN_KEYS.has(key))
          return problem(field, 'VALIDATION.FORBIDDEN_FIELD', 'Tên trường này không được phép.');
        const bad = stringProblem(field, key);
        if (bad) return bad;
      }
      const child = (node as Record<string | number, unknown>)[key];
      if (typeof child === 'string') {
        const bad = stringProblem(field, child);
        if (bad) return bad;
        const nfc = child.normalize('NFC');
        if (nfc !== child) (node as Record<string | number, unknown>)[key] = nfc;
      } else if (child !== null && typeof child === 'object') {
        stack.push({ node: child as Record<string, unknown>, path: field, depth: depth + 1 });
      }
    }
  }
  return null;
}

const INVALID_UTF8 = Symbol('invalidUtf8');

/** The JSON parser's `verify`: remembers a body that is not valid UTF-8 (refused by `refuseHostileInput`). */
export function markInvalidUtf8(req: IncomingMessage, _res: unknown, buf: Buffer): void {
  if (!isUtf8(buf)) (req as IncomingMessage & { [INVALID_UTF8]?: boolean })[INVALID_UTF8] = true;
}

/** Express middleware, after the JSON parser: the path, the query and the body, as described above. */
export function refuseHostileInput(req: Request, _res: Response, next: NextFunction): void {
  const found = checkRequest(req);
  next(found ? validationError([found]) : undefined);
}

function checkRequest(req: Request): FieldProblem | null {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return problem('(path)', 'VALIDATION.BAD_PATH', 'Đường dẫn có ký tự mã hóa sai.');
  }
  const bad = stringProblem('(path)', path);
  if (bad) return bad;
  if ((req as Request & { [INVALID_UTF8]?: boolean })[INVALID_UTF8]) {
    return problem('(body)', 'VALIDATION.INVALID_UTF8', 'Dữ liệu gửi lên không phải văn bản UTF-8 hợp lệ.');
  }
  // Express 5 parses the query string again on every read of req.query: keep the cleaned copy.
  const query = req.query;
  Object.defineProperty(req, 'query', { value: query, writable: true, configurable: true, enumerable: true });
  return cleanInput(query) ?? cleanInput(req.body);
}

/**
 * The same check as a global pipe, first of the pipes, for what reaches a handler after the middleware: the text
 * fields of a multipart upload (parsed by the route's file interceptor).
 */
export class HostileInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const found = cleanInput(value);
      if (found) throw validationError([found]);
    }
    return value;
  }
}
