// Appeals filled in without a network: kept in the browser (IndexedDB) with their photos
// and the Idempotency-Key made when the form was opened, and sent when the network returns.
// The key is what keeps a resend from doubling: an appeal whose first send reached the
// server but whose answer was lost is answered again with the same number.
import { createStore, del, entries, set } from 'idb-keyval';
import { ApiError } from '../../lib/api.ts';
import { registerAppeal, uploadAttachment, type AppealInput, type Registered } from './api.ts';

export interface PendingAppeal {
  key: string;
  /** the server's reason, when it refused the appeal: kept for the person, not resent */
  refused?: string;
  input: AppealInput;
  /** photos not yet uploaded (taken offline), sent before the appeal */
  photos: { name: string; type: string; blob: Blob }[];
  bodyCode: string;
  savedAt: string;
}

export interface SentAppeal {
  key: string;
  bodyCode: string;
  result: Registered;
}

// Two databases (idb-keyval keeps one store per database): appeals waiting, and the numbers
// and access codes of those sent in the background, kept until the person has seen them.
const store = () => createStore('tyndau-outbox', 'appeals');
const sentStore = () => createStore('tyndau-outbox-sent', 'sent');
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((l) => l());

export function onOutboxChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export async function keepPending(p: PendingAppeal): Promise<void> {
  await set(p.key, p, store());
  changed();
}

export async function pendingAppeals(): Promise<PendingAppeal[]> {
  return (await entries<string, PendingAppeal>(store())).map(([, v]) => v).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

/** A failure of the network (no answer), as opposed to the server refusing the appeal. */
export const isNetworkError = (err: unknown) => !(err instanceof ApiError) && !(err instanceof UploadRefused);

export class UploadRefused extends Error {}

/** Sends one kept appeal: its photos, then the appeal with its key. */
export async function sendPending(p: PendingAppeal): Promise<Registered> {
  const ids: string[] = [];
  for (const photo of p.photos) {
    try {
      ids.push((await uploadAttachment(new File([photo.blob], photo.name, { type: photo.type }))).id);
    } catch (err) {
      // fetch rejects with a TypeError when there is no network; a refused file is a plain Error.
      if (err instanceof TypeError) throw err;
      throw new UploadRefused((err as Error).message);
    }
  }
  const input = { ...p.input, attachments: [...(p.input.attachments ?? []), ...ids] };
  return registerAppeal(input, p.key);
}

let flushing: Promise<SentAppeal[]> | null = null;

/**
 * Sends every kept appeal, oldest first; stops at the first network failure (the rest wait
 * for the next `online`). An appeal the server refuses (4xx) stays kept, for the person to
 * see and correct; it is not sent again automatically.
 */
export function flushOutbox(): Promise<SentAppeal[]> {
  flushing ??= (async () => {
    const sent: SentAppeal[] = [];
    try {
      for (const p of await pendingAppeals()) {
        if (p.refused) continue;
        try {
          const result = await sendPending(p);
          const done = { key: p.key, bodyCode: p.bodyCode, result };
          await set(p.key, done, sentStore());
          await del(p.key, store());
          sent.push(done);
        } catch (err) {
          if (isNetworkError(err)) break;
          await set(p.key, { ...p, refused: (err as Error).message }, store());
        }
      }
    } finally {
      flushing = null;
      changed();
    }
    return sent;
  })();
  return flushing;
}

export async function forgetPending(key: string): Promise<void> {
  await del(key, store());
  changed();
}

export async function sentAppeals(): Promise<SentAppeal[]> {
  return (await entries<string, SentAppeal>(sentStore())).map(([, v]) => v).sort((a, b) => a.result.receivedAt.localeCompare(b.result.receivedAt));
}

/** The person has noted the number and code of a sent appeal. */
export async function forgetSent(key: string): Promise<void> {
  await del(key, sentStore());
  changed();
}
