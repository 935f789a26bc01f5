// Placeholder: this screen is being built (issue 7).
export function NewCoursePage() {
  return (
    <section>
      <h1>NewCourse</h1>
      <p>This screen is not built yet.</p>
    </section>
  );
}
