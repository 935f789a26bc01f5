// Placeholder: this screen is being built (issue 7).
export function NewSessionPage() {
  return (
    <section>
      <h1>NewSession</h1>
      <p>This screen is not built yet.</p>
    </section>
  );
}
