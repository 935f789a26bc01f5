// Placeholder: this screen is being built (issue 7).
export function RecertificationPage() {
  return (
    <section>
      <h1>Recertification</h1>
      <p>This screen is not built yet.</p>
    </section>
  );
}
