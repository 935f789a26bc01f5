// Placeholder: this screen is being built (issue 7).
export function CoursesPage() {
  return (
    <section>
      <h1>Courses</h1>
      <p>This screen is not built yet.</p>
    </section>
  );
}
