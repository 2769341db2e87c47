/**
 * S3: what a wrong or rotated member link shows. It names nothing of any circle (the server
 * answers the same for a circle that never existed), only what the person can do about it.
 */
export function BadLink() {
  return (
    <main className="page narrow">
      <h1>This link no longer opens this circle</h1>
      <p>
        The circle may have made a new link, which stops the old one at once, or this link was copied
        incompletely.
      </p>
      <p>
        <strong>Ask a member of the circle for its current link.</strong>
      </p>
      <p>
        <a href="/">Go to the start page</a>
      </p>
    </main>
  );
}
