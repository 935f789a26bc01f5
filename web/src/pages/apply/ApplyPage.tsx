// Placeholder: this screen is being built (issue 7).
export function ApplyPage() {
  return (
    <section>
      <h1>Apply</h1>
      <p>This screen is not built yet.</p>
    </section>
  );
}
