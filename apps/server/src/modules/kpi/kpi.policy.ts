// Who reads which KPIs. The figures are counts without personal data, yet a body's
// staff see only their own body and the bodies under it; analyst and oversight compare
// every body. A body outside the reader's reach is refused as if it did not exist.
import type { Staff } from '../../platform/staff.ts';
import { CROSS_BODY_READERS } from '../appeals/index.ts';
import { AppError } from '../../platform/errors.ts';

export interface BodyNode {
  id: string;
  parentId: string | null;
}

/** A body and every body under it, at any depth. */
export function withSubordinates(bodies: BodyNode[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const b of bodies) if (b.parentId) children.set(b.parentId, [...(children.get(b.parentId) ?? []), b.id]);
  const out: string[] = [];
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.includes(id)) continue;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/**
 * The bodies a KPI request covers (undefined: every body). `bodyId` asks for one body,
 * `subordinates` adds the bodies under it.
 */
export function kpiScope(staff: Staff, bodies: BodyNode[], bodyId: string | undefined, subordinates: boolean): string[] | undefined {
  const reach = CROSS_BODY_READERS.includes(staff.role) ? undefined : withSubordinates(bodies, staff.bodyId);
  if (!bodyId) return reach;
  if (!bodies.some((b) => b.id === bodyId) || (reach && !reach.includes(bodyId))) throw new AppError('BODY_NOT_FOUND', 'no such body');
  return subordinates ? withSubordinates(bodies, bodyId) : [bodyId];
}
