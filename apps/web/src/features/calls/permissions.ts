// Which staff see the contact line's pages (the server decides what each may do).
export const CALL_ROLES: readonly string[] = ['operator', 'comms_officer', 'head', 'deputy', 'admin'];
export const CALL_STATS_ROLES: readonly string[] = ['operator', 'comms_officer', 'head', 'deputy', 'admin', 'analyst', 'oversight'];
