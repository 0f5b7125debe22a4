// Who sees the reception pages. The server decides (reception.policy.ts); this only keeps
// links that would be refused off the page.
export const RECEPTION_ROLES = ['admin', 'comms_officer', 'head', 'deputy', 'operator'];
export const DESK_ROLES = ['operator', 'comms_officer', 'admin'];
