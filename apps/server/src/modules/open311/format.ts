// The two forms of every Open311 answer. JSON is the object as is; XML follows the
// specification's element names: a list is the plural element holding one singular element
// per item (services/service, service_requests/request, errors/error, …), nulls are empty
// elements. Datetimes are W3C (ISO 8601) with the zone: Kazakhstan's +05:00.
import { XMLBuilder } from 'fast-xml-parser';

export type Format = 'json' | 'xml';

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false, ignoreAttributes: true });

/** XML names for list items: the spec's singular of each list element. */
const ITEM: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  service_request_updates: 'request_update',
  keywords: 'keyword',
};

function toXmlValue(name: string, v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return { [ITEM[name] ?? 'item']: v.map((x) => toXmlValue(ITEM[name] ?? 'item', x)) };
  if (typeof v === 'object' && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toXmlValue(k, x)]));
  return v;
}

/** The XML document of `root` holding `value` (an array becomes repeated item elements). */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build({ [root]: toXmlValue(root, value) })}`;
}

export const contentTypeOf = (f: Format) => (f === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8');

/** `requests.json` → ['requests', 'json']; no or another suffix → undefined format. */
export function splitFormat(file: string): { name: string; format: Format | undefined } {
  const dot = file.lastIndexOf('.');
  if (dot < 0) return { name: file, format: undefined };
  const ext = file.slice(dot + 1).toLowerCase();
  return { name: file.slice(0, dot), format: ext === 'json' || ext === 'xml' ? ext : undefined };
}

const ALMATY_OFFSET_MS = 5 * 3_600_000;

/** 2026-12-04T23:40:09+05:00: W3C datetime in Kazakhstan's zone. */
export function w3c(d: Date | null | undefined): string | null {
  if (!d) return null;
  return `${new Date(d.getTime() + ALMATY_OFFSET_MS).toISOString().slice(0, 19)}+05:00`;
}

/** The spec's error answer: a list of {code, description}; the code is the HTTP status. */
export const errorList = (status: number, description: string) => [{ code: status, description }];
