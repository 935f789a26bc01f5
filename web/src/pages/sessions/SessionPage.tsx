// Placeholder: this screen is being built (issue 7).
export function SessionPage() {
  return (
    <section>
      <h1>Session</h1>
      <p>This screen is not built yet.</p>
    </section>
  );
}
