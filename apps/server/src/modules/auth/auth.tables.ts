import type { Generated } from 'kysely';

export interface StaffUserTable {
  id: Generated<string>;
  email: string;
  passwordHash: string;
  name: string;
  role: string;
  bodyId: string;
  unitId: string | null;
  language: Generated<string>;
  active: Generated<boolean>;
  createdAt: Generated<Date>;
}

export interface StaffSessionTable {
  tokenHash: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface AuthTables {
  staffUser: StaffUserTable;
  staffSession: StaffSessionTable;
}
