// Inbound: an appeal registered in a national system enters the register through the
// register's own intake, with its channel (eotinish | egov) and its external number kept
// in exchange_link. Idempotent on (system, externalId): the link is written in the
// appeal's own transaction under a unique key, so the same appeal sent twice — one after
// the other or at the same instant — is one appeal, and both answers are its {id, number}.
import type { AnswerMethod, AppealKind } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { registerAppeal, type AppealInput } from '../appeals/index.ts';
import { getBody } from '../bodies/index.ts';
import * as repo from './exchange.repository.ts';
import type { System } from './systems.ts';

export interface InboundAppeal {
  system: System;
  externalId: string;
  externalNumber: string;
  receivedAt: string;
  bodyCode: string;
  kind: AppealKind;
  text: string;
  applicant: AppealInput['applicant'];
  preferredAnswer: AnswerMethod;
  address?: string;
  attachments?: string[];
  topicCode?: string;
  language?: AppealInput['language'];
}

const bodyIds = new WeakMap<object, Map<string, string>>();

/** A body's id by its code, kept per process (bodies are not renamed while the server runs). */
async function bodyIdOf(ctx: AppContext, code: string): Promise<string> {
  let m = bodyIds.get(ctx.db);
  if (!m) bodyIds.set(ctx.db, (m = new Map()));
  const hit = m.get(code);
  if (hit) return hit;
  const body = await getBody(ctx, code).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'BODY_NOT_FOUND') throw new AppError('BODY_NOT_FOUND', 'unknown bodyCode', { field: 'bodyCode' });
    throw e;
  });
  m.set(code, body.id);
  return body.id;
}

export async function receiveAppeal(ctx: AppContext, input: InboundAppeal): Promise<{ id: string; number: string; created: boolean }> {
  const known = await repo.findLinkByExternal(ctx.db, input.system, input.externalId);
  if (known) return { ...known, created: false };
  const bodyId = await bodyIdOf(ctx, input.bodyCode);
  try {
    const appeal = await registerAppeal(
      ctx,
      {
        bodyId,
        kind: input.kind,
        text: input.text,
        topicCode: input.topicCode,
        language: input.language,
        applicant: input.applicant,
        preferredAnswer: input.preferredAnswer,
        address: input.address,
        attachments: input.attachments,
        channel: input.system,
        receivedAt: input.receivedAt,
      },
      {
        channelSetByModule: true,
        receivedAtSetByModule: true,
        // The national system tells the applicant its own number; Tyndau's receipt would be a second one.
        ownReceipt: true,
        within: async (tx, a) => {
          await repo.insertLink(tx, { appealId: a.id, system: input.system, externalId: input.externalId, externalNumber: input.externalNumber, direction: 'inbound', bodyId, at: ctx.clock.now() });
        },
      },
    );
    return { id: appeal.id, number: appeal.number, created: true };
  } catch (err) {
    // The same appeal arrived at the same instant and its twin committed first: the twin's answer.
    if (!repo.isDuplicateLink(err)) throw err;
    const twin = await repo.findLinkByExternal(ctx.db, input.system, input.externalId);
    if (!twin) throw err;
    return { ...twin, created: false };
  }
}
