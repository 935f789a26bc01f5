// Placeholder: this screen is being built (issue 7).
export function CourseReviewQueuePage() {
  return (
    <section>
      <h1>CourseReviewQueue</h1>
      <p>This screen is not built yet.</p>
    </section>
  );
}
