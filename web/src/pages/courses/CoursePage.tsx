// Placeholder: this screen is being built (issue 7).
export function CoursePage() {
  return (
    <section>
      <h1>Course</h1>
      <p>This screen is not built yet.</p>
    </section>
  );
}
