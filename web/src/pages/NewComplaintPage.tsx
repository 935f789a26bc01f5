// Placeholder: this screen is being built (issue 7).
export function NewComplaintPage() {
  return (
    <section>
      <h1>NewComplaint</h1>
      <p>This screen is not built yet.</p>
    </section>
  );
}
