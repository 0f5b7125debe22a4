// What each network posts, read into one shape: a comment under a post of the body's account.
// Shapes follow each network's documentation:
//   - Telegram Bot API `Update` with `message` in the channel's discussion group: a comment is a
//     reply to the channel post that Telegram forwarded into the group (`is_automatic_forward`);
//   - VK Callback API `wall_reply_new` (object: a wall comment with `post_id`, `owner_id`);
//   - Facebook Page webhook `feed` changes with `item: "comment"`, Instagram `comments` changes.
// A payload that is no comment (a join, an edit, a like) yields nothing and is answered 200.
export type Network = 'telegram' | 'vk' | 'instagram' | 'facebook';
export const NETWORKS: readonly Network[] = ['telegram', 'vk', 'instagram', 'facebook'];
/** Networks without an API: their comments come in by import (exports of SMM tools). */
export const IMPORT_NETWORKS = ['telegram', 'vk', 'instagram', 'facebook', 'tiktok', 'youtube', 'other'] as const;

export interface IncomingComment {
  /** The network's id of the comment, unique per body and network: the key of deduplication. */
  externalId: string;
  accountRef: string | null;
  postId: string | null;
  commentId: string;
  parentId: string | null;
  authorId: string | null;
  authorName: string | null;
  text: string;
  link: string | null;
  postedAt: Date;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null);
const fromUnix = (v: unknown, fallback: Date) => (typeof v === 'number' && Number.isFinite(v) ? new Date(v * 1000) : fallback);
const MAX_TEXT = 10_000;
const clip = (s: string) => s.slice(0, MAX_TEXT);

/** A Telegram `Update`: a message (or its caption) in the discussion group. */
export function telegramComments(update: unknown, now: Date): IncomingComment[] {
  const u = obj(update);
  const m = obj(u?.message);
  const chat = obj(m?.chat);
  const chatId = str(chat?.id);
  const messageId = str(m?.message_id);
  const text = str(m?.text) ?? str(m?.caption);
  if (!m || !chatId || !messageId || !text?.trim()) return [];
  // The channel's own post forwarded into the group is the post, not a comment.
  if (m.is_automatic_forward === true) return [];
  const from = obj(m.from);
  const reply = obj(m.reply_to_message);
  // The post a comment belongs to: the channel's message id when the reply is to the forwarded post.
  // In a discussion group every comment of a post carries message_thread_id, the id of the
  // post's automatic forward in the group; a reply to the forward itself may come without it.
  const postId = str(m.message_thread_id) ?? (reply ? str(reply.message_id) : null);
  const name = from ? [str(from.first_name), str(from.last_name)].filter(Boolean).join(' ') || str(from.username) : str(obj(m.sender_chat)?.title);
  const username = str(chat?.username);
  const link = username ? `https://t.me/${username}/${messageId}` : chatId.startsWith('-100') ? `https://t.me/c/${chatId.slice(4)}/${messageId}` : null;
  return [
    {
      externalId: `${chatId}:${messageId}`,
      accountRef: chatId,
      postId,
      commentId: messageId,
      parentId: reply ? str(reply.message_id) : null,
      authorId: str(from?.id) ?? str(obj(m.sender_chat)?.id),
      authorName: name,
      text: clip(text),
      link,
      postedAt: fromUnix(m.date, now),
    },
  ];
}

/** A VK Callback API event of type `wall_reply_new` (other types yield nothing). */
export function vkComments(event: unknown, now: Date): IncomingComment[] {
  const e = obj(event);
  if (e?.type !== 'wall_reply_new') return [];
  const c = obj(e.object);
  const id = str(c?.id);
  const ownerId = str(c?.owner_id) ?? (str(e.group_id) ? `-${str(e.group_id)}` : null);
  const text = str(c?.text);
  if (!c || !id || !ownerId || !text?.trim()) return [];
  const postId = str(c.post_id);
  return [
    {
      externalId: `${ownerId}_${id}`,
      accountRef: str(e.group_id),
      postId,
      commentId: id,
      parentId: str(c.reply_to_comment),
      authorId: str(c.from_id),
      authorName: null,
      text: clip(text),
      link: postId ? `https://vk.com/wall${ownerId}_${postId}?reply=${id}` : null,
      postedAt: fromUnix(c.date, now),
    },
  ];
}

/**
 * A Meta webhook: `{object: "page" | "instagram", entry: [{id, time, changes: [{field, value}]}]}`.
 * Facebook pages report comments as `feed` changes with `item: "comment"` and `verb: "add"`;
 * Instagram as `comments` changes.
 */
export function metaComments(network: 'facebook' | 'instagram', payload: unknown, now: Date): IncomingComment[] {
  const p = obj(payload);
  const entries = Array.isArray(p?.entry) ? p.entry : [];
  const out: IncomingComment[] = [];
  for (const entryValue of entries) {
    const entry = obj(entryValue);
    const accountRef = str(entry?.id);
    const changes = Array.isArray(entry?.changes) ? entry.changes : [];
    for (const changeValue of changes) {
      const change = obj(changeValue);
      const v = obj(change?.value);
      if (!v) continue;
      const from = obj(v.from);
      if (network === 'facebook') {
        if (!(change?.field === 'feed' && v.item === 'comment' && (v.verb === undefined || v.verb === 'add'))) continue;
        const id = str(v.comment_id);
        const text = str(v.message);
        if (!id || !text?.trim()) continue;
        const postId = str(v.post_id);
        const parent = str(v.parent_id);
        out.push({
          externalId: id,
          accountRef,
          postId,
          commentId: id,
          parentId: parent && parent !== postId ? parent : null,
          authorId: str(from?.id),
          authorName: str(from?.name),
          text: clip(text),
          link: `https://www.facebook.com/${id}`,
          postedAt: typeof v.created_time === 'number' ? new Date(v.created_time * 1000) : now,
        });
      } else {
        if (change?.field !== 'comments') continue;
        const id = str(v.id);
        const text = str(v.text);
        if (!id || !text?.trim()) continue;
        out.push({
          externalId: id,
          accountRef,
          postId: str(obj(v.media)?.id),
          commentId: id,
          parentId: str(v.parent_id),
          authorId: str(from?.id),
          authorName: str(from?.username),
          text: clip(text),
          link: null,
          postedAt: fromUnix(entry?.time, now),
        });
      }
    }
  }
  return out;
}
