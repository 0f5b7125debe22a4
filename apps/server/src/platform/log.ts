// What the request log may hold. Fastify's default request serializer writes the URL with
// its query string and, on an error, the error's own fields; a query string can carry the
// words of a search (`q=` with a caller's name), a file name or an access code, and a
// PostgreSQL error's `detail` repeats the values of the row it refused (an ИИН, an e-mail).
// So: the path and the names of the query parameters, never their values; an error's
// message and stack with anything that looks like an identity number, e-mail or phone
// blotted out. The serializers that use these are in edge.ts.
const IDENTITY_PATTERNS: RegExp[] = [
  /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, // e-mail
  /\+?\d[\d ()-]{8,}\d/g, // phone numbers, ИИН/БИН (12 digits) and other long numbers
];

/** A text with e-mails, phones and identity numbers replaced by `***`. */
export function redactIdentity(text: string): string {
  return IDENTITY_PATTERNS.reduce((t, re) => t.replace(re, '***'), text);
}

/** The path and the names of the query parameters: `/api/v1/appeals?q=…&limit=…`. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  // Paths hold ids and registration numbers, never an applicant's data.
  if (at < 0) return url;
  const names = new URLSearchParams(url.slice(at + 1)).keys();
  return `${url.slice(0, at)}?${[...new Set(names)].map((n) => `${encodeURIComponent(n)}=…`).join('&')}`;
}
