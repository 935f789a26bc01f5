// Placeholder: this screen is being built (issue 7).
export function CourseReviewPage() {
  return (
    <section>
      <h1>CourseReview</h1>
      <p>This screen is not built yet.</p>
    </section>
  );
}
