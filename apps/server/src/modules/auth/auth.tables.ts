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
  /** Set by `user add`: the password someone else chose is changed at first sign-in. */
  mustChangePassword: Generated<boolean>;
  passwordChangedAt: Date | null;
  /** Base32 TOTP secret once enrolment is confirmed. */
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  /** A secret shown on the account page, not yet confirmed with a code. */
  totpPendingSecret: string | null;
}

export interface StaffSessionTable {
  tokenHash: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
}

export interface StaffRecoveryCodeTable {
  userId: string;
  codeHash: string;
  usedAt: Date | null;
}

export interface StaffSignInFailureTable {
  email: string;
  at: Date;
}

export interface StaffSignInChallengeTable {
  tokenHash: string;
  userId: string;
  via: string;
  passwordChanged: Generated<boolean>;
  secondFactorDone: Generated<boolean>;
  pendingTotpSecret: string | null;
  failures: Generated<number>;
  createdAt: Date;
  expiresAt: Date;
}

export interface StaffOidcRequestTable {
  stateHash: string;
  codeVerifier: string;
  nonce: string;
  language: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface AuthTables {
  staffUser: StaffUserTable;
  staffSession: StaffSessionTable;
  staffRecoveryCode: StaffRecoveryCodeTable;
  staffSignInFailure: StaffSignInFailureTable;
  staffSignInChallenge: StaffSignInChallengeTable;
  staffOidcRequest: StaffOidcRequestTable;
}
