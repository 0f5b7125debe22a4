// The signed-in staff member as every request and use case sees it. It lives here, below the
// modules, because the HTTP layer (requireStaff) and every module's policy need it; the auth
// module makes and checks these, and owns the accounts behind them.
import type { Role } from '@tyndau/contracts';

export interface Staff {
  id: string;
  email: string;
  name: string;
  role: Role;
  bodyId: string;
  unitId: string | null;
  language: string;
}
