// Placeholder: this screen is being built (issue 7).
export function SessionsPage() {
  return (
    <section>
      <h1>Sessions</h1>
      <p>This screen is not built yet.</p>
    </section>
  );
}
