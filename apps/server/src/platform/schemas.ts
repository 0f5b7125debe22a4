// TypeBox pieces used by several modules' routes.
import { Type } from 'typebox';

export const Localized = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });
export const Uuid = Type.String({ format: 'uuid' });
export const NullableString = Type.Union([Type.String(), Type.Null()]);
export const ErrorResponse = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }) });

/** A comma-separated list of known values: a misspelt filter is a 400, not an empty list. */
export const listOf = (values: readonly string[], what: string) => {
  const one = `\\s*(${values.join('|')})\\s*`;
  return Type.String({ maxLength: 300, pattern: `^${one}(,${one})*$`, description: `comma-separated ${what}: ${values.join(', ')}` });
};
