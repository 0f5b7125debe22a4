import type { Role } from '@tyndau/contracts';

/** Who may list the reads of personal data: the oversight body, across all bodies. */
export const READ_AUDIT_ROLES: readonly Role[] = ['oversight'];

export const READ_KINDS = ['card', 'attachment', 'letter_pdf'] as const;
export type ReadKind = (typeof READ_KINDS)[number];
