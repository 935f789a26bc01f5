// Training holds no Person rows: a reference is just its key, and the fields above resolve from it.
export function personReference() {
  return (ref: { id: string }) => ({ id: ref.id });
}
