import type { Generated } from 'kysely';

export interface Open311ApiKeyTable {
  id: Generated<string>;
  name: string;
  /** SHA-256 of the key: the key itself is printed once and never stored. */
  keyHash: string;
  createdAt: Date;
  createdBy: string | null;
  revokedAt: Date | null;
}

export interface Open311AttributeTable {
  id: Generated<string>;
  bodyId: string;
  topicCode: string;
  code: string;
  datatype: string;
  required: Generated<boolean>;
  variable: Generated<boolean>;
  sort: Generated<number>;
  /** { kk, ru, en } */
  description: Record<string, string>;
  datatypeDescription: Record<string, string> | null;
  /** [{ key, name: { kk, ru, en } }] for the list types */
  values: Generated<Array<{ key: string; name: Record<string, string> }>>;
}

export interface Open311RequestTable {
  appealId: string;
  apiKeyId: string;
  mediaUrl: string | null;
  photoId: string | null;
  addressId: string | null;
  attributes: Generated<Record<string, unknown>>;
}

export interface Open311Tables {
  open311ApiKey: Open311ApiKeyTable;
  open311Attribute: Open311AttributeTable;
  open311Request: Open311RequestTable;
}
