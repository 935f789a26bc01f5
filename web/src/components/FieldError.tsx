/** A server's reason next to the field it is about; the field points at it with aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className="field__error" data-testid={`${id}`}>
      {messages.join('; ')}
    </p>
  );
}
