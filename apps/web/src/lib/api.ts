// One way to call the API: JSON in and out, the page's language for messages, and errors
// as ApiError with the server's stable code and the field it concerns.
import { i18n } from '../i18n/index.ts';

export interface FieldProblem {
  field: string;
  message?: string;
  rule?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[];
  constructor(status: number, code: string, message: string, fields: FieldProblem[]) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** '/applicant/email' (schema path) and 'applicant.email' (service) name the same field. */
export function normalizeField(field: string): string {
  return field.replace(/^\//, '').replace(/\//g, '.');
}

function fieldsOf(details: unknown): FieldProblem[] {
  const list = Array.isArray(details) ? details : details && typeof details === 'object' ? [details] : [];
  return list
    .filter((d): d is { field: string; message?: string; rule?: string } => !!d && typeof (d as { field?: unknown }).field === 'string')
    .map((d) => ({ field: normalizeField(d.field), message: d.message, rule: d.rule }));
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language || 'kk', ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`/api/v1${path}`, {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers,
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    credentials: 'same-origin',
    signal: init.signal,
  });
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? 'INTERNAL', err?.message ?? res.statusText, fieldsOf(err?.details));
  }
  return data as T;
}

/** Query string from defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && v !== false) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
