// Ids are UUIDs everywhere; branded so a PersonId cannot be passed where a CourseId is meant.
declare const brand: unique symbol;
export type Id<K extends string> = string & { readonly [brand]: K };
export type PersonId = Id<'Person'>;
export type AccountId = Id<'Account'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
