// Submitting an appeal: attachments first (each upload returns an id), then the appeal.
import { api } from '../../lib/api.ts';

export interface AppealInput {
  bodyId: string;
  kind: string;
  text: string;
  topicCode?: string;
  applicant: { type: string; name?: string; iin?: string; bin?: string; email?: string; phone?: string };
  preferredAnswer: string;
  address?: string;
  location?: { lat: number; lon: number };
  attachments?: string[];
  channel?: string;
  receivedAt?: string;
}

export interface Registered {
  id: string;
  number: string;
  accessCode: string;
  status: string;
  receivedAt: string;
}

export interface UploadedFile {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/** Types the server accepts for attachments. */
export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.docx,.txt,application/pdf,image/jpeg,image/png,image/webp,text/plain';
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;

export function registerAppeal(input: AppealInput, idempotencyKey: string) {
  return api<Registered>('/appeals', { body: input, headers: { 'idempotency-key': idempotencyKey } });
}

export async function uploadAttachment(file: File): Promise<UploadedFile> {
  const res = await fetch(`/api/v1/attachments?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': file.type || 'application/octet-stream', accept: 'application/json' },
    body: file,
    credentials: 'same-origin',
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new Error((data as { error?: { message?: string } } | null)?.error?.message ?? res.statusText);
  return data as UploadedFile;
}
