// Placeholder: this screen is being built (issue 7).
export function PoliciesPage() {
  return (
    <section>
      <h1>Policies</h1>
      <p>This screen is not built yet.</p>
    </section>
  );
}
